package io.newswatch.streams.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.tagger.Rule;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.RuleSetException;
import io.newswatch.tagger.Tagger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules files as news.rules records: one self-contained record per rule, merged back into the same rules. */
public class RuleRecordsTest {
    public static final String PORTS = """
            version: 2
            lists:
              PORT: [port, harbour, pier]
            rules:
              - id: ru-port
                title: Russia and a port in one sentence
                alert: true
                query: SENTENCE(@RU AND $PORT)
              - id: kp-port
                title: North Korea and a port in one sentence
                severity: critical
                alert: true
                query: SENTENCE(@KP AND $PORT)
            """;

    @Test
    void eachRuleBecomesARecordThatStandsOnItsOwn() {
        Map<String, String> records = RuleRecords.split(PORTS, "ports.yaml");
        assertThat(records.keySet()).containsExactly("ru-port", "kp-port");
        RuleSet alone = RuleSet.parse(records.get("kp-port"), "news.rules/kp-port", null);
        assertThat(alone.rules()).extracting(Rule::id).containsExactly("kp-port");
        assertThat(alone.rules().get(0).severity().label()).isEqualTo("critical");
    }

    @Test
    void mergedRecordsTagLikeTheFile() {
        RuleSet merged = RuleRecords.merge(RuleRecords.split(PORTS, "ports.yaml"));
        RuleSet file = RuleSet.parse(PORTS, "ports.yaml", null);
        assertThat(merged.rules()).extracting(Rule::id).containsExactlyInAnyOrder("ru-port", "kp-port");
        String text = "A Russian tanker docked at the pier in Rajin, North Korea, on Monday.";
        assertThat(Tagger.withRules(merged).tag(text).tags()).isEqualTo(Tagger.withRules(file).tag(text).tags())
                .contains("ru-port", "kp-port");
        for (Rule r : file.rules()) {
            assertThat(merged.rule(r.id()).orElseThrow().version()).as("the version an alert records")
                    .isEqualTo(r.version());
        }
        assertThat(RuleRecords.merge(Map.of())).isNull();
    }

    @Test
    void anInvalidFileOrOneWithItsOwnGazetteerIsRefused() {
        assertThatThrownBy(() -> RuleRecords.split(PORTS.replace("$PORT)", "$PORTS)"), "ports.yaml"))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("ports.yaml:").hasMessageContaining("PORTS");
        assertThatThrownBy(() -> RuleRecords.split("version: 2\nentities: my-entities.yaml\n" + PORTS.substring(11),
                "custom.yaml")).isInstanceOf(RuleSetException.class).hasMessageContaining("gazetteer");
    }
}
