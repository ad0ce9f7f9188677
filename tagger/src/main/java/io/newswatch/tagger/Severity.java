package io.newswatch.tagger;

import java.util.Locale;

/** How urgent a rule's alert is; written in rules and alerts in lower case. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    /** The lower-case label used in YAML and in {@code Alert.severity}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
