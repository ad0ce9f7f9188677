package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A tagged article on its way to story assignment (the value on {@code news.story.candidates}): the article with
 * its tags, and the alerts its alerting rules would raise. The story step decides which of them fire (once per
 * rule and story) and which become updates of an alert raised for an earlier report of the same story.
 *
 * @param schemaVersion schema version of this record
 * @param tagged        the tagged article
 * @param alerts        one proposed alert per alerting rule that matched; their story id is the article's own
 * @param fingerprint   the article text's SimHash, computed by the (parallel) tagging step so that the article's
 *                      text need not travel to the (single-partition) story step; null in records written before
 *                      it existed, whose article still carries its text
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryCandidate(int schemaVersion, TaggedArticle tagged, List<Alert> alerts, Long fingerprint) {
    public static final int SCHEMA_VERSION = 1;

    public StoryCandidate {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** A candidate without a precomputed fingerprint: the story step computes it from the article's text. */
    public StoryCandidate(int schemaVersion, TaggedArticle tagged, List<Alert> alerts) {
        this(schemaVersion, tagged, alerts, null);
    }
}
