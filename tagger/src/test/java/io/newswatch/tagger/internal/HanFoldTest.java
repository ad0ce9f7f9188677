package io.newswatch.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traditional Chinese is read as Simplified: the fold table, and the tagger on text written in either script. */
class HanFoldTest {
    private static final Tagger TAGGER = Tagger.withDefaultRules();

    @Test
    void theShippedTableIsIcusTransform() throws IOException {
        try (InputStream in = CharClasses.class.getResourceAsStream("han-simplified.txt")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(HanSimplifiedTable.fromIcu());
        }
    }

    /** A Traditional character and its Simplified form fold alike; a character with no other form is itself. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"韓, 韩", "羅, 罗", "彈, 弹", "運, 运", "違, 违", "萬, 万", "俄, 俄", "朝, 朝"})
    void traditionalFoldsToSimplified(char traditional, char simplified) {
        assertThat(CharClasses.fold(traditional)).isEqualTo(CharClasses.fold(simplified)).isEqualTo(simplified);
    }

    /**
     * The same report in Simplified and in Traditional script gets the same entities, tags and event keys. Text,
     * then one event key it must yield.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            报道称，朝鲜已向俄罗斯运送了大量炮弹和弹道导弹，用于乌克兰战场。 | 報導稱，北韓已向俄羅斯運送了大量砲彈和彈道飛彈，用於烏克蘭戰場。 | munitions KP>RU
            卫星图像显示，俄罗斯向朝鲜运送了超过100万桶石油，违反联合国制裁。 | 衛星圖像顯示，俄羅斯向北韓運送了超過100萬桶石油，違反聯合國制裁。 | petroleum RU>KP
            """)
    void bothScriptsReadAlike(String simplified, String traditional, String key) {
        TagResult s = TAGGER.tag(simplified);
        TagResult t = TAGGER.tag(traditional);
        assertThat(t.entities()).isEqualTo(s.entities()).contains("KP", "RU");
        assertThat(t.tags()).isEqualTo(s.tags()).contains("ru-kp", "sanctions-violation");
        assertThat(t.events()).extracting(HanFoldTest::key).contains(key)
                .isEqualTo(s.events().stream().map(HanFoldTest::key).toList());
    }

    private static String key(ViolationEvent e) {
        return e.commodity() + " " + (e.from() == null ? "?" : e.from()) + ">" + (e.to() == null ? "?" : e.to());
    }
}
