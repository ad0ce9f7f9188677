package io.newswatch.streams.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One rule matching one archived article in a replay: the unit of a backtest's table, CSV and report.
 *
 * @param ruleId      the rule
 * @param ruleTitle   its title
 * @param articleId   the article
 * @param publishedAt when the article says it was published (the replay range and the day use this)
 * @param sourceId    the source that found it
 * @param title       the article's headline
 * @param url         the article's URL
 * @param evidence    the sentences that made the rule's tags match, in text order
 */
public record ReplayMatch(String ruleId, String ruleTitle, String articleId, Instant publishedAt, String sourceId,
                          String title, String url, List<String> evidence) {
    public ReplayMatch {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The UTC day of its publication: the bucket of the per-day table and chart. */
    public LocalDate day() {
        return publishedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
