package io.newswatch.ingest.fetch;

import java.time.Duration;

/**
 * A fetch that did not produce a page: a refused scheme, a host with a non-public address that is not allowed,
 * robots.txt disallowing the URL, a network failure or timeout, too many redirects, a body over the limit (as sent
 * or once decoded), a Content-Encoding that is not decoded or a corrupt compressed body, an unwanted content type,
 * or an HTTP error status. The message always names the URL.
 */
public class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final int status;
    private final transient Duration retryAfter;

    public FetchException(String url, String message) {
        this(url, message, 0, null, null);
    }

    public FetchException(String url, String message, Throwable cause) {
        this(url, message, 0, null, cause);
    }

    public FetchException(String url, String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The URL whose fetch failed. */
    public String url() {
        return url;
    }

    /** The HTTP status of an error response, or 0 when the failure was not an HTTP status. */
    public int status() {
        return status;
    }

    /** For 429 and 503: how long the server asked us to wait (its Retry-After), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
