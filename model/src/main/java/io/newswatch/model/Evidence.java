package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Why a tag is true: the sentence (or paragraph) that satisfied the rule and the terms it matched.
 *
 * @param tag     the tag this evidence supports
 * @param text    the sentence or paragraph text
 * @param start   offset of its first character in the article text
 * @param end     offset one past its last character
 * @param matched the matched terms, as they stand in the text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(String tag, String text, int start, int end, List<String> matched) {
    public Evidence {
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
