package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.LedgerFilter;
import io.newswatch.model.ViolationRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ledger's formats and filters; scraped text in them is hostile. */
class LedgerFormatTest {
    static ViolationRecord record(String id, String commodity, String from, String to, String latest,
                                  List<String> places, List<String> vessels, List<String> imo) {
        Instant at = latest == null ? null : Instant.parse(latest);
        return new ViolationRecord(ViolationRecord.SCHEMA_VERSION, id, "story-" + id, commodity, from, to,
                "asserted", 1000L, "container", places, vessels, imo, List.of("2397"), List.of("the White House"),
                List.of(new ViolationRecord.Report("a-" + id, "https://news.example/" + id, "Title", "news", at,
                        "asserted", 1000L, "Evidence.")), at, at, 0);
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain text            | plain text",
            "=HYPERLINK(\"x\")     | `\"'=HYPERLINK(\"\"x\"\")\"`",
            "+7 (495) 123          | '+7 (495) 123",
            "-2+3                  | '-2+3",
            "@SUM(A1:A9)           | '@SUM(A1:A9)",
            "Najin, Rason          | `\"Najin, Rason\"`",
            "say \"no\"            | `\"say \"\"no\"\"\"`",
            "`line\none`           | `\"line\none\"`",
            "`\ttab`               | `'\ttab`",
            "a=b                   | a=b",
            "``                    | ``"})
    void csvFieldsAreQuotedAsRfc4180WantsAndFormulasAreDefused(String value, String expected) {
        assertThat(LedgerFormat.csvField(value)).isEqualTo(expected == null ? "" : expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "commodity             | munitions |      |      |                      |        |          | true",
            "other commodity       | missiles  |      |      |                      |        |          | false",
            "from, any case        |           | kp   |      |                      |        |          | true",
            "wrong from            |           | RU   |      |                      |        |          | false",
            "to                    |           |      | RU   |                      |        |          | true",
            "since, before latest  |           |      |      | 2023-10-01T00:00:00Z |        |          | true",
            "since, equal latest   |           |      |      | 2023-10-13T09:00:00Z |        |          | true",
            "since, after latest   |           |      |      | 2023-10-14T00:00:00Z |        |          | false",
            "vessel, any case      |           |      |      |                      | angara |          | true",
            "vessel, IMO number    |           |      |      |                      | 912    |          | true",
            "vessel absent         |           |      |      |                      | Sparta |          | false",
            "place, contains       |           |      |      |                      |        | dunay    | true",
            "place absent          |           |      |      |                      |        | Vostochny| false",
            "all given, one fails  | munitions | KP   | CN   |                      |        |          | false"})
    void filtersSelectOnEveryGivenCriterion(String name, String commodity, String from, String to, String since,
                                            String vessel, String place, boolean selected) {
        ViolationRecord r = record("e1", "munitions", "KP", "RU", "2023-10-13T09:00:00Z", List.of("Najin", "Dunay"),
                List.of("Angara"), List.of("9128702"));
        LedgerFilter f = new LedgerFilter(commodity, from, to,
                since == null ? null : Instant.parse(since), vessel, place);
        assertThat(f.matches(r)).isEqualTo(selected);
    }

    @Test
    void theTableIsNewestFirstAndShowsNoControlCharacters() {
        ViolationRecord older = record("a", "munitions", "KP", "RU", "2023-09-14T10:00:00Z", List.of("Najin"),
                List.of(), List.of());
        ViolationRecord newer = record("b", "workers", "KP", "RU", "2023-10-13T09:00:00Z",
                List.of("Vladivostok\u001b[31m\nred"), List.of(), List.of());
        ViolationRecord undated = record("c", "coal", null, "CN", null, List.of(), List.of(), List.of());
        List<String> lines = LedgerFormat.table(LedgerFilter.all().select(List.of(undated, older, newer)));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("LATEST REPORT").contains("FROM→TO", "REP/OUT", "RESOLUTIONS");
        assertThat(lines.get(1)).startsWith("2023-10-13 09:00  KP→RU    workers")
                .contains("1,000 containers", "asserted", "1/1", "Vladivostok [31m red", "2397")
                .doesNotContain("\u001b", "\n");
        assertThat(lines.get(2)).startsWith("2023-09-14 10:00  KP→RU    munitions");
        assertThat(lines.get(3)).startsWith("-                 ?→CN     coal");
    }

    @Test
    void eventsReportedAtTheSameTimeAreListedByRouteAndCommodityNotByTheirHashedIds() {
        // ids are hashes of the story (of its URL), so they would order the same events differently per site
        String at = "2026-11-14T09:00:00Z";
        List<ViolationRecord> records = List.of(
                record("0a", "workers", "KP", "RU", at, List.of(), List.of(), List.of()),
                record("1b", "weapons", "RU", "KP", at, List.of(), List.of(), List.of()),
                record("2c", "munitions", "KP", "RU", at, List.of(), List.of(), List.of()),
                record("3d", "petroleum", null, "KP", at, List.of(), List.of(), List.of()));
        assertThat(LedgerFilter.all().select(records)).extracting(r -> r.from() + "→" + r.to() + " " + r.commodity())
                .containsExactly("null→KP petroleum", "KP→RU munitions", "KP→RU workers", "RU→KP weapons");
    }

    @Test
    void theCsvHasAHeaderAndCrlfLineEnds() {
        String csv = LedgerFormat.csv(List.of(record("a", "munitions", "KP", "RU", "2023-10-13T09:00:00Z",
                List.of("Najin", "=cmd|' /C calc'!A0"), List.of(), List.of())));
        String[] rows = csv.split("\r\n", -1);
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).isEqualTo(String.join(",", LedgerFormat.CSV_HEADER));
        assertThat(rows[1]).startsWith("2023-10-13T09:00:00Z,2023-10-13T09:00:00Z,KP,RU,munitions,1000,container,"
                + "asserted,1,news,Najin; =cmd|' /C calc'!A0,");
        assertThat(rows[2]).isEmpty();
    }
}
