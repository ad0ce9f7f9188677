package io.newswatch.ingest.fetch;

/**
 * A successful fetch.
 *
 * @param url          the final URL, after redirects
 * @param status       HTTP status: 2xx, or 304 for a conditional request whose resource did not change
 * @param contentType  the Content-Type header, or null when the server sent none
 * @param body         the body; empty for 304
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record FetchResult(String url, int status, String contentType, byte[] body, String etag,
                          String lastModified) {

    public FetchResult {
        body = body == null ? new byte[0] : body;
    }

    /** True for a 304: the caller's copy is current. */
    public boolean notModified() {
        return status == 304;
    }
}
