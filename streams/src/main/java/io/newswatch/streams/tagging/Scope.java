package io.newswatch.streams.tagging;

/** The stretch of text a condition must hold within. */
public enum Scope {
    SENTENCE, PARAGRAPH;
}
