package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ledger entry: how reports of one breach revise it. */
class ViolationRecordTest {
    private static final Instant T0 = Instant.parse("2023-10-13T09:00:00Z");

    private static ViolationEvent event(Long amount, String status, List<String> places, String attribution) {
        return new ViolationEvent("munitions", "KP", "RU", amount, amount == null ? null : "container", places,
                List.of(), List.of(), List.of("2270"), status, attribution,
                new ViolationEvent.Span("More than 1,000 containers were shipped.", 0, 40));
    }

    private static ViolationRecord.Report report(String article, String outlet, Instant at, Long amount) {
        return new ViolationRecord.Report(article, "https://" + outlet + ".example/" + article, "Arms by rail",
                outlet, at, ViolationEvent.ASSERTED, amount, "More than 1,000 containers were shipped.");
    }

    @Test
    void theFirstReportMakesRevisionZeroUnderTheEventId() {
        ViolationRecord r = ViolationRecord.first("story-1", event(1000L, ViolationEvent.POSSIBLE,
                List.of("Najin"), "the White House"), report("a1", "wire", T0, 1000L));
        assertThat(r.id()).isEqualTo(Ids.eventId("story-1", "munitions", "KP", "RU"));
        assertThat(r.revision()).isZero();
        assertThat(r.status()).isEqualTo(ViolationEvent.POSSIBLE);
        assertThat(r.amount()).isEqualTo(1000L);
        assertThat(r.unit()).isEqualTo("container");
        assertThat(r.reports()).hasSize(1);
        assertThat(r.firstReportedAt()).isEqualTo(T0);
        assertThat(r.latestReportedAt()).isEqualTo(T0);
        assertThat(r.attributions()).containsExactly("the White House");
    }

    @Test
    void aSecondOutletWidensTheDatesKeepsTheLargestAmountAndUnitesTheFacts() {
        ViolationRecord r = ViolationRecord.first("s", event(1000L, ViolationEvent.POSSIBLE, List.of("Najin", "Dunay"),
                        "the White House"), report("a1", "wire", T0, 1000L))
                .withReport(event(300L, ViolationEvent.ASSERTED, List.of("Dunay", "Tikhoretsk"), "Kirby"),
                        report("a2", "daily", T0.minusSeconds(3600), 300L));
        assertThat(r.revision()).isEqualTo(1);
        assertThat(r.amount()).isEqualTo(1000L);
        assertThat(r.status()).isEqualTo(ViolationEvent.ASSERTED);
        assertThat(r.places()).containsExactly("Najin", "Dunay", "Tikhoretsk");
        assertThat(r.attributions()).containsExactly("the White House", "Kirby");
        assertThat(r.outlets()).as("oldest report first").containsExactly("daily", "wire");
        assertThat(r.firstReportedAt()).isEqualTo(T0.minusSeconds(3600));
        assertThat(r.latestReportedAt()).isEqualTo(T0);
    }

    @ParameterizedTest(name = "{0} reports of the same article")
    @CsvSource({"2", "5"})
    void theSameArticleReportedAgainReplacesItsOwnReport(int times) {
        ViolationRecord r = ViolationRecord.first("s", event(10L, ViolationEvent.ASSERTED, List.of(), null),
                report("a1", "wire", T0, 10L));
        for (int i = 1; i < times; i++) {
            r = r.withReport(event(10L + i, ViolationEvent.ASSERTED, List.of(), null),
                    report("a1", "wire", T0.plusSeconds(i), 10L + i));
        }
        assertThat(r.reports()).hasSize(1);
        assertThat(r.outlets()).containsExactly("wire");
        assertThat(r.revision()).isEqualTo(times - 1);
        assertThat(r.latestReportedAt()).isEqualTo(T0.plusSeconds(times - 1));
        assertThat(r.firstReportedAt()).as("the replaced report's time is gone").isEqualTo(T0.plusSeconds(times - 1));
    }

    @Test
    void reportsBeyondTheListedOnesStillMoveTheLatestReportTime() {
        ViolationRecord r = ViolationRecord.first("s", event(1L, ViolationEvent.ASSERTED, List.of(), null),
                report("a0", "o0", T0, 1L));
        for (int i = 1; i <= ViolationRecord.MAX_REPORTS; i++) {
            r = r.withReport(event(1L, ViolationEvent.ASSERTED, List.of(), null),
                    report("a" + i, "o" + i, T0.plusSeconds(i), 1L));
        }
        assertThat(r.reports()).hasSize(ViolationRecord.MAX_REPORTS);
        assertThat(r.latestReportedAt()).isEqualTo(T0.plusSeconds(ViolationRecord.MAX_REPORTS));
        assertThat(r.firstReportedAt()).isEqualTo(T0);
    }
}
