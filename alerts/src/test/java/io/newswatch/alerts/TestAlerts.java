package io.newswatch.alerts;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.Ids;
import io.newswatch.model.ViolationEvent;
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

    /** A sentence that only names an entity: context, listed first so that taking the first item is wrong. */
    public static final String CONTEXT_SENTENCE = "North Korea's leader toured a shell factory in the spring.";
    /** The sentence that states the breach. */
    public static final String DECISIVE_SENTENCE = "The White House said North Korea shipped more than 1,000 "
            + "containers of munitions to Russia through Najin.";
    /** The summary of {@link #munitions()}. */
    public static final String MUNITIONS_SUMMARY =
            "KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted (the White House)";
    /** An attribution a hostile page could put in an event: markup, a Slack broadcast, a spreadsheet formula. */
    public static final String HOSTILE_ATTRIBUTION = "<script>alert(1)</script> <!channel> & =cmd|' /C calc'!A0";

    /** The munitions shipment the decisive sentence states. */
    public static ViolationEvent munitions() {
        return new ViolationEvent("munitions", "KP", "RU", 1000L, "container", List.of("Najin", "Dunay"), List.of(),
                List.of(), List.of(), ViolationEvent.ASSERTED, "the White House",
                new ViolationEvent.Span(DECISIVE_SENTENCE, 200, 200 + DECISIVE_SENTENCE.length()));
    }

    /** A weapons event whose attribution is {@link #HOSTILE_ATTRIBUTION}. */
    public static ViolationEvent hostileEvent() {
        return new ViolationEvent("weapons", "KP", "RU", null, null, List.of(), List.of(), List.of(), List.of(),
                ViolationEvent.POSSIBLE, HOSTILE_ATTRIBUTION, new ViolationEvent.Span("x", 0, 1));
    }

    /** {@code n} distinct coal events, KP to CN, for the cap on summary lines. */
    public static List<ViolationEvent> coalEvents(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new ViolationEvent("coal", "KP", "C" + i,
                (long) i, "ton", List.of(), List.of(), List.of(), List.of(), ViolationEvent.ASSERTED, null, null))
                .toList();
    }

    /**
     * A sanctions alert whose evidence lists a context item before the decisive one (so a receiver that shows the
     * first item shows the wrong sentence), with the given events.
     */
    public static Alert withProof(String storyId, List<ViolationEvent> events) {
        Alert a = sanctions(storyId);
        List<Evidence> evidence = List.of(
                new Evidence("sanctions-violation", Evidence.CONTEXT, CONTEXT_SENTENCE, 0, CONTEXT_SENTENCE.length(),
                        List.of("North Korea")),
                new Evidence("sanctions-violation", DECISIVE_SENTENCE, 200, 200 + DECISIVE_SENTENCE.length(),
                        List.of("munitions", "shipped")));
        return new Alert(a.schemaVersion(), a.id(), a.ruleId(), a.ruleTitle(), a.ruleVersion(), a.severity(),
                a.storyId(), a.articleId(), a.title(), a.url(), a.sourceId(), a.publishedAt(), a.entities(), a.tags(),
                evidence, a.raisedAt()).withEvents(events);
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
