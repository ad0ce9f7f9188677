package io.newswatch.streams.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Mention;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {
    private static final Gazetteer GAZETTEER = Gazetteer.defaults();

    private static List<Mention> find(String text) {
        return GAZETTEER.find(text, TextSegmenter.segment(text));
    }

    /** Text (a literal backslash-n is a line break) and the entity codes it mentions, space-separated. */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
            Russia expelled two diplomats.                    | RU
            Russia's navy sailed.                             | RU
            The Kremlin said nothing.                         | RU
            Moscow's response came later.                     | RU
            Sergei Lavrov travelled.                          | RU
            ПУТИН выступил.                                   | RU
            Санкции против России усилены.                    | RU
            Делегация Российской Федерации прибыла.           | RU
            Російські війська відступили.                     | RU
            Посол Росії заявив.                               | RU
            러시아와 협력.                                       | RU
            俄罗斯外交部表示。                                   | RU
            Prussia was a kingdom.                            | -
            North Korea fired a missile.                      | KP
            North Korea's envoy spoke.                        | KP
            The North Korean delegation left.                 | KP
            Pyongyang denied it.                              | KP
            Kim Jong Un inspected a factory.                  | KP
            Kim Jong-un inspected a factory.                  | KP
            KIM JONG UN inspected a factory.                  | KP
            Kim Jong\\nUn inspected a factory.                | KP
            Choe Son Hui spoke.                               | KP
            The DPRK and the D.P.R.K. are one.                | KP
            The Democratic People's Republic of Korea spoke.  | KP
            КНДР провела испытание.                           | KP
            Делегация Северной Кореи прибыла.                 | KP
            Північна Корея погрожує.                          | KP
            Делегація Північної Кореї.                        | KP
            북한은 미사일을 발사했다.                              | KP
            조선 외무성 대변인.                                  | KP
            朝鲜外务省发表谈话。                                  | KP
            北韩发射导弹。                                       | KP
            China objected.                                   | CN
            Chinese officials objected.                       | CN
            Beijing objected.                                 | CN
            Xi Jinping and Wang Yi met.                       | CN
            Китай выразил протест.                            | CN
            중국 외교부.                                        | CN
            中国外交部发言人。                                   | CN
            中國外交部。                                        | CN
            He ate in Chinatown.                              | -
            South Korea protested.                            | -
            The Republic of Korea protested.                  | -
            The ROK Navy sailed.                              | -
            Seoul protested.                                  | -
            Tensions rose on the Korean Peninsula.            | -
            Veterans of the Korean War gathered.              | -
            Taiwan protested.                                 | -
            Chinese Taipei won gold.                          | -
            Ships patrolled the South China Sea.              | -
            Ships patrolled the East China Sea.               | -
            The Republic of China celebrated.                 | -
            朝鲜族 cultural festival.                           | -
            朝鲜半岛局势紧张。                                   | -
            韩国总统访问。                                       | -
            조선소에서 선박을 건조했다.                           | -
            한국 정부가 발표했다.                                 | -
            Южная Корея протестует.                           | -
            Russia, China and North Korea met.                | CN KP RU
            """)
    void findsTheRightEntities(String input, String expected) {
        String text = input.replace("\\n", "\n");
        TreeSet<String> codes = new TreeSet<>();
        find(text).forEach(m -> codes.add(m.entity()));
        assertThat(String.join(" ", codes)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void mentionsCarryOriginalTextOffsetsAndPositions() {
        String text = "Talks began.\n\nLater, Kim Jong\nUn met\nPutin's aide. Russia's envoy stayed.";
        List<Mention> mentions = find(text);
        assertThat(mentions).extracting(Mention::text)
                .containsExactly("Kim Jong\nUn", "Putin", "Russia");
        Mention kim = mentions.get(0);
        assertThat(text.substring(kim.start(), kim.end())).isEqualTo("Kim Jong\nUn");
        assertThat(kim.entity()).isEqualTo("KP");
        assertThat(kim.sentence()).isEqualTo(1);
        assertThat(kim.paragraph()).isEqualTo(1);
        assertThat(mentions.get(2).sentence()).isEqualTo(2);
    }

    @Test
    void exclusionWinsOnlyWhereItCoversTheAlias() {
        assertThat(find("South China Sea patrols angered China."))
                .extracting(Mention::text).containsExactly("China");
        assertThat(find("Fullwidth ＲＵＳＳＩＡ still counts."))
                .extracting(Mention::entity).containsExactly("RU");
    }

    @Test
    void rejectsAnAliasGivenToTwoEntities() {
        String yaml = """
                entities:
                  - code: AA
                    name: A
                    aliases: [Alpha]
                  - code: BB
                    name: B
                    aliases: [alpha]
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gazetteer.parse(yaml, "g.yaml"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("g.yaml:7:")
                .hasMessageContaining("already an alias of AA");
    }
}
