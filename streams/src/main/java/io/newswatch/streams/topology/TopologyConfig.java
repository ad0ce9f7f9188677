package io.newswatch.streams.topology;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.streams.rules.LiveRules;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs besides its topics.
 *
 * @param rules         the rules in force: the tagger every article goes through (thread-safe, shared by every
 *                      stream thread), replaced when {@code news.rules} changes
 * @param applicationId the Kafka Streams application id, recorded in dead-letter headers
 * @param storyWindow   how long a story takes near-duplicates after its latest report (publication time)
 * @param limits        the bounds on article text and on the records written
 * @param maxOpenStories most stories open at once; past it the story step closes those with the oldest latest
 *                       report early ({@code StoryAssigner}), so its memory does not grow with window × rate
 */
public record TopologyConfig(LiveRules rules, String applicationId, Duration storyWindow, OutputLimits limits,
                             int maxOpenStories) {
    /** The story window when the configuration does not say: three days. */
    public static final Duration DEFAULT_STORY_WINDOW = Duration.ofHours(72);
    /** The text cap when the configuration does not say: the default of {@code ingest.max.text.chars}. */
    public static final int DEFAULT_MAX_TEXT_CHARS = NewswatchConfig.defaults().get(ConfigKeys.ARTICLE_MAX_TEXT);
    /** The open stories cap when the configuration does not say: the default of {@code streams.stories.max.open}. */
    public static final int DEFAULT_MAX_OPEN_STORIES = NewswatchConfig.defaults().get(ConfigKeys.STORIES_MAX_OPEN);

    public TopologyConfig {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(storyWindow, "storyWindow");
        if (storyWindow.isNegative() || storyWindow.isZero()) {
            throw new IllegalArgumentException("storyWindow must be positive: " + storyWindow);
        }
        Objects.requireNonNull(limits, "limits");
        if (maxOpenStories < 1) {
            throw new IllegalArgumentException("maxOpenStories must be at least 1: " + maxOpenStories);
        }
    }

    /** With the {@link #DEFAULT_MAX_OPEN_STORIES}. */
    public TopologyConfig(LiveRules rules, String applicationId, Duration storyWindow, OutputLimits limits) {
        this(rules, applicationId, storyWindow, limits, DEFAULT_MAX_OPEN_STORIES);
    }

    /** With the {@link #DEFAULT_MAX_TEXT_CHARS} and Kafka's default record size limit. */
    public TopologyConfig(LiveRules rules, String applicationId, Duration storyWindow) {
        this(rules, applicationId, storyWindow, OutputLimits.of(DEFAULT_MAX_TEXT_CHARS));
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
