package io.newswatch.benchmarks.synthetic.internal;

import java.util.List;

/**
 * The kinds of sentence that give the rules something to match, each with its templates ({@link Templates}).
 * Every kind names at least one watched country; only {@link #VIOLATION} sentences report a sanctions breach.
 */
public enum Charge {
    /** One watched country; no rule matches. */
    MENTION(Templates.MENTIONS),
    /** Two or three watched countries in one sentence; the co-occurrence rules match, the sanctions rules do not. */
    PAIR(Templates.PAIRS),
    /** Sanctions or arms talk without a breach; no sanctions rule matches. */
    TALK(Templates.TALK),
    /** A reported breach, which {@code sanctions-violation} matches. */
    VIOLATION(Templates.VIOLATIONS);

    private final List<String> templates;

    Charge(List<String> templates) {
        this.templates = templates;
    }

    /** The templates of this kind. */
    public List<String> templates() {
        return templates;
    }
}
