package io.newswatch.tagger.query;

/**
 * A query that cannot be used, with the offset in the query text of the spot to blame; the ruleset loader turns
 * it into {@code file:line:column} with a caret under the spot.
 */
public final class QuerySyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public QuerySyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset in the query text, from 0. */
    public int offset() {
        return offset;
    }
}
