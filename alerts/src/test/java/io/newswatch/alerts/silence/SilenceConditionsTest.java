package io.newswatch.alerts.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which alerts a silence's conditions cover: the same matching as a route's, including alerts that lack a field,
 * language tags and Alertmanager-style {@code matchers}; and which conditions are refused.
 */
class SilenceConditionsTest {
    /** {@code key=value ; key=value}: each part one value of a condition (a key may repeat). */
    private static Map<String, List<String>> conditions(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String part : text.split(" ; ")) {
            int eq = part.indexOf(':');
            out.computeIfAbsent(part.substring(0, eq).trim(), k -> new ArrayList<>())
                    .add(part.substring(eq + 1).trim());
        }
        return out;
    }

    private static Alert alert(String rule, String source, String language) {
        return new Alert(Alert.SCHEMA_VERSION, "id", rule, rule, "v", "warning", "story", "article", "t", "u", source,
                null, List.of("KP"), List.of(), List.of(), Instant.EPOCH).withLanguage(language);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            source condition, alert without a source      | source:tass                                | ru-kp | -     | en    | false
            rule condition, alert without a rule          | rule:ru-kp                                 | -     | bbc   | en    | false
            language condition, alert without a language  | language:en                                | ru-kp | bbc   | -     | false
            en-GB silences en-GB                          | language:en-GB                             | ru-kp | bbc   | en-GB | true
            en-GB silences en, the form pages give        | language:en-GB                             | ru-kp | bbc   | en    | true
            de leaves en-GB                               | language:de                                | ru-kp | bbc   | en-GB | false
            negative matcher with a positive condition    | rule:ru-kp ; matchers:source!="tass"       | ru-kp | bbc   | en    | true
            negative matcher refuses the named value      | rule:ru-kp ; matchers:source!="tass"       | ru-kp | tass  | en    | false
            negative matcher takes a missing field        | rule:ru-kp ; matchers:source!="tass"       | ru-kp | -     | en    | true
            regex matcher                                 | matchers:rule=~"ru-.*"                     | ru-kp | bbc   | en    | true
            regex matcher is anchored                     | matchers:rule=~"ru"                        | ru-kp | bbc   | en    | false
            regex matcher, alert without the field        | matchers:rule=~"ru-.*"                     | -     | bbc   | en    | false
            two matchers                                  | matchers:rule=~"ru-.*" ; matchers:entities="KP" | ru-kp | bbc | en  | true
            """)
    void covers(String name, String conditions, String rule, String source, String language, boolean silenced) {
        assertThat(Silences.matcher(conditions(conditions)).matches(alert(rule, source, language)))
                .isEqualTo(silenced);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            only a negative matcher   | matchers:source!="tass"     | would also silence every alert that lacks
            only a catch-all regex    | matchers:rule=~".*"         | would also silence every alert that lacks
            bad matcher               | matchers:rule~"x"           | matcher 'rule~"x"': no operator
            bad regex                 | matchers:rule=~"(x"         | not a valid regular expression
            unknown field             | matchers:colour="red"       | unknown field 'colour'
            """)
    void refuses(String name, String conditions, String expected) {
        assertThatThrownBy(() -> Silences.matcher(conditions(conditions)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
    }
}
