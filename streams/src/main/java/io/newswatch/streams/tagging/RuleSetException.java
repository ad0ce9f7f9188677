package io.newswatch.streams.tagging;

/**
 * A ruleset or gazetteer file that cannot be used. The message starts with {@code file:line:column} and, for a
 * problem inside a rule, names the rule id, so the author can go straight to the spot.
 */
public class RuleSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
