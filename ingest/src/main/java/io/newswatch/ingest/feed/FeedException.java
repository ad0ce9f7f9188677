package io.newswatch.ingest.feed;

/** A feed that could not be read as RSS or Atom; the message names the feed's URL and the parser's reason. */
public class FeedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
