package io.newswatch.ingest.fetch;

import io.newswatch.ingest.fetch.internal.LimitedBodySubscriber;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A fetch that did not produce a page: a refused scheme, a host with a non-public address that is not allowed,
 * robots.txt disallowing the URL, a network failure or timeout, too many redirects, a body over the limit (as sent
 * or once decoded), a Content-Encoding that is not decoded or a corrupt compressed body, an unwanted content type,
 * or an HTTP error status. The message always names the URL.
 */
public class FetchException extends Exception {
    private static final long serialVersionUID = 1L;
    /**
     * Statuses that say "not now" rather than "never" (RFC 9110 sections 15.5.9, 15.6.1, 15.6.3 to 15.6.5;
     * RFC 6585 section 4): request timeout, too many requests, and the server-side errors a proxy or an overloaded
     * server gives.
     */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final String url;
    private final int status;
    private final transient Duration retryAfter;
    private final boolean hostUnreachable;

    public FetchException(String url, String message) {
        this(url, message, 0, null, null);
    }

    public FetchException(String url, String message, Throwable cause) {
        this(url, message, 0, null, cause);
    }

    public FetchException(String url, String message, int status, Duration retryAfter, Throwable cause) {
        this(url, message, status, retryAfter, cause, false);
    }

    /** A URL not fetched because its host's robots.txt is unreachable or answers 5xx (RFC 9309 section 2.3.1.4). */
    static FetchException hostUnreachable(String url, String message) {
        return new FetchException(url, message, 0, null, null, true);
    }

    private FetchException(String url, String message, int status, Duration retryAfter, Throwable cause,
                           boolean hostUnreachable) {
        super(message, cause);
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
        this.hostUnreachable = hostUnreachable;
    }

    /** The URL whose fetch failed. */
    public String url() {
        return url;
    }

    /** The HTTP status of an error response, or 0 when the failure was not an HTTP status. */
    public int status() {
        return status;
    }

    /**
     * Whether the same URL may well succeed later: a status in {@link #TRANSIENT_STATUSES} (408, 429, 500, 502,
     * 503, 504), a timeout, a network failure (connection refused or reset, a cut-off exchange, a name that does
     * not resolve now), or a host whose robots.txt is unreachable or answers 5xx (RFC 9309 treats that as
     * temporary). Everything else is permanent: any other HTTP status (404, 410, 403, ...), robots.txt disallowing
     * the URL, a refused or invalid URL, a non-public address that is not allowed, too many redirects, an unwanted
     * content type, a body over the limit, a Content-Encoding that is not decoded or a corrupt compressed body, and
     * a fetch broken off by an interrupt or by {@link PoliteFetcher#close()}.
     */
    public boolean isTransient() {
        if (hostUnreachable) {
            return true;
        }
        if (status != 0) {
            return TRANSIENT_STATUSES.contains(status);
        }
        boolean network = false;
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof LimitedBodySubscriber.TooLargeException || t instanceof InterruptedException) {
                return false;
            }
            network |= t instanceof TimeoutException || t instanceof IOException;
        }
        return network;
    }

    /** For 429 and 503: how long the server asked us to wait (its Retry-After), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
