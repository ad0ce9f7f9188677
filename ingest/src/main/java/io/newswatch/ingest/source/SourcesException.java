package io.newswatch.ingest.source;

/** A sources file that cannot be used; the message names the file, the key and the line:column. */
public class SourcesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SourcesException(String message) {
        super(message);
    }

    public SourcesException(String message, Throwable cause) {
        super(message, cause);
    }
}
