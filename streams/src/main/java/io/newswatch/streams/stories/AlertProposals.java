package io.newswatch.streams.stories;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.tagger.Rule;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The alerts an article would raise if it were its story's only report: one per alerting rule it matched, with
 * the evidence for that rule's tags and every violation event of the article. The story step
 * ({@link StoryAssigner}) decides which of them fire. Shared by the live topology and the replay, so both propose
 * the same alerts.
 */
public final class AlertProposals {
    private AlertProposals() {
    }

    /**
     * @param tagger    the tagger that produced {@code result} (its rules say which alert)
     * @param timestamp the record time (ms), the alerts' {@code raisedAt}
     */
    public static List<Alert> propose(Tagger tagger, Article article, TagResult result, long timestamp) {
        List<Alert> proposed = new ArrayList<>();
        for (Rule rule : tagger.ruleSet().rules()) {
            if (rule.alert() && result.matched(rule.id())) {
                proposed.add(new Alert(Alert.SCHEMA_VERSION, Ids.alertId(rule.id(), article.id()), rule.id(),
                        rule.title(), rule.version(), rule.severity().label(), article.id(), article.id(),
                        article.title(), article.url(), article.sourceId(), article.publishedAt(),
                        result.entities(), result.tags(),
                        rule.tags().stream().flatMap(t -> result.evidenceFor(t).stream()).toList(),
                        Instant.ofEpochMilli(timestamp)).withLanguage(article.language())
                        .withEvents(result.events()));
            }
        }
        return proposed;
    }
}
