package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One occurrence of a gazetteer alias in an article's text.
 *
 * @param entity    entity code (ISO 3166 alpha-2, e.g. {@code KP})
 * @param text      the text as it stands in the article
 * @param start     offset of the first character in the article text (UTF-16 units)
 * @param end       offset one past the last character
 * @param sentence  index of the sentence holding it, from 0
 * @param paragraph index of the paragraph holding it, from 0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mention(String entity, String text, int start, int end, int sentence, int paragraph) {
}
