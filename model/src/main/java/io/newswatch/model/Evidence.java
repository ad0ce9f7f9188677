package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Why a tag is true: the sentence (or paragraph) that satisfied the rule and the terms it matched.
 *
 * <p>Its {@link #role()} says what it proves. {@value #DECISIVE}: the rule's decisive part matched here (for a
 * sanctions rule, the sentence that states the breach). {@value #CONTEXT}: it only satisfies a scoped condition, such
 * as an entity named elsewhere in the paragraph. A tag's decisive items come first, so whatever shows one sentence as
 * the proof shows {@link #firstDecisive(List)}. A record written before roles existed reads as decisive.
 *
 * @param tag     the tag this evidence supports
 * @param role    {@value #DECISIVE} or {@value #CONTEXT}
 * @param text    the sentence or paragraph text
 * @param start   offset of its first character in the article text
 * @param end     offset one past its last character
 * @param matched the matched terms, as they stand in the text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Evidence(String tag, String role, String text, int start, int end, List<String> matched) {
    /** The role of a sentence where the rule's decisive part matched. */
    public static final String DECISIVE = "decisive";
    /** The role of a sentence that only satisfies a scoped condition. */
    public static final String CONTEXT = "context";

    public Evidence {
        role = role == null ? DECISIVE : role;
        if (!role.equals(DECISIVE) && !role.equals(CONTEXT)) {
            throw new IllegalArgumentException("evidence role must be decisive or context, not '" + role + "'");
        }
        matched = matched == null ? List.of() : List.copyOf(matched);
    }

    /** Decisive evidence: the sentence that proves the tag. */
    public Evidence(String tag, String text, int start, int end, List<String> matched) {
        this(tag, DECISIVE, text, start, end, matched);
    }

    /** Whether this item proves the tag rather than satisfying a scoped condition. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDecisive() {
        return DECISIVE.equals(role);
    }

    /** The same evidence with another role. */
    public Evidence withRole(String newRole) {
        return new Evidence(tag, newRole, text, start, end, matched);
    }

    /**
     * The proof to show when only one sentence fits: the first decisive item, else the first item; null when the
     * list is empty.
     */
    public static Evidence firstDecisive(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.isDecisive()) {
                return e;
            }
        }
        return evidence.isEmpty() ? null : evidence.get(0);
    }
}
