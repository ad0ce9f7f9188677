package io.newswatch.benchmarks.synthetic.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every template does, on its own and whatever its slots are filled with, what its group promises the default
 * rules: the generator's ground truth rests on it.
 */
class TemplatesTest {
    private static final Tagger TAGGER = Tagger.withDefaultRules();
    private static final int FILLS = 60;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // charge,   names a country, matches sanctions-violation, matches a co-occurrence rule
        "MENTION,   true,            false,                       false",
        "PAIR,      true,            false,                       true",
        "VIOLATION, true,            true,                        ",
        "TALK,      true,            false,                       ",
    })
    void everyChargedTemplateTagsAsItsKindSays(Charge charge, boolean namesCountry, boolean violation,
                                               Boolean coOccurrence) {
        for (String template : charge.templates()) {
            for (int fill = 0; fill < FILLS; fill++) {
                String sentence = Words.render(template, new Random(fill), -1, null);
                TagResult tags = TAGGER.tag(sentence);
                assertThat(!tags.entities().isEmpty()).as("a country in: %s", sentence).isEqualTo(namesCountry);
                assertThat(tags.matched("sanctions-violation")).as("a violation in: %s", sentence)
                        .isEqualTo(violation);
                if (coOccurrence != null) {
                    boolean pair = tags.matched("ru-kp") || tags.matched("cn-kp") || tags.matched("ru-cn");
                    assertThat(pair).as("two countries in: %s", sentence).isEqualTo(coOccurrence);
                }
            }
        }
    }

    @Test
    void neutralSentencesAndHeadlinesNameNoCountryAndMatchNoRule() {
        List<String> neutral = new ArrayList<>(Templates.GENERAL);
        neutral.addAll(Templates.NEAR_MISSES);
        neutral.addAll(Templates.SHORT);
        neutral.addAll(Templates.VIOLATION_HEADLINES);
        Templates.TOPICS.forEach(t -> {
            neutral.addAll(t.headlines());
            neutral.addAll(t.sentences());
        });
        for (String template : neutral) {
            for (int fill = 0; fill < FILLS; fill++) {
                String sentence = Words.render(template, new Random(fill), -1, null);
                TagResult tags = TAGGER.tag(sentence);
                assertThat(tags.entities()).as("countries in: %s", sentence).isEmpty();
                assertThat(tags.rules()).as("rules matching: %s", sentence).isEmpty();
            }
        }
    }

    @Test
    void inventedWordsNeverNameAWatchedCountry() {
        Random r = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append(Words.aside(r)).append(i % 5 == 4 ? "\n\n" : " ");
        }
        TagResult result = TAGGER.tag(text.toString());
        assertThat(result.entities()).isEmpty();
        assertThat(result.tags()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aCopyEditorChangesTheChosenSlotAndNoOther(int changed) {
        String template = "{ru}|{cn}|{city}";
        for (long seed = 0; seed < FILLS; seed++) {
            String[] original = Words.render(template, new Random(seed), -1, null).split("\\|");
            String[] edited = Words.render(template, new Random(seed), changed, new Random(seed + 1)).split("\\|");
            for (int slot = 0; slot < 3; slot++) {
                // the first slot is capitalised in both, so compare ignoring case
                assertThat(edited[slot].equalsIgnoreCase(original[slot])).as("slot %d of %s", slot, seed)
                        .isEqualTo(slot != changed);
            }
        }
    }
}
