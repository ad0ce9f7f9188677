package io.newswatch.model.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address ranges that are not the public internet, so a client that calls URLs it did not choose itself (a
 * crawler following links, a webhook taken from configuration) can refuse to be turned against the machine it runs
 * on, its local network or a cloud metadata service (server-side request forgery). The ranges are those of the
 * IANA special-purpose address registries (RFC 6890) that a host can reach:
 * <ul>
 *   <li>{@link #LOOPBACK}: 127.0.0.0/8 and ::1 (RFC 1122, RFC 4291);</li>
 *   <li>{@link #PRIVATE}: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), fc00::/7 unique-local (RFC 4193)
 *       and the deprecated site-local fec0::/10;</li>
 *   <li>{@link #CARRIER_GRADE_NAT}: 100.64.0.0/10 (RFC 6598);</li>
 *   <li>{@link #LINK_LOCAL}: 169.254.0.0/16, with the cloud metadata address 169.254.169.254 (RFC 3927), and
 *       fe80::/10;</li>
 *   <li>{@link #UNSPECIFIED}: 0.0.0.0/8 ("this network", RFC 1122) and ::;</li>
 *   <li>{@link #MULTICAST}: 224.0.0.0/4 and ff00::/8;</li>
 *   <li>{@link #RESERVED}: 240.0.0.0/4 with the limited broadcast address 255.255.255.255 (RFC 1112,
 *       RFC 919);</li>
 *   <li>{@link #SPECIAL_PURPOSE}: the other blocks of the registries that no public server uses: 192.0.0.0/24
 *       IETF protocol assignments (RFC 6890), 198.18.0.0/15 benchmarking (RFC 2544), the documentation blocks
 *       192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737) and 2001:db8::/32 (RFC 3849), the local-use NAT64
 *       prefix 64:ff9b:1::/48 (RFC 8215), Teredo 2001::/32 (RFC 4380: a tunnel whose far end cannot be judged) and
 *       the discard-only block 100::/64 (RFC 6666).</li>
 * </ul>
 * IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, the NAT64
 * well-known prefix 64:ff9b::/96 of RFC 6052, and 6to4 2002::/16 of RFC 3056, whose bits 16–47 are the IPv4
 * address) are judged by that IPv4 address, so {@code [::ffff:127.0.0.1]} is loopback,
 * {@code [64:ff9b::a9fe:a9fe]} and {@code [2002:a9fe:a9fe::]} are link-local.
 */
public enum AddressRange {
    LOOPBACK("loopback", "127.0.0.0/8, ::1"),
    PRIVATE("private", "RFC 1918 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16; fc00::/7"),
    CARRIER_GRADE_NAT("carrier-grade NAT", "100.64.0.0/10"),
    LINK_LOCAL("link-local", "169.254.0.0/16 with the cloud metadata address 169.254.169.254; fe80::/10"),
    UNSPECIFIED("unspecified", "0.0.0.0/8, ::"),
    MULTICAST("multicast", "224.0.0.0/4, ff00::/8"),
    RESERVED("reserved or broadcast", "240.0.0.0/4, 255.255.255.255"),
    SPECIAL_PURPOSE("special-purpose", "192.0.0.0/24, 198.18.0.0/15, 192.0.2.0/24, 198.51.100.0/24, "
            + "203.0.113.0/24; 2001:db8::/32, 2001::/32, 64:ff9b:1::/48, 100::/64");

    /** IPv4 blocks of {@link #SPECIAL_PURPOSE}; IPv6 ones are matched by prefix in {@link #specialPurpose6}. */
    private static final List<AddressBlock> SPECIAL_PURPOSE_V4 = AddressBlock.parseList(
            "192.0.0.0/24, 198.18.0.0/15, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24");

    private final String words;
    private final String blocks;

    AddressRange(String words, String blocks) {
        this.words = words;
        this.blocks = blocks;
    }

    /** The range's name in a sentence, e.g. "link-local". */
    public String words() {
        return words;
    }

    /** The blocks the range covers, for messages, e.g. "100.64.0.0/10". */
    public String blocks() {
        return blocks;
    }

    /** "link-local (169.254.0.0/16 ...; fe80::/10)": what a refusal says about an address. */
    public String describe() {
        return words + " (" + blocks + ")";
    }

    /** The non-public range the address lies in, or empty for a public address. */
    public static Optional<AddressRange> of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) {
                return of(embedded.get());
            }
        }
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of(LOOPBACK);
        }
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && b[0] == 0)) {
            return Optional.of(UNSPECIFIED);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(LINK_LOCAL);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(MULTICAST);
        }
        // isSiteLocalAddress covers 10/8, 172.16/12, 192.168/16 and fec0::/10, but not unique local fc00::/7
        if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc)) {
            return Optional.of(PRIVATE);
        }
        if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return Optional.of(CARRIER_GRADE_NAT);
        }
        if (address instanceof Inet4Address && (b[0] & 0xf0) == 0xf0) {
            return Optional.of(RESERVED);
        }
        if (address instanceof Inet4Address
                ? SPECIAL_PURPOSE_V4.stream().anyMatch(block -> block.contains(address)) : specialPurpose6(b)) {
            return Optional.of(SPECIAL_PURPOSE);
        }
        return Optional.empty();
    }

    /** 2001:db8::/32, Teredo 2001::/32, 64:ff9b:1::/48, 100::/64. */
    private static boolean specialPurpose6(byte[] b) {
        int w0 = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        int w1 = (b[2] & 0xff) << 8 | (b[3] & 0xff);
        int w2 = (b[4] & 0xff) << 8 | (b[5] & 0xff);
        int w3 = (b[6] & 0xff) << 8 | (b[7] & 0xff);
        return (w0 == 0x2001 && (w1 == 0x0db8 || w1 == 0))
                || (w0 == 0x0064 && w1 == 0xff9b && w2 == 1)
                || (w0 == 0x0100 && w1 == 0 && w2 == 0 && w3 == 0);
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) or 6to4 (2002:aabb:ccdd::/48, RFC 3056 section 2) address; :: and ::1 are left alone. (The JDK turns a parsed mapped address into an
     * {@link Inet4Address}, but {@link Inet6Address#getByAddress(String, byte[], int)} keeps it IPv6.)
     */
    private static Optional<Inet4Address> embeddedIpv4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        for (int i = 0; i < 10 && mapped; i++) {
            mapped = b[i] == 0;
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        boolean compatible = v6.isIPv4CompatibleAddress() && !v6.isAnyLocalAddress() && !v6.isLoopbackAddress();
        if (nat64) {
            for (int i = 4; i < 12; i++) {
                if (b[i] != 0) {
                    return Optional.empty();
                }
            }
        }
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
        if (!mapped && !nat64 && !compatible && !sixToFour) {
            return Optional.empty();
        }
        byte[] v4 = sixToFour ? new byte[] {b[2], b[3], b[4], b[5]} : new byte[] {b[12], b[13], b[14], b[15]};
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
