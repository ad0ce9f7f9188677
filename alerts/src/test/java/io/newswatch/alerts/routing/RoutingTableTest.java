package io.newswatch.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Alert;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The routing tree as a table: (tree, alert fields) to the receivers the alert reaches and how the first of them
 * gets it. The trees are small, named subscriptions files below; the rows cover receiver inheritance, alerts that
 * lack a field, language tags, option inheritance below {@code group_by: none}, {@code matchers} with their four
 * operators, grouping by entities and tags, and the ordinary cases (default route, first match, continue, nesting).
 */
class RoutingTableTest {
    private static final String RECEIVERS = """
            receivers:
              - {name: desk, type: console}
              - {name: team, type: console}
              - {name: archive, type: console}
              - {name: pager, type: console}
              - {name: night, type: console}
            """;

    /** Routing trees by name; each is the RECEIVERS list plus the route given here. */
    private static final Map<String, String> TREES = Map.of(
            // receivers: a route that names none sends with its parent's
            "inherit", """
                    route:
                      receiver: desk
                      routes:
                        - match: {rule: sanctions-violation}
                          receiver: team
                          routes:
                            - match: {min_severity: critical}
                              group_by: [story]
                            - match: {source: tass}
                              receiver: archive
                        - match: {entities: [KP]}
                          group_by: [rule]
                          routes:
                            - match: {language: ko}
                              receiver: pager
                        - match: {tags: [triangle]}
                          receivers: [archive, night]
                          routes:
                            - match: {severity: warning}
                    """,
            // conditions on fields an alert may lack
            "absent", """
                    route:
                      receiver: desk
                      routes:
                        - match: {source: tass}
                          receiver: team
                        - match: {rule: ru-kp}
                          receiver: team
                        - match: {language: en}
                          receiver: team
                        - match: {severity: critical}
                          receiver: pager
                    """,
            // languages: primary subtags on both sides
            "language", """
                    route:
                      receiver: desk
                      routes:
                        - match: {language: en-GB}
                          receiver: team
                        - match: {language: [PT-br, ko]}
                          receiver: pager
                    """,
            // every unset option comes from the parent, even across group_by: none
            "options", """
                    route:
                      receiver: desk
                      group_by: [rule]
                      group_wait: 20s
                      group_interval: 10m
                      repeat_interval: 3h
                      routes:
                        - match: {entities: [KP]}
                          receiver: team
                          group_by: none
                          routes:
                            - match: {severity: critical}
                              receiver: team
                              group_by: [story]
                            - match: {severity: warning}
                              receiver: team
                              group_by: [story]
                              group_wait: 1m
                    """,
            // grouping by fields that hold several values
            "groupkeys", """
                    route:
                      receiver: desk
                      group_by: [rule]
                      group_wait: 20s
                      group_interval: 10m
                      repeat_interval: 3h
                      routes:
                        - match: {tags: [triangle]}
                          receiver: archive
                          group_by: [entities]
                        - match: {rule: cn-kp}
                          receiver: archive
                          group_by: [tags, source]
                    """,
            // Alertmanager-style matchers
            "matchers", """
                    route:
                      receiver: desk
                      routes:
                        - matchers: ['rule=~"sanctions-.*"', 'source!="tass"']
                          receiver: team
                          continue: true
                        - matchers: ['rule=~"sanctions"']
                          receiver: pager
                        - matchers: ['source=""']
                          receiver: archive
                        - matchers: ['entities!~"K.*"', 'tags="triangle"']
                          receiver: pager
                        - matchers: ['rule=""', 'story=~".*"', 'language!="en"']
                          receiver: night
                        - match: {severity: critical}
                          matchers: [rule!~ru-.*]
                          receiver: night
                    """,
            // the ordinary cases
            "plain", """
                    route:
                      receiver: desk
                      routes:
                        - match: {rule: sanctions-violation, min_severity: critical}
                          receiver: pager
                          continue: true
                        - match: {entities: [KP]}
                          receiver: team
                          routes:
                            - match: {source: yonhap}
                              receivers: [team, archive]
                        - match: {tags: [triangle]}
                          receiver: archive
                    """);

    private static Alert alert(String rule, String severity, String source, String language, String story,
                               String tags, String entities) {
        return new Alert(Alert.SCHEMA_VERSION, "id", rule, rule, "v", severity, story, "article", "t", "u", source,
                null, split(entities), split(tags), List.of(), Instant.EPOCH).withLanguage(language);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    static Subscriptions tree(String name) {
        return Subscriptions.parse(RECEIVERS + TREES.get(name), name + ".yaml");
    }

    /**
     * Columns: case | tree | rule | severity | source | language | story | tags | entities | receivers | how the
     * first receiver gets it ({@code now}, or {@code group label / grouping}). {@code -} is a field the alert lacks.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            leaf without a receiver sends with its parent's     | inherit  | sanctions-violation | critical | reuters | en    | s1 | -        | RU     | team         | story=s1 / by story, wait 30s, interval 5m
            leaf with its own receiver                          | inherit  | sanctions-violation | warning  | tass    | en    | s1 | -        | RU     | archive      | now
            node with a receiver, no child takes it             | inherit  | sanctions-violation | warning  | reuters | en    | s1 | -        | RU     | team         | now
            node without a receiver, no child takes it: root's  | inherit  | ru-kp               | warning  | reuters | en    | s1 | -        | KP     | desk         | rule=ru-kp / by rule, wait 30s, interval 5m
            node without a receiver, its child takes it         | inherit  | ru-kp               | warning  | reuters | ko    | s1 | -        | KP     | pager        | rule=ru-kp / by rule, wait 30s, interval 5m
            inherited list of receivers                         | inherit  | triangle            | warning  | bbc     | en    | s1 | triangle | CN     | archive night | now
            default route                                       | inherit  | ru-cn               | info     | bbc     | en    | s1 | -        | CN     | desk         | now
            no source: a source condition does not hold         | absent   | x                   | info     | -       | de    | s1 | -        | -      | desk         | now
            no rule: a rule condition does not hold             | absent   | -                   | info     | bbc     | de    | s1 | -        | -      | desk         | now
            no language: a language condition does not hold     | absent   | x                   | info     | bbc     | -     | s1 | -        | -      | desk         | now
            no severity counts as info                          | absent   | x                   | -        | bbc     | de    | s1 | -        | -      | desk         | now
            no field at all                                     | absent   | -                   | -        | -       | -     | -  | -        | -      | desk         | now
            en-GB takes en-GB                                   | language | x                   | info     | bbc     | en-GB | s1 | -        | -      | team         | now
            language tags ignore case                           | language | x                   | info     | bbc     | EN-gb | s1 | -        | -      | team         | now
            en-GB takes a page known only as en                 | language | x                   | info     | bbc     | en    | s1 | -        | -      | team         | now
            the region is not compared                          | language | x                   | info     | bbc     | en-US | s1 | -        | -      | team         | now
            underscore written for hyphen                       | language | x                   | info     | bbc     | en_GB | s1 | -        | -      | team         | now
            pt-br takes bare pt                                 | language | x                   | info     | bbc     | pt    | s1 | -        | -      | pager        | now
            ko takes ko-KR                                      | language | x                   | info     | bbc     | ko-KR | s1 | -        | -      | pager        | now
            another language                                    | language | x                   | info     | bbc     | de    | s1 | -        | -      | desk         | now
            grouping again below none keeps wait and repeat     | options  | ru-kp               | critical | bbc     | en    | s1 | -        | KP     | team         | story=s1 / by story, wait 20s, interval 10m, repeat every 3h for 24h
            an option set below none wins over the inherited    | options  | ru-kp               | warning  | bbc     | en    | s1 | -        | KP     | team         | story=s1 / by story, wait 1m, interval 10m, repeat every 3h for 24h
            none sends at once                                  | options  | ru-kp               | info     | bbc     | en    | s1 | -        | KP     | team         | now
            group by entities: the sorted set                   | groupkeys | ru-cn               | info     | bbc     | en    | s1 | triangle | RU CN RU | archive    | entities=CN+RU / by entities, wait 20s, interval 10m, repeat every 3h for 24h
            group by tags and source                            | groupkeys | cn-kp               | info     | bbc     | en    | s1 | sanctions cn-kp | CN | archive   | tags=cn-kp+sanctions, source=bbc / by tags, source, wait 20s, interval 10m, repeat every 3h for 24h
            group by tags when there are none                   | groupkeys | cn-kp               | info     | bbc     | en    | s1 | -        | CN     | archive      | tags=, source=bbc / by tags, source, wait 20s, interval 10m, repeat every 3h for 24h
            the root's own grouping                             | groupkeys | x                   | info     | bbc     | en    | s1 | -        | -      | desk         | rule=x / by rule, wait 20s, interval 10m, repeat every 3h for 24h
            regex and negative, then continue                   | matchers | sanctions-violation | warning  | reuters | en    | s1 | x        | RU     | team         | now
            != refuses the named value                          | matchers | sanctions-violation | warning  | tass    | en    | s1 | x        | KP     | desk         | now
            a regex is anchored at both ends                    | matchers | sanctions           | warning  | reuters | en    | s1 | x        | KP     | pager        | now
            ="" takes an alert without the field                | matchers | ru-kp               | warning  | -       | en    | s1 | x        | KP     | archive      | now
            != takes an alert without the field, then continue  | matchers | sanctions-violation | warning  | -       | en    | s1 | x        | KP     | team archive | now
            !~ on a list: no value may match                    | matchers | ru-cn               | warning  | bbc     | en    | s1 | triangle | CN RU  | pager        | now
            !~ on a list: one matching value refuses it         | matchers | ru-cn               | warning  | bbc     | en    | s1 | triangle | CN KP  | desk         | now
            !~ takes an empty list                              | matchers | ru-cn               | warning  | bbc     | en    | s1 | triangle | -      | pager        | now
            =~".*" takes an alert without the field             | matchers | -                   | warning  | bbc     | de    | -  | -        | -      | night        | now
            != on a language takes what lacks it               | matchers | -                   | warning  | bbc     | -     | s1 | -        | -      | night        | now
            != on a language refuses en-GB for en               | matchers | -                   | warning  | bbc     | en-GB | s1 | -        | -      | desk         | now
            match and matchers together, unquoted value         | matchers | cn-kp               | critical | bbc     | en    | s1 | -        | CN     | night        | now
            match and matchers: both must hold                  | matchers | ru-kp               | critical | bbc     | en    | s1 | -        | CN     | desk         | now
            first match wins, with continue on the way          | plain    | sanctions-violation | critical | yonhap  | en    | s1 | triangle | KP     | pager team archive | now
            nested route                                        | plain    | ru-kp               | info     | yonhap  | en    | s1 | triangle | KP     | team archive | now
            first match stops the walk                          | plain    | triangle            | info     | bbc     | en    | s1 | triangle | KP     | team         | now
            a later sibling                                     | plain    | triangle            | info     | bbc     | en    | s1 | triangle | CN     | archive      | now
            continue with no later match                        | plain    | sanctions-violation | critical | bbc     | en    | s1 | -        | RU     | pager        | now
            nothing matches: the root's receiver                | plain    | ru-cn               | info     | bbc     | en    | s1 | -        | CN     | desk         | now
            """)
    void routes(String name, String tree, String rule, String severity, String source, String language, String story,
                String tags, String entities, String receivers, String how) {
        Subscriptions subs = tree(tree);
        Alert alert = alert(rule, severity, source, language, story, tags, entities);
        Map<String, Route> targets = subs.root().targets(alert);
        assertThat(targets.keySet()).containsExactlyElementsOf(split(receivers));
        Grouping g = targets.values().iterator().next().grouping();
        assertThat(g.groups() ? g.groupLabel(alert) + " / " + g.describe() : "now").isEqualTo(how);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            root without a receiver     | 'route:\\n  routes:\\n    - {receiver: desk}'                     | x.yaml:8:3: the root route needs a 'receiver'
            root with an empty list     | 'route:\\n  receivers: []'                                        | x.yaml:8:3: the root route needs a 'receiver'
            matchers on the root        | 'route:\\n  receiver: desk\\n  matchers: [rule="x"]'              | x.yaml:9:3: the root route takes every alert
            no operator                 | 'route:\\n  receiver: desk\\n  routes:\\n    - matchers: [sourcetass]\\n      receiver: team' | x.yaml:10:18: route.routes[0]: matcher 'sourcetass': no operator
            unknown field               | 'route:\\n  receiver: desk\\n  routes:\\n    - matchers: [colour="red"]\\n      receiver: team' | x.yaml:10:18: route.routes[0]: matcher 'colour=\"red\"': unknown field 'colour'
            unclosed quote              | 'route:\\n  receiver: desk\\n  routes:\\n    - matchers: [''rule="x'']\\n      receiver: team' | x.yaml:10:18: route.routes[0]: matcher 'rule=\"x': the quoted value has no closing quote
            text after the quote        | 'route:\\n  receiver: desk\\n  routes:\\n    - matchers: [''rule="x"y'']\\n      receiver: team' | x.yaml:10:18: route.routes[0]: matcher 'rule=\"x\"y': text after the closing quote
            bad regex                   | 'route:\\n  receiver: desk\\n  routes:\\n    - matchers: [''rule=~"(ru"'']\\n      receiver: team' | x.yaml:10:18: route.routes[0]: matcher 'rule=~\"(ru\"': not a valid regular expression
            matchers not a list of text | 'route:\\n  receiver: desk\\n  routes:\\n    - matchers: [{rule: x}]\\n      receiver: team' | x.yaml:10:18: 'matchers' must be a list of values
            group by an unknown field   | 'route:\\n  receiver: desk\\n  group_by: [entity]'                | x.yaml:9:3: cannot group by 'entity' in route (use rule, story, severity, source, language, tags, entities
            timing with no group below  | 'route:\\n  receiver: desk\\n  routes:\\n    - receiver: team\\n      group_wait: 1m' | x.yaml:11:7: 'group_wait' in route.routes[0] needs 'group_by'
            """)
    void refusedAtLoadWithTheSpot(String name, String route, String expected) {
        assertThatThrownBy(() -> Subscriptions.parse(RECEIVERS + route.replace("\\n", "\n"), "x.yaml"))
                .isInstanceOf(ConfigError.class).hasMessageContaining(expected);
    }

    @org.junit.jupiter.api.Test
    void aRouteWithoutItsOwnReceiversSaysItInherits() {
        Route leaf = tree("inherit").root().routes().get(0).routes().get(0);
        assertThat(leaf.receivers()).containsExactly("team");
        assertThat(leaf.receiversInherited()).isTrue();
        assertThat(tree("inherit").root().routes().get(0).receiversInherited()).isFalse();
    }
}
