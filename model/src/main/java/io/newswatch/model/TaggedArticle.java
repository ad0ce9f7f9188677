package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An article with the entities it mentions and the tags the rules gave it; the value on {@code news.tagged}.
 *
 * @param schemaVersion schema version of this record
 * @param article       the article as ingested
 * @param entities      entity codes mentioned, sorted
 * @param tags          tags given, sorted
 * @param mentions      every entity mention, in text order
 * @param evidence      the evidence behind each tag
 * @param rulesVersion  version of the ruleset that tagged it
 * @param taggedAt      when it was tagged
 * @param events        the violation events the text asserts or warns of (only for {@code sanctions-violation})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaggedArticle(
        int schemaVersion,
        Article article,
        List<String> entities,
        List<String> tags,
        List<Mention> mentions,
        List<Evidence> evidence,
        String rulesVersion,
        Instant taggedAt,
        List<ViolationEvent> events) {

    public static final int SCHEMA_VERSION = 1;

    public TaggedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A tagged article without violation events. */
    public TaggedArticle(int schemaVersion, Article article, List<String> entities, List<String> tags,
                         List<Mention> mentions, List<Evidence> evidence, String rulesVersion, Instant taggedAt) {
        this(schemaVersion, article, entities, tags, mentions, evidence, rulesVersion, taggedAt, List.of());
    }
}
