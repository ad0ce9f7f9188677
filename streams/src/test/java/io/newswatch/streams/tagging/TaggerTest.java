package io.newswatch.streams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Evidence;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaggerTest {
    private static final Tagger TAGGER = Tagger.withDefaultRules();

    /** Text (a literal backslash-n is a line break) and exactly the tags it must get, space-separated. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
            Putin met Kim Jong Un in Pyongyang on Wednesday.                                   | ru-kp
            Российская делегация прибыла в Пхеньян.                                            | ru-kp
            러시아와 북한이 조약을 체결했다.                                                        | ru-kp
            Putin spoke on Monday. Kim Jong Un spoke on Tuesday.                               | -
            Xi Jinping received Choe Son Hui in Beijing.                                       | cn-kp
            中国与朝鲜举行会谈。                                                                 | cn-kp
            Seoul and Beijing held talks.                                                      | -
            South Korea and China held talks on the Korean Peninsula.                          | -
            Russia's Lavrov flew to Beijing for talks.                                         | ru-cn
            The Russian navy sailed through the South China Sea.                               | -
            Russian troops drilled near Taiwan.                                                | -
            Russia, China and North Korea issued a joint statement.                            | cn-kp ru-cn ru-kp triangle
            Russia signed a deal. China welcomed it. North Korea was silent.                   | triangle
            Russia signed a deal. China welcomed it.\\n\\nNorth Korea was silent.              | -
            The U.S. said Mr. Putin met Kim Jong Un on Oct. 13. Beijing said nothing.          | ru-kp triangle
            Moscow denied shipping artillery shells to Pyongyang in violation of UN sanctions. | ru-kp sanctions-violation
            The UN imposed new sanctions on North Korea.                                       | -
            Lawmakers debated whether sanctions on Russia should be extended.                  | -
            Sanctions on Russia exist to stop its war.                                         | -
            Pyongyang said no transfer of weapons took place.                                  | -
            Security Council resolutions prohibit arms transfers to North Korea.              | -
            The EU imposed sanctions on North Korea over human rights violations.              | -
            Investigators said Iran evaded sanctions through front companies.                  | -
            North Korea tested a new ballistic missile on Tuesday.                             | -
            South Korea's exports of weapons to Poland rose sharply.                           | -
            Analysts say North Korea is evading sanctions through cryptocurrency theft.        | sanctions-violation
            Any arms deal with North Korea would violate Security Council resolutions.         | sanctions-violation
            The Treasury said the firms helped Russia circumvent sanctions.                    | sanctions-violation
            Satellite images suggest North Korea has supplied ballistic missiles to Russia.    | ru-kp sanctions-violation
            Pyongyang denies sending ammunition to Moscow.                                     | ru-kp sanctions-violation
            Thousands of North Korean workers have arrived in the Far East this year.          | sanctions-violation
            China repatriated hundreds of North Korean workers last month.                     | cn-kp
            A patrol plane photographed a ship-to-ship transfer involving a North Korean tanker. | sanctions-violation
            North Korea imported refined petroleum far above the annual cap set by the UN.     | sanctions-violation
            Russian crude was sold above the price cap through a shadow fleet.                 | sanctions-violation
            The G7 agreed to lower the price cap on Russian oil.                               | -
            North Korea continues to export coal through its ports.                            | sanctions-violation
            Russia and China vowed to curb sanctions evasion, and North Korea said nothing.    | cn-kp ru-cn ru-kp triangle
            """)
    void givesExactlyTheRightTags(String input, String expected) {
        String text = input.replace("\\n", "\n");
        TagResult result = TAGGER.tag(text);
        assertThat(String.join(" ", result.tags())).isEqualTo(expected == null ? "" : expected);
        for (String tag : result.tags()) {
            assertThat(result.evidenceFor(tag)).as("evidence for %s", tag).isNotEmpty();
        }
    }

    @Test
    void evidenceNamesTheSentenceItsOffsetsAndTheMatchedTerms() {
        String text = "Officials met on Oct. 13 in Geneva.\n\n"
                + "Moscow denied shipping artillery shells to Pyongyang in violation of UN sanctions. "
                + "China declined to comment.";
        TagResult result = TAGGER.tag(text);
        assertThat(result.entities()).containsExactly("CN", "KP", "RU");
        assertThat(result.tags()).containsExactly("ru-kp", "sanctions-violation", "triangle");
        Evidence breach = result.evidenceFor("sanctions-violation").get(0);
        assertThat(breach.text()).isEqualTo(
                "Moscow denied shipping artillery shells to Pyongyang in violation of UN sanctions.");
        assertThat(text.substring(breach.start(), breach.end())).isEqualTo(breach.text());
        assertThat(breach.matched()).contains("shipping", "artillery shells", "violation", "sanctions", "Pyongyang");
        Evidence pair = result.evidenceFor("ru-kp").get(0);
        assertThat(pair.start()).isEqualTo(breach.start());
        assertThat(pair.matched()).containsExactly("Moscow", "Pyongyang");
        Evidence triangle = result.evidenceFor("triangle").get(0);
        assertThat(triangle.text()).startsWith("Moscow denied").endsWith("China declined to comment.");
        assertThat(result.mentions()).extracting(m -> m.sentence()).containsExactly(1, 1, 2);
    }

    @Test
    void rulesVersionIsStableAndTheTaggerIsSafeToShare() throws Exception {
        assertThat(TAGGER.rulesVersion()).isEqualTo(Tagger.withDefaultRules().rulesVersion()).hasSize(16);
        String text = "Russia, China and North Korea met. North Korea shipped shells to Russia.";
        TagResult expected = TAGGER.tag(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TagResult>> futures = pool.invokeAll(java.util.Collections.nCopies(64, () -> TAGGER.tag(text)));
            for (Future<TagResult> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
