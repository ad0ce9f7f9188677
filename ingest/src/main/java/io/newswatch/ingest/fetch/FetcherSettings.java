package io.newswatch.ingest.fetch;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.net.AddressBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link PoliteFetcher} behaves.
 *
 * @param userAgent      User-Agent sent with every request and matched against robots.txt groups
 * @param timeout        connect timeout, and the limit on one whole request (headers and body)
 * @param hostDelay      minimum pause between the end of one request to a host and the start of the next; a larger
 *                       robots.txt Crawl-delay wins
 * @param maxBodyBytes   largest body read, as received and once decoded (gzip, deflate); a longer one fails the fetch
 * @param maxRedirects   redirects followed before the fetch fails
 * @param maxConcurrency requests in flight at once across all hosts
 * @param robotsTtl      how long a host's robots.txt is cached (RFC 9309 section 2.4 asks for at most 24 hours)
 * @param allowedAddresses non-public addresses (loopback, private, link-local, ...) that may be fetched all the
 *                       same; empty: public addresses only
 */
public record FetcherSettings(String userAgent, Duration timeout, Duration hostDelay, long maxBodyBytes,
                              int maxRedirects, int maxConcurrency, Duration robotsTtl,
                              List<AddressBlock> allowedAddresses) {
    /** Redirects followed when the configuration does not say (RFC 9309 asks crawlers to follow at least five). */
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    /** The longest a robots.txt is trusted, per RFC 9309. */
    public static final Duration DEFAULT_ROBOTS_TTL = Duration.ofHours(24);

    public FetcherSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(hostDelay, "hostDelay");
        Objects.requireNonNull(robotsTtl, "robotsTtl");
        allowedAddresses = List.copyOf(allowedAddresses);
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (hostDelay.isNegative()) {
            throw new IllegalArgumentException("hostDelay must not be negative: " + hostDelay);
        }
        if (maxBodyBytes < 1 || maxRedirects < 0 || maxConcurrency < 1) {
            throw new IllegalArgumentException("maxBodyBytes and maxConcurrency must be >= 1, maxRedirects >= 0");
        }
    }

    /** Settings that fetch from public addresses only. */
    public FetcherSettings(String userAgent, Duration timeout, Duration hostDelay, long maxBodyBytes,
                           int maxRedirects, int maxConcurrency, Duration robotsTtl) {
        this(userAgent, timeout, hostDelay, maxBodyBytes, maxRedirects, maxConcurrency, robotsTtl, List.of());
    }

    /** These settings, also allowing the given non-public addresses or blocks ("127.0.0.1", "10.0.0.0/8"). */
    public FetcherSettings allowing(String... blocks) {
        List<AddressBlock> all = new ArrayList<>(allowedAddresses);
        for (String b : blocks) {
            all.add(AddressBlock.parse(b));
        }
        return new FetcherSettings(userAgent, timeout, hostDelay, maxBodyBytes, maxRedirects, maxConcurrency,
                robotsTtl, all);
    }

    /**
     * Settings from the configuration keys USER_AGENT, FETCH_TIMEOUT, HOST_DELAY, MAX_BODY, FETCH_THREADS and
     * FETCH_ALLOW_ADDRESSES.
     */
    public static FetcherSettings from(NewswatchConfig config) {
        return new FetcherSettings(config.get(ConfigKeys.USER_AGENT), config.get(ConfigKeys.FETCH_TIMEOUT),
                config.get(ConfigKeys.HOST_DELAY), config.get(ConfigKeys.MAX_BODY), DEFAULT_MAX_REDIRECTS,
                config.get(ConfigKeys.FETCH_THREADS), DEFAULT_ROBOTS_TTL,
                config.get(ConfigKeys.FETCH_ALLOW_ADDRESSES));
    }
}
