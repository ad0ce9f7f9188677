package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Alert;
import io.newswatch.model.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch routes test}: the dry run prints the routes taken and the receivers, for each alert given. */
class RoutesTestCommandTest {
    @RegisterExtension
    final CommandRunner cli = new CommandRunner();
    @TempDir
    Path dir;

    private static String alert(String rule, String severity, String language) throws Exception {
        return Json.mapper().writeValueAsString(new Alert(Alert.SCHEMA_VERSION, "id-" + rule, rule, rule, "v",
                severity, "s", "a", "Title of " + rule, "https://x.example/", "reuters", null, List.of("KP", "RU"),
                List.of(rule), List.of(), Instant.EPOCH).withLanguage(language));
    }

    @Test
    void showsTheRoutesAndReceiversOfEachAlert() throws Exception {
        Path subs = Files.writeString(dir.resolve("subs.yaml"), """
                receivers:
                  - {name: desk, type: console}
                  - {name: team, type: webhook, url: env:TEAM_URL}
                route:
                  receiver: desk
                  routes:
                    - match: {rule: sanctions-violation, min_severity: critical}
                      receiver: team
                      continue: true
                      group_by: [rule, story]
                      group_wait: 45s
                    - match: {entities: [KP], language: en}
                      receiver: desk
                """);
        Path alerts = Files.writeString(dir.resolve("alerts.jsonl"), alert("sanctions-violation", "critical", "en")
                + "\n" + alert("ru-cn", "info", "ru") + "\n");
        assertThat(cli.run("routes", "test", "--alert", alerts.toString(), "--subscriptions", subs.toString()))
                .isZero();
        assertThat(cli.out()).contains("alert sanctions-violation  \"Title of sanctions-violation\"")
                .contains("  route.routes[0] -> team\n  route.routes[1] -> desk\n  receivers: team, desk")
                .contains("alert ru-cn").contains("  route -> desk\n  receivers: desk");
        assertThat(cli.out()).as("how each receiver gets it")
                .contains("    team: in group 'rule=sanctions-violation, story=s', by rule, "
                        + "story, wait 45s, interval 5m")
                .contains("    desk: each alert at once");
    }

    @Test
    void aRouteWithoutItsOwnReceiverShowsTheReceiverItInherits() throws Exception {
        Path subs = Files.writeString(dir.resolve("subs.yaml"), """
                receivers:
                  - {name: desk, type: console}
                  - {name: team, type: console}
                route:
                  receiver: desk
                  routes:
                    - match: {rule: sanctions-violation}
                      receiver: team
                      routes:
                        - match: {min_severity: critical}
                          group_by: [story]
                    - match: {entities: [KP]}
                      group_by: [rule]
                      routes:
                        - match: {language: ko}
                          receiver: team
                """);
        Path alerts = Files.writeString(dir.resolve("alerts.jsonl"), alert("sanctions-violation", "critical", "en")
                + "\n" + alert("ru-kp", "warning", "en") + "\n");
        assertThat(cli.run("routes", "test", "--alert", alerts.toString(), "--subscriptions", subs.toString()))
                .isZero();
        assertThat(cli.out())
                .contains("  route.routes[0].routes[0] -> team (inherited from its parent)\n  receivers: team\n"
                        + "    team: in group 'story=s', by story, wait 30s, interval 5m")
                .contains("  route.routes[1] -> desk (inherited from its parent)\n  receivers: desk\n"
                        + "    desk: in group 'rule=ru-kp', by rule, wait 30s, interval 5m");
    }

    @Test
    void aBrokenSubscriptionsFileIsOneLineWithItsPosition() throws Exception {
        Path subs = Files.writeString(dir.resolve("bad.yaml"), "receivers: []\nroute:\n  receiver: nobody\n");
        Path alerts = Files.writeString(dir.resolve("a.json"), alert("ru-kp", "warning", "en"));
        assertThat(cli.run("routes", "test", "--alert", alerts.toString(), "--subscriptions", subs.toString()))
                .isEqualTo(1);
        assertThat(cli.err().strip()).contains("bad.yaml:3:3: route names receiver 'nobody'").doesNotContain("\tat ");
    }
}
