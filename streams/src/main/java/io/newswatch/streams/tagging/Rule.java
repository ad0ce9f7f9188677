package io.newswatch.streams.tagging;

/**
 * One rule: when its condition holds in a text, the text gets the tag {@link #id()}; when {@link #alert()} is set,
 * the topology also raises an alert for it.
 *
 * @param id        the rule id, also the tag it gives: lower-case letters, digits and hyphens
 * @param title     a human title
 * @param severity  how urgent its alert is
 * @param alert     whether a text with this tag raises an alert
 * @param condition what must hold
 * @param version   a hash of the rule's content: changes whenever the rule does
 */
public record Rule(String id, String title, Severity severity, boolean alert, Condition condition,
                   String version) {
}
