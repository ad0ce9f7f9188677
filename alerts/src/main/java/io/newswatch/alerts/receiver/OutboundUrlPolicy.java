package io.newswatch.alerts.receiver;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which URLs an outbound receiver may call. Alert receivers send data to URLs taken from configuration, so a
 * mistaken or hostile URL must not turn the alerts service into a client of the machine's own services, the local
 * network or a cloud metadata endpoint (server-side request forgery).
 *
 * <p>A URL is refused unless its scheme is http or https and every address its host resolves to is public. Not
 * public, and why a flag or the allow-list is needed to call it:
 * <ul>
 *   <li>private: 10/8, 172.16/12, 192.168/16, fc00::/7 (and the deprecated fec0::/10), and carrier-grade NAT
 *       100.64/10 (RFC 6598) — permitted by {@link #allowingPrivate()};</li>
 *   <li>loopback: 127/8, ::1 — permitted by {@link #allowingLoopback()};</li>
 *   <li>link-local (169.254/16 with the cloud metadata service, fe80::/10), unspecified (0/8, ::) and multicast —
 *       permitted only for a host on {@link #allowingHosts(Collection) the allow-list}.</li>
 * </ul>
 * IPv6 forms that embed an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96) are judged by that
 * IPv4 address. A host on the allow-list (compared case-insensitively, without a trailing dot) skips the address
 * checks; the scheme check still applies.
 *
 * <p>Resolution uses {@link InetAddress#getAllByName}, the resolver the JDK HTTP client uses, so the check sees what
 * the client will connect to. A resolver that answers differently between the check and the connection (DNS
 * rebinding) can still slip past: the JDK client offers no way to pin the checked address, which is why callers
 * check again right before each request and never follow redirects.
 *
 * <p>Instances are immutable and thread-safe; the {@code allowing…} methods return modified copies.
 */
public final class OutboundUrlPolicy {

    /** Resolves a host name to all of its addresses, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The kinds of non-public address, with the words a refusal uses and the setting that permits them. */
    private enum Range {
        PRIVATE("a private", "set allowPrivate to permit"),
        CARRIER_GRADE_NAT("a carrier-grade NAT (100.64.0.0/10)", "set allowPrivate to permit"),
        LOOPBACK("a loopback", "set allowLoopback to permit"),
        LINK_LOCAL("a link-local", "add the host to allowedHosts to permit"),
        UNSPECIFIED("an unspecified (any-local)", "add the host to allowedHosts to permit"),
        MULTICAST("a multicast", "add the host to allowedHosts to permit");

        final String words;
        final String remedy;

        Range(String words, String remedy) {
            this.words = words;
            this.remedy = remedy;
        }
    }

    private static final OutboundUrlPolicy DEFAULTS =
            new OutboundUrlPolicy(false, false, Set.of(), InetAddress::getAllByName);

    private final boolean allowPrivate;
    private final boolean allowLoopback;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    private OutboundUrlPolicy(boolean allowPrivate, boolean allowLoopback, Set<String> allowedHosts,
                              Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.allowLoopback = allowLoopback;
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.resolver = resolver;
    }

    /** Public addresses over http(s) only: no private, loopback, link-local, unspecified or multicast address. */
    public static OutboundUrlPolicy defaults() {
        return DEFAULTS;
    }

    /** This policy, also permitting private and carrier-grade NAT addresses (a receiver on the local network). */
    public OutboundUrlPolicy allowingPrivate() {
        return new OutboundUrlPolicy(true, allowLoopback, allowedHosts, resolver);
    }

    /** This policy, also permitting loopback addresses (a receiver on this machine, or a test server). */
    public OutboundUrlPolicy allowingLoopback() {
        return new OutboundUrlPolicy(allowPrivate, true, allowedHosts, resolver);
    }

    /**
     * This policy, also permitting these hosts whatever they resolve to.
     *
     * @param hosts host names or literal addresses as they appear in URLs (IPv6 with or without brackets)
     * @throws IllegalArgumentException when a host is blank
     */
    public OutboundUrlPolicy allowingHosts(Collection<String> hosts) {
        Set<String> all = new TreeSet<>(allowedHosts);
        for (String host : hosts) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("an allowed host must not be blank");
            }
            all.add(normalise(host));
        }
        return new OutboundUrlPolicy(allowPrivate, allowLoopback, all, resolver);
    }

    /** This policy with another resolver: lets tests stand in for DNS. */
    OutboundUrlPolicy withResolver(Resolver other) {
        return new OutboundUrlPolicy(allowPrivate, allowLoopback, allowedHosts, Objects.requireNonNull(other));
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    public boolean allowsLoopback() {
        return allowLoopback;
    }

    /** The allow-listed hosts, lower case, without brackets or a trailing dot. */
    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /**
     * Why this URL must not be called, or empty when it may be. The reason names the scheme or the kind of address
     * and the setting that would permit it, never the URL, its path or its query, so it is safe in logs.
     *
     * @throws UnknownHostException when the host does not resolve now (the caller decides whether that is passing
     *                              trouble); never thrown for a literal address or an allow-listed host
     */
    public Optional<String> refusal(URI url) throws UnknownHostException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("the scheme must be http or https");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("the URL has no host");
        }
        String host = normalise(url.getHost());
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        for (InetAddress address : resolver.resolve(host)) {
            Optional<Range> range = rangeOf(address);
            if (range.isPresent() && !permits(range.get())) {
                return Optional.of("host resolves to " + range.get().words + " address, which is not allowed ("
                        + range.get().remedy + ")");
            }
        }
        return Optional.empty();
    }

    private boolean permits(Range range) {
        return switch (range) {
            case PRIVATE, CARRIER_GRADE_NAT -> allowPrivate;
            case LOOPBACK -> allowLoopback;
            case LINK_LOCAL, UNSPECIFIED, MULTICAST -> false;
        };
    }

    /** The non-public range the address lies in, or empty for a public address. */
    private static Optional<Range> rangeOf(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) {
                return rangeOf(embedded.get());
            }
        }
        byte[] b = address.getAddress();
        if (address.isLoopbackAddress()) {
            return Optional.of(Range.LOOPBACK);
        }
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && b[0] == 0)) {
            return Optional.of(Range.UNSPECIFIED);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Range.LINK_LOCAL);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(Range.MULTICAST);
        }
        // isSiteLocalAddress covers 10/8, 172.16/12, 192.168/16 and fec0::/10, but not unique local fc00::/7
        if (address.isSiteLocalAddress() || (address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc)) {
            return Optional.of(Range.PRIVATE);
        }
        if (address instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return Optional.of(Range.CARRIER_GRADE_NAT);
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) address. The JDK already
     * turns IPv4-mapped addresses (::ffff:a.b.c.d) into {@link Inet4Address}; :: and ::1 are left alone.
     */
    private static Optional<Inet4Address> embeddedIpv4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        boolean compatible = v6.isIPv4CompatibleAddress() && !v6.isAnyLocalAddress() && !v6.isLoopbackAddress();
        if (nat64) {
            for (int i = 4; i < 12; i++) {
                if (b[i] != 0) {
                    return Optional.empty();
                }
            }
        }
        if (!nat64 && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    @Override
    public String toString() {
        return "OutboundUrlPolicy[allowPrivate=" + allowPrivate + ", allowLoopback=" + allowLoopback
                + ", allowedHosts=" + allowedHosts + "]";
    }
}
