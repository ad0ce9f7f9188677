package io.newswatch.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Alert;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routing tree: which receivers an alert reaches, and how a broken file is reported. */
class SubscriptionsTest {
    static final String FILE = """
            receivers:
              - name: desk
                type: console
              - name: sanctions-team
                type: webhook
                url: env:SANCTIONS_URL
              - name: korea-desk
                type: email
                to: korea@example.org
              - name: archive
                type: file
                path: alerts.jsonl
            route:
              receiver: desk
              routes:
                - match: {rule: sanctions-violation, min_severity: critical}
                  receivers: [sanctions-team]
                  continue: true
                - match: {entities: [KP], language: [ko, en]}
                  receiver: korea-desk
                  routes:
                    - match: {source: [yonhap-en]}
                      receivers: [korea-desk, archive]
                - match: {tags: [triangle]}
                  receiver: archive
            """;
    static final Subscriptions SUBS = Subscriptions.parse(FILE, "subscriptions.yaml");

    private static Alert alert(String rule, String severity, String source, String language, String tags,
                               String entities) {
        return new Alert(Alert.SCHEMA_VERSION, "id", rule, rule, "v", severity, "story", "article", "t", "u", source,
                null, split(entities), split(tags), List.of(), Instant.EPOCH).withLanguage(language);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            no route takes it: the root's receiver       | ru-cn               | info     | tass      | ru    | ru-cn         | CN RU    | desk
            critical breach: team, then the next match   | sanctions-violation | critical | reuters   | en    | ru-kp         | KP RU    | sanctions-team korea-desk
            warning breach: not the team                 | sanctions-violation | warning  | reuters   | en    | ru-kp         | KP RU    | korea-desk
            language by primary subtag                   | cn-kp               | warning  | bbc       | en-GB | cn-kp         | CN KP    | korea-desk
            language outside the list                    | cn-kp               | warning  | xinhua    | zh    | cn-kp         | CN KP    | desk
            nested route, both receivers once            | ru-kp               | warning  | yonhap-en | en    | ru-kp         | KP RU    | korea-desk archive
            first match wins without continue            | triangle            | warning  | bbc       | en    | triangle      | CN KP RU | korea-desk
            tags: every listed tag present               | triangle            | warning  | tass      | ru    | triangle      | CN KP RU | archive
            unknown language never matches a language    | ru-kp               | warning  | bbc       | -     | ru-kp         | KP RU    | desk
            """)
    void routes(String name, String rule, String severity, String source, String language, String tags,
                String entities, String expected) {
        assertThat(SUBS.receiversFor(alert(rule, severity, source, language, tags, entities)))
                .containsExactlyElementsOf(split(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key        | 'receivers: []\\nroute: {receiver: x}\\nroutez: 1'               | :3:1: unknown key 'routez'
            receiver not defined   | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: b' | :4:3: route names receiver 'b', which is not defined (defined: a)
            bad type               | 'receivers:\\n  - name: a\\n    type: pager\\nroute: {receiver: a}' | :3:5: 'type' of receiver 'a' must be one of
            duplicate receiver     | 'receivers:\\n  - {name: a, type: console}\\n  - {name: a, type: file}\\nroute: {receiver: a}' | receiver 'a' defined twice (first at subs.yaml:2:5)
            match on the root      | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  match: {rule: x}' | :5:3: the root route takes every alert
            bad severity           | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  routes:\\n    - match: {min_severity: urgent}\\n      receiver: a' | :6:15: 'min_severity' must be info, warning or critical
            unknown condition      | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  routes:\\n    - match: {colour: red}\\n      receiver: a' | :6:15: unknown condition 'colour' in route.routes[0]
            continue not boolean   | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  routes:\\n    - receiver: a\\n      continue: maybe' | :7:7: 'continue' in route.routes[0] must be true or false
            duplicate key          | 'receivers: []\\nreceivers: []'                                | :2:1: key 'receivers' given twice
            group by unknown field | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  group_by: [colour]' | :5:3: cannot group by 'colour' in route
            bad group_wait         | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  group_by: [rule]\\n  group_wait: soon' | :6:3: 'group_wait' in route: 'soon' is not a duration
            timing without group   | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  repeat_interval: 4h' | :5:3: 'repeat_interval' in route needs 'group_by'
            digest and group_by    | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  digest: 1h\\n  group_by: [rule]' | :6:3: route gives both 'digest' and 'group_by'
            repeat under interval  | 'receivers:\\n  - {name: a, type: console}\\nroute:\\n  receiver: a\\n  group_by: [rule]\\n  group_interval: 10m\\n  repeat_interval: 5m' | :7:3: 'repeat_interval' in route must not be shorter than 'group_interval'
            """)
    void brokenFilesNameTheSpot(String name, String yaml, String expected) {
        assertThatThrownBy(() -> Subscriptions.parse(yaml.replace("\\n", "\n"), "subs.yaml"))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("subs.yaml:").hasMessageContaining(expected);
    }

    @org.junit.jupiter.api.Test
    void childRoutesInheritGroupingAndMayOverrideOrTurnItOff() {
        Subscriptions subs = Subscriptions.parse("""
                receivers:
                  - {name: desk, type: console}
                  - {name: team, type: console}
                  - {name: pager, type: console}
                route:
                  receiver: desk
                  group_by: [rule]
                  group_wait: 10s
                  repeat_interval: 4h
                  routes:
                    - match: {severity: critical}
                      receiver: pager
                      group_by: none
                    - match: {severity: warning}
                      receiver: team
                      group_by: [rule, story]
                      group_interval: 30m
                    - match: {severity: info}
                      receiver: team
                      digest: 1h
                """, "subs.yaml");
        Route root = subs.root();
        assertThat(root.grouping().describe())
                .isEqualTo("by rule, wait 10s, interval 5m, repeat every 4h for 24h");
        assertThat(root.routes().get(0).grouping().groups()).isFalse();
        Grouping warning = root.routes().get(1).grouping();
        assertThat(warning.groupBy()).containsExactly("rule", "story");
        assertThat(warning.groupWait()).as("inherited").isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(warning.groupInterval()).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(warning.repeatInterval()).as("inherited").isEqualTo(java.time.Duration.ofHours(4));
        Grouping digest = root.routes().get(2).grouping();
        assertThat(digest.groupBy()).isEmpty();
        assertThat(digest.groupWait()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(digest.groupLabel(alert("x", "info", "s", "en", "", ""))).isEqualTo("all");
    }

    @org.junit.jupiter.api.Test
    void theShippedSubscriptionsFileLoadsAndGroupsTheSanctionsRoute() {
        Subscriptions shipped = Subscriptions.load(java.nio.file.Path.of("..", "config", "subscriptions.yaml"));
        Alert breach = alert("sanctions-violation", "critical", "s", "en", "", "");
        assertThat(shipped.receiversFor(breach)).containsExactly("desk", "archive");
        assertThat(shipped.root().targets(breach).get("archive").grouping().groupBy()).containsExactly("story");
    }
}
