package io.newswatch.ingest.fetch.internal;

import io.newswatch.ingest.fetch.HostResolver;
import io.newswatch.model.net.AddressBlock;
import io.newswatch.model.net.AddressRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the crawler off addresses that are not the public internet ({@link AddressRange}: loopback, private,
 * carrier-grade NAT, link-local with the cloud metadata service, unspecified, multicast, reserved, and their IPv6
 * forms), unless an address lies in an allowed block. A host is judged by every address it resolves to: one
 * non-public address that is not allowed refuses it, so a name cannot hide an internal address behind a public
 * one. Thread safe.
 */
public final class AddressGuard {
    /** A host that must not be fetched; the message says which address, which range, and what permits it. */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private final HostResolver resolver;
    private final String remedy;

    /**
     * @param resolver how names become addresses
     * @param remedy   the words naming the settings that allow an address, ending a refusal ("add it to ...")
     */
    public AddressGuard(HostResolver resolver, String remedy) {
        this.resolver = resolver;
        this.remedy = remedy;
    }

    /**
     * Resolves the host and checks every address.
     *
     * @param host    a host as a URI gives it (an IPv6 literal may be in brackets)
     * @param allowed blocks whose addresses are permitted although not public
     * @return the host's addresses, all permitted
     * @throws RefusedException     when an address is not public and not allowed
     * @throws UnknownHostException when the name does not resolve
     */
    public InetAddress[] check(String host, List<AddressBlock> allowed) throws RefusedException,
            UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        InetAddress[] addresses = literal(h).map(a -> new InetAddress[] {a}).orElse(null);
        if (addresses == null) {
            addresses = resolver.resolve(h);
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address, allowed);
            if (why.isPresent()) {
                throw new RefusedException(h + (literal(h).isPresent() ? " is " : " resolves to "
                        + address.getHostAddress() + ", ") + why.get());
            }
        }
        return addresses;
    }

    /**
     * Why this address may not be fetched, or empty when it may.
     *
     * @param allowed blocks whose addresses are permitted although not public
     */
    public Optional<String> refusal(InetAddress address, List<AddressBlock> allowed) {
        Optional<AddressRange> range = AddressRange.of(address);
        if (range.isEmpty() || allowed.stream().anyMatch(b -> b.contains(address))) {
            return Optional.empty();
        }
        return Optional.of(article(range.get().words()) + " " + range.get().words() + " address ("
                + range.get().blocks() + "), which is not fetched unless allowed: "
                + remedy.replace("{}", address.getHostAddress()));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            return Optional.of(AddressBlock.parse(host).network());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
