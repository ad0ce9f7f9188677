package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An alert raised when a rule fires on a story; the value on {@code news.alerts} and its per-rule topics.
 *
 * <p>{@link #id()} is {@link Ids#alertId(String, String)} of rule and story, so a re-delivery or a replay of the
 * same story under the same rule never produces a new identity: receivers deduplicate on it.
 *
 * @param schemaVersion schema version of this record
 * @param id            stable alert id
 * @param ruleId        the rule that fired
 * @param ruleTitle     its human title
 * @param ruleVersion   version of the rule that fired
 * @param severity      the rule's severity (info, warning, critical)
 * @param storyId       the story the article belongs to (its own id until stories are grouped)
 * @param articleId     the article that raised it
 * @param title         the article's headline
 * @param url           the article's URL
 * @param sourceId      the source that found the article
 * @param publishedAt   the article's publication time, or null
 * @param entities      entities the article mentions
 * @param tags          every tag the article carries
 * @param evidence      the evidence for the rule's tag
 * @param raisedAt      when the alert was raised
 * @param revision      0 when the alert first fires; 1, 2, ... for each update of it (the same story reported by
 *                      another outlet): same id, so receivers that deduplicate on the id plus revision show an update
 * @param alsoReportedBy source ids of the other outlets that carried the story, in the order they did
 * @param language      the article's language (BCP 47), or null when unknown
 * @param events        the violation events the article states, on every alert of the article, updates included
 *                      (empty when it is not tagged {@code sanctions-violation})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(
        int schemaVersion,
        String id,
        String ruleId,
        String ruleTitle,
        String ruleVersion,
        String severity,
        String storyId,
        String articleId,
        String title,
        String url,
        String sourceId,
        Instant publishedAt,
        List<String> entities,
        List<String> tags,
        List<Evidence> evidence,
        Instant raisedAt,
        int revision,
        List<String> alsoReportedBy,
        String language,
        List<ViolationEvent> events) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        entities = entities == null ? List.of() : List.copyOf(entities);
        tags = tags == null ? List.of() : List.copyOf(tags);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        alsoReportedBy = alsoReportedBy == null ? List.of() : List.copyOf(alsoReportedBy);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** An alert without violation events. */
    public Alert(int schemaVersion, String id, String ruleId, String ruleTitle, String ruleVersion, String severity,
                 String storyId, String articleId, String title, String url, String sourceId, Instant publishedAt,
                 List<String> entities, List<String> tags, List<Evidence> evidence, Instant raisedAt, int revision,
                 List<String> alsoReportedBy, String language) {
        this(schemaVersion, id, ruleId, ruleTitle, ruleVersion, severity, storyId, articleId, title, url, sourceId,
                publishedAt, entities, tags, evidence, raisedAt, revision, alsoReportedBy, language, List.of());
    }

    /** A first alert (revision 0, reported by its own outlet only): the form used before stories. */
    public Alert(int schemaVersion, String id, String ruleId, String ruleTitle, String ruleVersion, String severity,
                 String storyId, String articleId, String title, String url, String sourceId, Instant publishedAt,
                 List<String> entities, List<String> tags, List<Evidence> evidence, Instant raisedAt) {
        this(schemaVersion, id, ruleId, ruleTitle, ruleVersion, severity, storyId, articleId, title, url, sourceId,
                publishedAt, entities, tags, evidence, raisedAt, 0, List.of(), null);
    }

    /** The same alert with the article's language. */
    public Alert withLanguage(String lang) {
        return new Alert(schemaVersion, id, ruleId, ruleTitle, ruleVersion, severity, storyId, articleId, title, url,
                sourceId, publishedAt, entities, tags, evidence, raisedAt, revision, alsoReportedBy, lang, events);
    }

    /** This alert as an update: the next revision, with the outlets that also carried the story. */
    public Alert updated(List<String> outlets, Instant at) {
        return new Alert(schemaVersion, id, ruleId, ruleTitle, ruleVersion, severity, storyId, articleId, title, url,
                sourceId, publishedAt, entities, tags, evidence, at, revision + 1, outlets, language, events);
    }

    /** A key unique to this revision, for receivers that deduplicate deliveries (the id alone for the first). */
    public String deliveryKey() {
        return revision == 0 ? id : id + "/" + revision;
    }

    /** The same alert with the violation events its article states. */
    public Alert withEvents(List<ViolationEvent> newEvents) {
        return new Alert(schemaVersion, id, ruleId, ruleTitle, ruleVersion, severity, storyId, articleId, title, url,
                sourceId, publishedAt, entities, tags, evidence, raisedAt, revision, alsoReportedBy, language,
                newEvents);
    }

    /**
     * The proof a one-line receiver shows: the first decisive evidence sentence (the first of any role when none is
     * decisive), or an empty string.
     */
    public String firstEvidence() {
        Evidence proof = Evidence.firstDecisive(evidence);
        return proof == null ? "" : proof.text();
    }

    /** One summary line per violation event ({@link ViolationEvent#summary()}), in the alert's order. */
    public List<String> eventSummaries() {
        return events.stream().map(ViolationEvent::summary).toList();
    }
}
