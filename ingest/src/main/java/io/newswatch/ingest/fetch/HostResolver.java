package io.newswatch.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to all of its addresses, as {@link InetAddress#getAllByName} does (the default, and the
 * resolver the JDK HTTP client itself uses). {@link PoliteFetcher} checks every address it gets before it
 * connects; tests give a stand-in that maps invented names to chosen addresses, so the refusal of non-public
 * addresses can be tested without DNS and without connecting anywhere.
 */
@FunctionalInterface
public interface HostResolver {
    /** The system resolver, with the JVM's address cache. */
    HostResolver SYSTEM = InetAddress::getAllByName;

    /**
     * All addresses of the host (never a literal address: the fetcher reads those itself).
     *
     * @throws UnknownHostException when the name does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
