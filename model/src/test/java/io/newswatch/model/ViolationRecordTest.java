package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ledger entry: how reports of one breach revise it. */
class ViolationRecordTest {
    private static final Instant T0 = Instant.parse("2023-10-13T12:00:00Z");

    private static ViolationEvent event(Long amount, List<String> places, String status, String attribution) {
        return new ViolationEvent("munitions", "KP", "RU", amount, amount == null ? null : "container", places,
                List.of(), List.of(), List.of("2397"), status, attribution, null);
    }

    private static ViolationRecord.Report report(String article, String outlet, Instant at, String status) {
        return new ViolationRecord.Report(article, "https://" + outlet + "/" + article, "t", outlet, at, status, null,
                "sentence");
    }

    @Test
    void firstReportOpensTheRecordAtRevisionZeroUnderTheStoryEventId() {
        ViolationRecord r = ViolationRecord.first("story-1", event(1000L, List.of("Najin"), "possible", null),
                report("a1", "kyiv", T0, "possible"));
        assertThat(r.id()).isEqualTo(Ids.eventId("story-1", "munitions", "KP", "RU"));
        assertThat(r.revision()).isZero();
        assertThat(r.status()).isEqualTo("possible");
        assertThat(r.amount()).isEqualTo(1000L);
        assertThat(r.firstReportedAt()).isEqualTo(T0).isEqualTo(r.latestReportedAt());
    }

    @Test
    void laterReportsWidenTheRecordAndAssertedWins() {
        ViolationRecord r = ViolationRecord.first("s", event(1000L, List.of("Najin", "Dunay"), "possible", null),
                report("a1", "kyiv", T0.plusSeconds(3600), "possible"));
        r = r.withReport(event(null, List.of("Tikhoretsk", "Najin"), "asserted", "the White House"),
                report("a2", "pism", T0, "asserted"));
        r = r.withReport(event(500L, List.of(), "possible", "analysts"), report("a3", "kyiv", T0.plusSeconds(7200),
                "possible"));
        assertThat(r.revision()).isEqualTo(2);
        assertThat(r.status()).isEqualTo("asserted");
        assertThat(r.amount()).isEqualTo(1000L);
        assertThat(r.places()).containsExactly("Najin", "Dunay", "Tikhoretsk");
        assertThat(r.attributions()).containsExactly("the White House", "analysts");
        assertThat(r.reports()).extracting(ViolationRecord.Report::articleId).containsExactly("a2", "a1", "a3");
        assertThat(r.outlets()).containsExactly("pism", "kyiv");
        assertThat(r.firstReportedAt()).isEqualTo(T0);
        assertThat(r.latestReportedAt()).isEqualTo(T0.plusSeconds(7200));
    }

    @Test
    void theSameArticleReportedAgainReplacesItsReportInsteadOfCountingTwice() {
        ViolationRecord r = ViolationRecord.first("s", event(10L, List.of(), "asserted", null),
                report("a1", "kyiv", T0, "asserted"));
        r = r.withReport(event(20L, List.of(), "asserted", null), report("a1", "kyiv", T0, "asserted"));
        assertThat(r.reports()).hasSize(1);
        assertThat(r.amount()).isEqualTo(20L);
    }

    @Test
    void reportsAreBounded() {
        ViolationRecord r = ViolationRecord.first("s", event(null, List.of(), "asserted", null),
                report("a0", "o", T0, "asserted"));
        for (int i = 1; i < ViolationRecord.MAX_REPORTS + 20; i++) {
            r = r.withReport(event(null, List.of(), "asserted", null), report("a" + i, "o", T0.plusSeconds(i),
                    "asserted"));
        }
        assertThat(r.reports()).hasSize(ViolationRecord.MAX_REPORTS);
        assertThat(r.revision()).isEqualTo(ViolationRecord.MAX_REPORTS + 19);
    }

    @ParameterizedTest(name = "{0} reports of the same article")
    @CsvSource({"2", "5"})
    void anArticleReportedAgainKeepsOneReportAndItsLatestTime(int times) {
        ViolationRecord r = ViolationRecord.first("s", event(10L, List.of(), "asserted", null),
                report("a1", "kyiv", T0, "asserted"));
        for (int i = 1; i < times; i++) {
            r = r.withReport(event(10L + i, List.of(), "asserted", null),
                    report("a1", "kyiv", T0.plusSeconds(i), "asserted"));
        }
        assertThat(r.reports()).hasSize(1);
        assertThat(r.outlets()).containsExactly("kyiv");
        assertThat(r.revision()).isEqualTo(times - 1);
        assertThat(r.latestReportedAt()).isEqualTo(T0.plusSeconds(times - 1));
        assertThat(r.firstReportedAt()).as("the replaced report's time is gone").isEqualTo(T0.plusSeconds(times - 1));
    }

    @Test
    void reportsBeyondTheListedOnesStillMoveTheLatestReportTime() {
        ViolationRecord r = ViolationRecord.first("s", event(1L, List.of(), "asserted", null),
                report("a0", "o0", T0, "asserted"));
        for (int i = 1; i <= ViolationRecord.MAX_REPORTS; i++) {
            r = r.withReport(event(1L, List.of(), "asserted", null), report("a" + i, "o" + i, T0.plusSeconds(i),
                    "asserted"));
        }
        assertThat(r.reports()).hasSize(ViolationRecord.MAX_REPORTS);
        assertThat(r.latestReportedAt()).isEqualTo(T0.plusSeconds(ViolationRecord.MAX_REPORTS));
        assertThat(r.firstReportedAt()).isEqualTo(T0);
    }
}
