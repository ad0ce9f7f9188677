package io.newswatch.model.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation (RFC 4632 for IPv4, RFC 4291 section 2.3 for IPv6), such as
 * {@code 127.0.0.1/32}, {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a block of one. Only literal
 * addresses are accepted: parsing never asks DNS. An IPv4 block also holds the IPv4-mapped IPv6 forms
 * (::ffff:a.b.c.d) of its addresses.
 *
 * @param network    the first address of the block (host bits cleared)
 * @param prefixBits the length of the network prefix: 0–32 for IPv4, 0–128 for IPv6
 */
public record AddressBlock(InetAddress network, int prefixBits) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public AddressBlock {
        int max = network.getAddress().length * 8;
        if (prefixBits < 0 || prefixBits > max) {
            throw new IllegalArgumentException("prefix length must be between 0 and " + max + ": " + prefixBits);
        }
        network = masked(network, prefixBits);
    }

    /**
     * Parses {@code address} or {@code address/prefix}; IPv6 may be written in brackets.
     *
     * @throws IllegalArgumentException saying what is wrong, when the text is not a literal address or block
     */
    public static AddressBlock parse(String text) {
        String t = text.trim();
        String prefix = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            prefix = t.substring(slash + 1).trim();
            t = t.substring(0, slash).trim();
        }
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not an IP address or a CIDR block such as "
                    + "127.0.0.1, 10.0.0.0/8 or fd00::/8");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(t); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a valid IP address");
        }
        int bits = address.getAddress().length * 8;
        if (prefix != null) {
            try {
                bits = Integer.parseInt(prefix);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text.trim() + "' has no whole-number prefix length");
            }
        }
        return new AddressBlock(address, bits);
    }

    /**
     * Parses a comma- or space-separated list of blocks; blank text is the empty list.
     *
     * @throws IllegalArgumentException naming the first entry that is not a block
     */
    public static List<AddressBlock> parseList(String text) {
        List<AddressBlock> blocks = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                blocks.add(parse(part));
            }
        }
        return List.copyOf(blocks);
    }

    /** Whether the address lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length == 16 && n.length == 4 && isMapped(a)) {
            a = new byte[] {a[12], a[13], a[14], a[15]};
        }
        if (a.length != n.length) {
            return false;
        }
        byte[] m = masked(a, prefixBits);
        return Arrays.equals(m, n);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixBits;
    }

    private static boolean isMapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }

    private static InetAddress masked(InetAddress address, int bits) {
        try {
            return InetAddress.getByAddress(masked(address.getAddress(), bits));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static byte[] masked(byte[] bytes, int bits) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    /** True for an IPv4 block. */
    public boolean isIpv4() {
        return network instanceof Inet4Address;
    }
}
