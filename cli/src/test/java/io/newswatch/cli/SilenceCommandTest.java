package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.alerts.silence.Silences;
import io.newswatch.model.Silence;
import io.newswatch.model.serde.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code newswatch silence add|list|expire} against a real embedded broker. */
class SilenceCommandTest {
    @RegisterExtension
    static final CommandRunner commands = CommandRunner.withBroker();
    private static final Pattern ADDED = Pattern.compile("silence ([0-9a-f]{12}) added: ");

    private Map<String, Silence> onTopic() {
        return Silences.read(commands.clientProperties(), "silence-test");
    }

    private String addedId() {
        Matcher m = ADDED.matcher(commands.out());
        assertThat(m.find()).as("an id in: %s", commands.out()).isTrue();
        return m.group(1);
    }

    private JsonNode jsonRow(String id) {
        return commands.out().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).filter(n -> n.get("id").asText().equals(id)).findFirst().orElse(null);
    }

    @Test
    void addListExpireRoundTripKeepsTheExpiredSilenceInTheHistory() {
        Instant before = Instant.now();
        assertThat(commands.runWithConfig("silence", "add", "--rule", "ferry-delays", "--match",
                "severity=critical,warning", "--for", "2h", "--comment", "harbour webcam maintenance")).isZero();
        assertThat(commands.out()).containsPattern("added: rule=ferry-delays severity=critical,warning, ends "
                + "\\S+Z \\(in 2h\\)");
        String id = addedId();
        Silence stored = onTopic().get(id);
        assertThat(stored.conditions()).isEqualTo(Map.of("rule", List.of("ferry-delays"),
                "severity", List.of("critical", "warning")));
        assertThat(stored.endsAt()).isBetween(before.plus(Duration.ofHours(2)),
                Instant.now().plus(Duration.ofHours(2)));
        assertThat(stored.comment()).isEqualTo("harbour webcam maintenance");
        assertThat(stored.createdBy()).startsWith(System.getProperty("user.name") + "@");

        assertThat(commands.runWithConfig("silence", "list")).isZero();
        assertThat(commands.out()).containsPattern("(?m)^ID\\s+CONDITIONS\\s+ENDS\\s+BY\\s+COMMENT$")
                .containsPattern("(?m)^" + id + "\\s+rule=ferry-delays severity=critical,warning\\s+\\S+Z "
                        + "\\(in (2h|1h 59m)\\)\\s+\\S+@\\S+\\s+harbour webcam maintenance$");
        assertThat(commands.runWithConfig("silence", "list", "--json")).isZero();
        assertThat(jsonRow(id).get("active").asBoolean()).isTrue();
        assertThat(jsonRow(id).get("conditions").get("rule").get(0).asText()).isEqualTo("ferry-delays");

        assertThat(commands.runWithConfig("silence", "expire", id)).isZero();
        assertThat(commands.out()).contains("silence " + id + " expired at ");
        assertThat(onTopic().get(id).endsAt()).isBefore(Instant.now().plusMillis(1))
                .isAfter(before);

        assertThat(commands.runWithConfig("silence", "list")).isZero();
        assertThat(commands.out()).doesNotContain(id);
        assertThat(commands.runWithConfig("silence", "list", "--all")).isZero();
        assertThat(commands.out()).containsPattern("(?m)^" + id + "\\s+rule=ferry-delays.*\\(ended\\)");
        assertThat(commands.runWithConfig("silence", "list", "--all", "--json")).isZero();
        assertThat(jsonRow(id).get("active").asBoolean()).isFalse();

        assertThat(commands.runWithConfig("silence", "expire", id)).as("expiring twice is harmless").isZero();
        assertThat(commands.out()).contains("had already ended");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "2026-03-14T18:00:00Z,      2026-03-14T18:00:00Z",
        "2026-03-14T18:00,          2026-03-14T18:00:00Z",
        "2026-03-14,                2026-03-14T00:00:00Z",
        "2026-03-14T18:00+09:00,    2026-03-14T09:00:00Z",
    })
    void untilWithoutAnOffsetIsUtcWhateverTheMachinesZone(String given, String meant) {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Seoul"));
            assertThat(SilenceCommand.Add.parseTime(given)).isEqualTo(Instant.parse(meant));
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void untilTakesAnInstantAndUnknownIdsFailToExpire() {
        Instant until = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(commands.runWithConfig("silence", "add", "--match", "source=quay-news", "--match",
                "tags=sanctions-violation", "--until", until.toString(), "--comment", "feed republishing its archive"))
                .isZero();
        assertThat(commands.out()).contains("ends " + until + " (in ");
        assertThat(onTopic().get(addedId()).endsAt()).isEqualTo(until);

        assertThat(commands.runWithConfig("silence", "expire", "0000deadbeef")).isEqualTo(1);
        assertThat(commands.err()).contains("no silence with id '0000deadbeef'");
    }

    @Test
    void matchTakesAlertmanagerStyleOperatorsStoredAsMatchers() {
        assertThat(commands.runWithConfig("silence", "add", "--rule", "grain-exports", "--match", "source!=tass",
                "--match", "tags=~\"sanction.*\"", "--for", "1h", "--comment", "wire service duplicates")).isZero();
        assertThat(commands.out()).contains("added: matchers=source!=tass,tags=~\"sanction.*\" rule=grain-exports, ");
        assertThat(onTopic().get(addedId()).conditions()).isEqualTo(Map.of("rule", List.of("grain-exports"),
                "matchers", List.of("source!=tass", "tags=~\"sanction.*\"")));
        assertThat(commands.runWithConfig("silence", "add", "--match", "source!=tass", "--for", "1h", "--comment",
                "c")).as("only a negative matcher").isEqualTo(2);
        assertThat(commands.err()).contains("would also silence every alert that lacks");
        assertThat(commands.runWithConfig("silence", "add", "--match", "rule=~\"(x\"", "--for", "1h", "--comment",
                "c")).isEqualTo(2);
        assertThat(commands.err()).contains("not a valid regular expression");
    }

    @Test
    void usageErrorsExitTwoNameTheProblemAndWriteNothing() {
        int silencesBefore = onTopic().size();
        String past = Instant.now().minus(Duration.ofHours(1)).toString();
        Map<List<String>, String> cases = Map.of(
                List.of("--for", "2h", "--comment", "everything"), "at least one condition",
                List.of("--match", "colour=red", "--for", "2h", "--comment", "c"), "'colour'",
                List.of("--match", "severity=urgent", "--for", "2h", "--comment", "c"), "'urgent'",
                List.of("--match", "severity", "--for", "2h", "--comment", "c"), "expected KEY=VALUE",
                List.of("--rule", "r", "--for", "2x", "--comment", "c"), "is not a duration",
                List.of("--rule", "r", "--for", "0s", "--comment", "c"), "longer than zero",
                List.of("--rule", "r", "--until", past, "--comment", "c"), "not in the future",
                List.of("--rule", "r", "--until", "next tuesday", "--comment", "c"), "expected a time",
                List.of("--rule", "r", "--for", "2h", "--until", past, "--comment", "c"), "mutually exclusive",
                List.of("--rule", "r", "--for", "2h"), "--comment");
        cases.forEach((args, message) -> {
            String[] full = new String[args.size() + 2];
            full[0] = "silence";
            full[1] = "add";
            for (int i = 0; i < args.size(); i++) {
                full[i + 2] = args.get(i);
            }
            assertThat(commands.runWithConfig(full)).as("%s", args).isEqualTo(2);
            assertThat(commands.err()).as("%s", args).contains(message);
        });
        assertThat(commands.runWithConfig("silence", "add", "--rule", "r", "--comment", "c")).as("no end").isEqualTo(2);
        assertThat(commands.runWithConfig("silence", "expire")).as("no id").isEqualTo(2);
        assertThat(onTopic()).hasSize(silencesBefore);
    }
}
