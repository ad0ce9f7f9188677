package io.newswatch.streams.replay.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.streams.replay.ReplayMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV exports read back, field for field, with an independent RFC 4180 parser. */
class ReplayCsvTest {
    @TempDir
    Path dir;

    @Test
    void matchesReadBackUnchangedInResultOrder() throws IOException {
        Path file = dir.resolve("matches.csv");
        ReplayCsv.writeMatches(ReplayFixtures.result(true), file);

        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));

        assertThat(rows.get(0)).containsExactly("rule_id", "rule_title", "day", "published_at", "article_id",
                "source_id", "title", "url", "evidence", "events");
        assertThat(rows).hasSize(8);
        assertThat(rows.subList(1, 8)).extracting(row -> row.get(0) + "/" + row.get(4)).containsExactly(
                "cyber-infrastructure-attack/a6", "oil-embargo/a1", "oil-embargo/a2", "oil-embargo/a3",
                "oil-embargo/a5", "ports/a2", "ports/a4");
        assertThat(rows.get(1)).containsExactly(ReplayFixtures.ATTACK, "Attack on critical infrastructure",
                "2026-03-05", "2026-03-05T06:00:00Z", "a6", "grid-watch", ReplayFixtures.AWKWARD_TITLE,
                ReplayFixtures.JAVASCRIPT_URL, "Operators said the attack \"briefly\" cut power, officials said.", "");
        assertThat(rows.get(3).get(8)).isEqualTo("Dozens of tankers waited outside the strait. | Traders expect "
                + "prices to rise.");
    }

    @Test
    void quotesOnlyFieldsThatNeedItAndUsesCrlf() throws IOException {
        Path file = dir.resolve("matches.csv");
        ReplayCsv.writeMatches(ReplayFixtures.result(false), file);

        String csv = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(csv).startsWith("rule_id,rule_title,day,published_at,article_id,source_id,title,url,evidence,"
                + "events\r\n"
                + "cyber-infrastructure-attack,Attack on critical infrastructure,2026-03-05,2026-03-05T06:00:00Z,a6,"
                + "grid-watch,\"Grid operator says \"\"minor\"\" outage, then\nrestores Zürich power\","
                + "javascript:alert(document.cookie),"
                + "\"Operators said the attack \"\"briefly\"\" cut power, officials said.\",\r\n");
        assertThat(Files.readAllBytes(file)[0]).as("UTF-8 without byte order mark").isEqualTo((byte) 'r');
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void diffRowsGiveRuleAndSide() throws IOException {
        Path file = dir.resolve("diff.csv");
        ReplayCsv.writeDiff(ReplayFixtures.diff(), file);

        List<List<String>> rows = parse(Files.readString(file, StandardCharsets.UTF_8));

        assertThat(rows.get(0)).containsExactly("rule_id", "side", "day", "published_at", "article_id",
                "source_id", "title", "url", "evidence", "events");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(4))
                .containsExactly("oil-embargo old-only a1", "oil-embargo new-only a7", "oil-embargo new-only a8",
                        "tankers new-only a9");
        assertThat(rows.get(1)).containsExactly("oil-embargo", "old-only", "2026-03-02", "2026-03-02T10:00:00Z",
                "a1", "harbour-wire", "Ministers agree tighter oil embargo", "https://harbour.example/oil-1",
                "The ministers agreed to extend the embargo to refined products.", "");
    }

    @Test
    void aMatchLeadsItsEvidenceWithTheDecisiveSentenceMarksContextAndCarriesTheEventSummaries() throws IOException {
        Path file = dir.resolve("matches.csv");
        ReplayCsv.writeMatches(ReplayFixtures.resultWithEvents(), file);

        List<String> row = parse(Files.readString(file, StandardCharsets.UTF_8)).get(2);

        assertThat(row.get(0)).isEqualTo(ReplayFixtures.SANCTIONS);
        assertThat(row.get(8)).isEqualTo(ReplayFixtures.DECISIVE + " | [context] " + ReplayFixtures.CONTEXT);
        assertThat(row.get(9)).isEqualTo(ReplayFixtures.MUNITIONS_SUMMARY + " | KP → RU · weapons · possible ("
                + ReplayFixtures.HOSTILE_ATTRIBUTION + ")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
            "=cmd|'/C calc'!A0  ; `'=cmd|'/C calc'!A0`",
            "+1+2               ; '+1+2",
            "-2+3               ; '-2+3",
            "@SUM(A1)           ; '@SUM(A1)",
            "KP → RU · coal     ; KP → RU · coal",
            "a=b                ; a=b",
    })
    void aCellAFormulaWouldStartGetsALeadingApostrophe(String value, String written) {
        assertThat(ReplayCsv.defused(value.strip())).isEqualTo(written.strip());
    }

    @Test
    void diffRowsListTheEventsEachSideAloneYieldsAndDefuseFormulas() throws IOException {
        Path file = dir.resolve("diff.csv");
        ReplayCsv.writeDiff(ReplayFixtures.diffWithEvents(), file);

        String csv = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = parse(csv);

        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0) + " " + row.get(1) + " " + row.get(4))
                .containsExactly("sanctions new-only a9", " event-lost a9", " event-gained a9", " event-gained a9");
        assertThat(rows.get(1).get(6)).isEqualTo("'=HYPERLINK(\"http://x.example\") Shells shipped");
        assertThat(rows.get(1).get(8)).startsWith(ReplayFixtures.DECISIVE);
        assertThat(rows.get(2).subList(8, 10)).containsExactly("Coal left Nampo for China.",
                "KP → CN · coal · Nampo · asserted");
        assertThat(rows.get(3).get(9)).isEqualTo(ReplayFixtures.MUNITIONS_SUMMARY);
        assertThat(csv).doesNotContain(",=");
    }

    @Test
    void matchWithoutOptionalFieldsGivesEmptyCells() throws IOException {
        ReplayMatch bare = new ReplayMatch("ports", null, "a0", java.time.Instant.parse("2026-03-02T00:00:00Z"),
                null, null, null, null);
        Path file = dir.resolve("bare.csv");
        ReplayCsv.writeMatches(ReplayFixtures.result(List.of(bare), ReplayFixtures.rules(false)), file);

        assertThat(parse(Files.readString(file)).get(1))
                .containsExactly("ports", "", "2026-03-02", "2026-03-02T00:00:00Z", "a0", "", "", "", "", "");
    }

    @Test
    void unwritableFileFailsNamingIt() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("matches.csv");

        assertThatThrownBy(() -> ReplayCsv.writeMatches(ReplayFixtures.result(false), file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes and embedded line breaks. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    char q = csv.charAt(i);
                    if (q == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (q == '"') {
                        i++;
                        break;
                    } else {
                        field.append(q);
                        i++;
                    }
                }
                char after = csv.charAt(i);
                assertThat(after).as("after a closing quote at %d", i).isIn(',', '\r');
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).as("CR at %d starts CRLF", i).isEqualTo('\n');
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else {
                assertThat(c).as("unquoted field holds no quote or LF at %d", i).isNotIn('"', '\n');
                field.append(c);
                i++;
            }
        }
        assertThat(row).as("last record ends with CRLF").isEmpty();
        assertThat(field).isEmpty();
        return rows;
    }
}
