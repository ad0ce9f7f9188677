package io.newswatch.streams.replay.report;

import static io.newswatch.streams.replay.report.ReplayFixtures.ATTACK;
import static io.newswatch.streams.replay.report.ReplayFixtures.BREACH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.streams.replay.ReplayResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal table, summary and diff text of a replay. */
class ReplayTableTest {

    @Test
    void tableHasOneRowPerDayWithMatchesOneColumnPerRuleAndTotals() {
        List<List<String>> rows = Arrays.stream(ReplayTable.perRulePerDay(ReplayFixtures.result(false)).split("\n"))
                .map(line -> List.of(line.trim().split(" +")))
                .toList();

        assertThat(rows.get(0)).containsExactly("day", "cyber-infra~", "cyber-infr~2", "oil-embargo", "ports",
                "total");
        assertThat(rows.get(1)).containsExactly("2026-03-02", ".", ".", "2", "1", "3");
        assertThat(rows.get(2)).containsExactly("2026-03-03", ".", ".", "1", "1", "2");
        assertThat(rows.get(3)).containsExactly("2026-03-05", "1", ".", "1", ".", "2");
        assertThat(rows.get(4)).containsExactly("total", "1", ".", "4", "2", "7");
        assertThat(rows).hasSize(7).as("no row for 4 March, which has no match")
                .noneMatch(row -> row.get(0).equals("2026-03-04"));
    }

    @Test
    void abbreviatedRuleIdsAreExplainedInALegend() {
        String table = ReplayTable.perRulePerDay(ReplayFixtures.result(false));

        assertThat(table).endsWith("cyber-infra~ = " + ATTACK + "\ncyber-infr~2 = " + BREACH + "\n");
        assertThat(table).doesNotContain("oil-embargo =").doesNotContain("ports =");
    }

    @Test
    void columnsAreAligned() {
        List<String> lines = List.of(ReplayTable.perRulePerDay(ReplayFixtures.result(false)).split("\n"))
                .subList(0, 5);

        assertThat(lines).extracting(String::length).containsOnly(lines.get(0).length());
    }

    @Test
    void replayWithoutMatchesSaysSo() {
        ReplayResult empty = ReplayFixtures.result(List.of(), ReplayFixtures.rules(false));

        assertThat(ReplayTable.perRulePerDay(empty)).isEqualTo("no matches (4 rules)\n");
    }

    @Test
    void summaryGivesReadInRangeUnreadableMatchesAlertsTookAndRate() {
        String summary = ReplayTable.summary(ReplayFixtures.result(false));

        assertThat(summary).isEqualTo("read 1200 articles (310 in range, 2 unreadable) in 4.0 s, 300 articles/s\n"
                + "7 matches, 0 alerts\n");
    }

    @Test
    void summaryFormatsLongAndShortRuns() {
        ReplayResult slow = new ReplayResult("x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "1", Map.of(), 50, 5,
                0, List.of(), List.of(), Duration.ofSeconds(187));
        ReplayResult fast = new ReplayResult("x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "1", Map.of(), 9, 5,
                0, List.of(), List.of(), Duration.ofMillis(250));

        assertThat(ReplayTable.summary(slow)).startsWith("read 50 articles (5 in range, 0 unreadable) in 3 min 07 s, "
                + "0.3 articles/s");
        assertThat(ReplayTable.summary(fast)).contains("in 250 ms, 36.0 articles/s");
    }

    @Test
    void aReplayThatSawNoArticleSaysWhy() {
        ReplayResult empty = new ReplayResult("x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "1", Map.of(), 0, 0,
                0, List.of(), List.of(), Duration.ofMillis(5));
        ReplayResult outside = new ReplayResult("x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "1", Map.of(), 12,
                0, 0, List.of(), List.of(), Duration.ofMillis(5));
        ReplayResult some = new ReplayResult("x", Instant.EPOCH, Instant.EPOCH.plusSeconds(1), "1", Map.of(), 12, 3,
                0, List.of(), List.of(), Duration.ofMillis(5));
        assertThat(ReplayTable.summary(empty)).contains("the archive (news.articles) is empty", "newswatch ingest");
        assertThat(ReplayTable.summary(outside)).contains("none of the 12 archived articles was published in the "
                + "range").doesNotContain("is empty");
        assertThat(ReplayTable.summary(some)).doesNotContain("is empty", "none of the");
    }

    @Test
    void diffListsChangedRulesWithBothSidesAndTheUnchangedAtTheEnd() {
        String text = ReplayTable.diffText(ReplayFixtures.diff(), 5);

        assertThat(text).isEqualTo("""
                rule oil-embargo: 1 only in old, 2 only in new, 3 in both
                  - 2026-03-02  harbour-wire  Ministers agree tighter oil embargo  \
                "The ministers agreed to extend the embargo to refined products."
                  + 2026-03-04  coast-daily  Shipping insurers react  "Insurers raised premiums after the embargo \
                was widened to cover refined products, a step that brokers said would be felt for months in every \
                port along the coa…"
                  + 2026-03-05  plains-herald  Farmers fear fuel costs  "Farmers said fuel costs rose after the \
                embargo."
                rule tankers (added in new): 0 only in old, 1 only in new, 0 in both
                  + 2026-03-03  coast-daily  Tanker seized [2J  "A tanker was seized off the coast."
                unchanged: cyber-infrastructure-attack, cyber-infrastructure-breach, ports
                """);
    }

    @Test
    void diffCapsEachSideAndSaysHowManyMore() {
        String text = ReplayTable.diffText(ReplayFixtures.diff(), 1);

        assertThat(text).contains("  + 2026-03-04  coast-daily  Shipping insurers react")
                .doesNotContain("Farmers fear fuel costs")
                .contains("    + and 1 more\n")
                .contains("  - 2026-03-02  harbour-wire  Ministers agree tighter oil embargo")
                .doesNotContain("- and");
        assertThatThrownBy(() -> ReplayTable.diffText(ReplayFixtures.diff(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void diffTextCarriesNoTerminalControlCharacters() {
        assertThat(ReplayTable.diffText(ReplayFixtures.diff(), 5)).doesNotContain("\u001b");
    }

    @Test
    void diffShowsTheDecisiveSentenceAndTheEventsGainedAndLost() {
        String text = ReplayTable.diffText(ReplayFixtures.diffWithEvents(), 5);

        assertThat(text).isEqualTo("rule sanctions: 0 only in old, 1 only in new, 0 in both\n"
                + "  + 2026-03-04  kp-watch  =HYPERLINK(\"http://x.example\") Shells shipped  \""
                + ReplayFixtures.DECISIVE + "\"\n"
                + "events: 1 only in old, 2 only in new, in 1 article\n"
                + "  2026-03-04  kp-watch  =HYPERLINK(\"http://x.example\") Shells shipped\n"
                + "    - KP → CN · coal · Nampo · asserted\n"
                + "    + " + ReplayFixtures.MUNITIONS_SUMMARY + "\n"
                + "    + KP → RU · weapons · possible (" + ReplayFixtures.HOSTILE_ATTRIBUTION + ")\n");
    }

    @Test
    void diffCapsTheArticlesWithChangedEvents() {
        String text = ReplayTable.diffText(ReplayFixtures.diffWithEvents(), 0);
        assertThat(text).contains("events: 1 only in old, 2 only in new, in 1 article\n    and 1 more articles\n")
                .doesNotContain("Nampo");
    }
}
