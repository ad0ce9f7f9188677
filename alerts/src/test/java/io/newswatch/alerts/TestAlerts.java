package io.newswatch.alerts;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.Ids;
import java.time.Instant;
import java.util.List;

/** Alerts written for the tests; the stories are invented. */
public final class TestAlerts {
    private TestAlerts() {
    }

    /** A sanctions alert on the given story, with one evidence sentence. */
    public static Alert sanctions(String storyId) {
        String url = "https://news.example.org/2025/03/" + storyId;
        String articleId = Ids.articleId(url);
        String sentence = "Port records show a Russian-flagged tanker moored beside a North Korean vessel for "
                + "two nights, a transfer the UN sanctions forbid.";
        return new Alert(Alert.SCHEMA_VERSION, Ids.alertId("sanctions-violation", storyId), "sanctions-violation",
                "Sanctions breach reported", "3", "critical", storyId, articleId,
                "Tanker seen transferring fuel to North Korean ship off Vladivostok", url, "test-feed",
                Instant.parse("2025-03-14T08:30:00Z"), List.of("KP", "RU"), List.of("ru-kp", "sanctions-violation"),
                List.of(new Evidence("sanctions-violation", sentence, 120, 120 + sentence.length(),
                        List.of("Russian-flagged", "North Korean", "sanctions"))),
                Instant.parse("2025-03-14T09:00:00Z"));
    }

    /** The same alert with other severity, title and evidence text. */
    public static Alert with(Alert a, String severity, String title, String evidence) {
        List<Evidence> ev = evidence == null ? List.of()
                : List.of(new Evidence("ru-kp", evidence, 0, evidence.length(), List.of()));
        return new Alert(a.schemaVersion(), a.id(), a.ruleId(), a.ruleTitle(), a.ruleVersion(), severity,
                a.storyId(), a.articleId(), title, a.url(), a.sourceId(), a.publishedAt(), a.entities(), a.tags(), ev,
                a.raisedAt());
    }
}
