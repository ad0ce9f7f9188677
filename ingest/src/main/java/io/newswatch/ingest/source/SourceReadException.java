package io.newswatch.ingest.source;

/** A source that could not be read (fetch failure, unparsable feed or sitemap, unreadable file); names the source. */
public class SourceReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceReadException(String message) {
        super(message);
    }

    public SourceReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
