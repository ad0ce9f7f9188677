package io.newswatch.alerts.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertFormatterTest {
    private final AlertFormatter formatter = new AlertFormatter();
    private final Alert alert = TestAlerts.sanctions("story-1");

    @Test
    void formatsHeaderEvidenceAndUrlAsOneBlock() {
        assertThat(formatter.format(alert)).isEqualTo(
                "[critical] sanctions-violation  Tanker seen transferring fuel to North Korean ship off Vladivostok\n"
                        + "  \"Port records show a Russian-flagged tanker moored beside a North Korean vessel for "
                        + "two nights, a transfer the UN sanctions forbid.\"\n"
                        + "  https://news.example.org/2025/03/story-1");
    }

    @Test
    void leavesOutTheEvidenceLineWhenThereIsNone() {
        Alert bare = TestAlerts.with(alert, "warning", "Summit in Beijing", null);
        assertThat(formatter.lines(bare)).containsExactly(
                "[warning] sanctions-violation  Summit in Beijing",
                "  https://news.example.org/2025/03/story-1");
    }

    @Test
    void foldsLineBreaksAndNeutralisesTerminalEscapesFromScrapedText() {
        Alert hostile = TestAlerts.with(alert, "critical", "Line one\nline two\u001b[2J",
                "First\r\n\tsecond  \u0007third");
        assertThat(formatter.lines(hostile)).hasSize(3);
        assertThat(formatter.header(hostile)).isEqualTo("[critical] sanctions-violation  Line one line two\uFFFD[2J");
        assertThat(formatter.evidenceLine(hostile)).isEqualTo("  \"First second \uFFFDthird\"");
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
            // bidirectional embeddings, overrides and isolates: a terminal that honours them shows the text
            // reordered, so a headline could read as something else (Unicode TR #9, section 2)
            "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069",
    })
    void dropsBidiControlsThatWouldReorderWhatATerminalShows(String hex) {
        String bidi = Character.toString(Integer.parseInt(hex, 16));
        Alert hostile = TestAlerts.withProof("story-bidi", java.util.List.of(new io.newswatch.model.ViolationEvent(
                "coal", "KP", "CN", null, null, java.util.List.of("Nampo" + bidi + "ortsalaN"), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), "asserted", null, null)));
        hostile = TestAlerts.with(hostile, "critical", "Ships seen" + bidi + "tnediccA", "Coal" + bidi + "gnivom")
                .withEvents(hostile.events());
        assertThat(formatter.format(hostile)).doesNotContain(bidi)
                .contains("Ships seen tnediccA", "Coal gnivom", "Nampo ortsalaN");
    }

    @Test
    void shortensVeryLongEvidence() {
        Alert longOne = TestAlerts.with(alert, "info", "T", "word ".repeat(200));
        String line = formatter.evidenceLine(longOne);
        assertThat(line).hasSize(2 + 1 + 400 + 1).endsWith("…\"");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "critical, ,            [critical] sanctions-violation  (untitled)",
            "WARNING,  Title,       [warning] sanctions-violation  Title",
            "NULL,     Title,       [info] sanctions-violation  Title",
            "'  ',     '  Spaced  out ', [info] sanctions-violation  Spaced out",
    })
    void headerNormalisesSeverityAndTitle(String severity, String title, String expected) {
        assertThat(formatter.header(TestAlerts.with(alert, severity, title, null))).isEqualTo(expected);
    }

    @Test
    void anUpdateSaysHowManyOtherOutletsCarriedTheStory() {
        Alert once = alert.updated(java.util.List.of("coast-daily"), alert.raisedAt());
        Alert twice = once.updated(java.util.List.of("coast-daily", "bay-times"), alert.raisedAt());
        assertThat(formatter.header(alert)).doesNotContain("update");
        assertThat(formatter.header(once)).endsWith("  (update: also reported by 1 outlet)");
        assertThat(formatter.header(twice)).endsWith("  (update: also reported by 2 outlets)");
        assertThat(twice.id()).isEqualTo(alert.id());
        assertThat(twice.deliveryKey()).isEqualTo(alert.id() + "/2");
        assertThat(alert.deliveryKey()).isEqualTo(alert.id());
    }

    @Test
    void consoleWithoutColourPrintsExactlyTheBlockAndABlankLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleReceiver console = new ConsoleReceiver(out, false);
        console.deliver(alert);
        console.deliver(alert);
        String block = formatter.format(alert).replace("\n", System.lineSeparator()) + System.lineSeparator()
                + System.lineSeparator();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(block + block).doesNotContain("\u001b");
    }

    @ParameterizedTest
    @CsvSource({"critical, '\u001b[1;31m'", "warning, '\u001b[1;33m'", "info, '\u001b[1;36m'"})
    void consoleWithColourColoursTheHeaderBySeverityAndDimsTheUrl(String severity, String sgr) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Alert a = TestAlerts.with(alert, severity, "Title", "Evidence.");
        new ConsoleReceiver(new PrintStream(bytes, true, StandardCharsets.UTF_8), true).deliver(a);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
        assertThat(lines[0]).isEqualTo(sgr + "[" + severity + "] sanctions-violation  Title\u001b[0m");
        assertThat(lines[1]).isEqualTo("  \"Evidence.\"");
        assertThat(lines[2]).isEqualTo("\u001b[2m  https://news.example.org/2025/03/story-1\u001b[0m");
    }

    @Test
    void consoleReportsABrokenStreamAsAPermanentFailure() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("pipe closed");
            }
        };
        ConsoleReceiver console = new ConsoleReceiver(new PrintStream(broken, true, StandardCharsets.UTF_8), false);
        assertThatThrownBy(() -> console.deliver(alert))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void showsTheFirstDecisiveSentenceThenOneSummaryLinePerEvent() {
        Alert proof = TestAlerts.withProof("story-proof", java.util.List.of(TestAlerts.munitions()));
        assertThat(formatter.lines(proof)).containsExactly(
                "[critical] sanctions-violation  Tanker seen transferring fuel to North Korean ship off Vladivostok",
                "  \"" + TestAlerts.DECISIVE_SENTENCE + "\"",
                "  - " + TestAlerts.MUNITIONS_SUMMARY,
                "  https://news.example.org/2025/03/story-proof");
    }

    @Test
    void showsAtMostFiveSummaryLinesThenCountsTheRest() {
        Alert many = TestAlerts.withProof("story-many", TestAlerts.coalEvents(7));
        assertThat(formatter.lines(many)).containsExactly(
                "[critical] sanctions-violation  Tanker seen transferring fuel to North Korean ship off Vladivostok",
                "  \"" + TestAlerts.DECISIVE_SENTENCE + "\"",
                "  - KP → C1 · coal · 1 ton · asserted",
                "  - KP → C2 · coal · 2 tons · asserted",
                "  - KP → C3 · coal · 3 tons · asserted",
                "  - KP → C4 · coal · 4 tons · asserted",
                "  - KP → C5 · coal · 5 tons · asserted",
                "  +2 more events",
                "  https://news.example.org/2025/03/story-many");
    }

    @Test
    void aSummaryCannotAddLinesOrEscapesToTheTerminal() {
        io.newswatch.model.ViolationEvent forged = new io.newswatch.model.ViolationEvent("coal", "KP", "CN", null,
                null, java.util.List.of("Nampo\n[critical] fake-rule  Forged\u001b[2J"), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), "asserted", "x".repeat(1000), null);
        java.util.List<String> lines = formatter.lines(TestAlerts.withProof("story-forged", java.util.List.of(forged)));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("  - KP → CN · coal · Nampo [critical] fake-rule Forged\uFFFD[2J")
                .doesNotContain("\u001b").hasSizeLessThanOrEqualTo(4 + 300).endsWith("…");
    }
}
