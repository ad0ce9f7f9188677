package io.newswatch.streams.topology;

import io.newswatch.streams.rules.LiveRules;
import io.newswatch.streams.tagging.Tagger;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs besides its topics.
 *
 * @param rules         the rules in force: the tagger every article goes through (thread-safe, shared by every
 *                      stream thread), replaced when {@code news.rules} changes
 * @param applicationId the Kafka Streams application id, recorded in dead-letter headers
 * @param storyWindow   how long a story takes near-duplicates after its latest report (publication time)
 */
public record TopologyConfig(LiveRules rules, String applicationId, Duration storyWindow) {
    /** The story window when the configuration does not say: three days. */
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofHours(72);

    public TopologyConfig {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(storyWindow, "storyWindow");
        if (storyWindow.isNegative() || storyWindow.isZero()) {
            throw new IllegalArgumentException("storyWindow must be positive: " + storyWindow);
        }
    }

    /** Starting with this tagger (news.rules, once it holds rules, replaces it), and this story window. */
    public TopologyConfig(Tagger tagger, String applicationId, Duration storyWindow) {
        this(new LiveRules(tagger, rs -> { }), applicationId, storyWindow);
    }

    /** With the {@link #DEFAULT_STORY_WINDOW}. */
    public TopologyConfig(Tagger tagger, String applicationId) {
        this(tagger, applicationId, DEFAULT_STORY_WINDOW);
    }
}
