package io.newswatch.alerts.receiver;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.net.AddressRange;
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
 *   <li>link-local (169.254/16 with the cloud metadata service, fe80::/10), unspecified (0/8, ::), multicast,
 *       reserved (240/4, broadcast) and the other special-purpose blocks (benchmarking, documentation, Teredo and
 *       the like; see {@link AddressRange#SPECIAL_PURPOSE}) — permitted only for a host on {@link #allowingHosts(Collection) the
 *       allow-list}, which no setting fills.</li>
 * </ul>
 * The ranges are {@link AddressRange}'s, shared with the crawler. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that IPv4 address. A refusal names the
 * configuration key ({@code alerts.webhook.allow.loopback}, {@code alerts.webhook.allow.private}) and the
 * receiver setting ({@code allow_loopback}, {@code allow_private}) that permit the range. A host on the allow-list (compared case-insensitively, without a trailing dot) skips the address
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
    private static final String PRIVATE_REMEDY = "set " + ConfigKeys.ALERTS_WEBHOOK_ALLOW_PRIVATE.name()
            + ", or the receiver's allow_private, to true to permit";
    private static final String NOTHING_PERMITS = "no setting permits it";

    /** Resolves a host name to all of its addresses, as {@link InetAddress#getAllByName} does. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The kinds of non-public address, with the words a refusal uses and the setting that permits them. */
    private enum Range {
        PRIVATE("a private", PRIVATE_REMEDY),
        CARRIER_GRADE_NAT("a carrier-grade NAT (100.64.0.0/10)", PRIVATE_REMEDY),
        LOOPBACK("a loopback", "set " + ConfigKeys.ALERTS_WEBHOOK_ALLOW_LOOPBACK.name()
                + ", or the receiver's allow_loopback, to true to permit"),
        LINK_LOCAL("a link-local", NOTHING_PERMITS),
        UNSPECIFIED("an unspecified (any-local)", NOTHING_PERMITS),
        MULTICAST("a multicast", NOTHING_PERMITS),
        RESERVED("a reserved or broadcast (240.0.0.0/4)", NOTHING_PERMITS),
        SPECIAL_PURPOSE("a special-purpose (" + AddressRange.SPECIAL_PURPOSE.blocks() + ")", NOTHING_PERMITS);

        final String words;
        final String remedy;

        Range(String words, String remedy) {
            this.words = words;
            this.remedy = remedy;
        }

        static Range of(AddressRange range) {
            return switch (range) {
                case LOOPBACK -> LOOPBACK;
                case PRIVATE -> PRIVATE;
                case CARRIER_GRADE_NAT -> CARRIER_GRADE_NAT;
                case LINK_LOCAL -> LINK_LOCAL;
                case UNSPECIFIED -> UNSPECIFIED;
                case MULTICAST -> MULTICAST;
                case RESERVED -> RESERVED;
                case SPECIAL_PURPOSE -> SPECIAL_PURPOSE;
            };
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
            case LINK_LOCAL, UNSPECIFIED, MULTICAST, RESERVED, SPECIAL_PURPOSE -> false;
        };
    }

    /** The non-public range the address lies in, or empty for a public address. */
    private static Optional<Range> rangeOf(InetAddress address) {
        return AddressRange.of(address).map(Range::of);
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
