package io.newswatch.streams.topology;

/**
 * The names of the topology's state stores, sources, processors and sinks: what {@link NewswatchTopology} wires
 * together and what its processors look up (a store) or forward to (a sink), kept here so that a processor never
 * reaches back into the class that builds it. The store names are also the middle of their changelog topics'
 * names ({@code <application.id>-<store>-changelog}), so renaming one abandons its state.
 */
public final class TopologyNames {
    /** Article versions already processed: key {@code id NUL contentHash}, value the record timestamp. */
    public static final String SEEN_VERSIONS_STORE = "seen-article-versions";
    /** Open stories: key the story id, value its {@link io.newswatch.streams.stories.StoryState}. */
    public static final String STORIES_STORE = "stories";
    /** The story of each article of an open story: key the article id, value the story id. */
    public static final String ARTICLE_STORY_STORE = "article-story";
    /** Alert ids already raised: key the alert id, value the record timestamp. Never purged. */
    public static final String FIRED_ALERTS_STORE = "fired-alerts";

    /**
     * The violations ledger: key {@code storyId NUL eventId}, value the latest {@link io.newswatch.model.ViolationRecord} sent to
     * {@code news.events}; a record is forgotten {@code EventLedger.RETENTION} after its latest report.
     */
    public static final String LEDGER_STORE = "event-ledger";

    /** The rules on news.rules (a global store: every instance holds all of them): rule id to record. */
    public static final String RULES_STORE = "rules";

    static final String RULES_SOURCE = "rules-source";
    static final String RULES_PROCESSOR = "reload-rules";
    static final String SOURCE = "articles-source";
    static final String PROCESSOR = "tag-articles";
    static final String TAGGED_SINK = "tagged-sink";
    static final String STORY_SINK = "story-candidates-sink";
    static final String TREND_SINK = "trend-keys-sink";
    static final String STORY_SOURCE = "story-candidates-source";
    static final String STORY_PROCESSOR = "assign-stories";
    static final String ALERTS_SINK = "alerts-sink";
    static final String RULE_ALERTS_SINK = "rule-alerts-sink";
    static final String EVENTS_SINK = "events-sink";
    static final String DLQ_SINK = "dlq-sink";

    private TopologyNames() {
    }
}
