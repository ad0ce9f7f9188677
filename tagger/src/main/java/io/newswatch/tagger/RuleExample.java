package io.newswatch.tagger;

/**
 * A text a rule must match ({@code match:}) or must not ({@code no-match:}), with the line it was written on.
 *
 * @param text        the example text (paragraphs separated by blank lines)
 * @param shouldMatch whether the rule must match it
 * @param line        its line in the rules file, from 1
 */
public record RuleExample(String text, boolean shouldMatch, int line) {
}
