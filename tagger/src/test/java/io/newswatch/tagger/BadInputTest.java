package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Texts no article should be but some will be: empty, blank, huge, binary, in other scripts, too long. */
class BadInputTest {
    private static final Tagger TAGGER = Tagger.withDefaultRules();

    private static void assertEmpty(TagResult r) {
        assertThat(r.entities()).isEmpty();
        assertThat(r.tags()).isEmpty();
        assertThat(r.rules()).isEmpty();
        assertThat(r.mentions()).isEmpty();
        assertThat(r.evidence()).isEmpty();
    }

    private static void assertConsistent(String text, TagResult r) {
        for (Mention m : r.mentions()) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        for (Evidence e : r.evidence()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\n", " \t\r\n \u2003\u3000\n"})
    void anEmptyOrBlankTextHasAnEmptyResultAndNoParagraphs(String text) {
        assertEmpty(TAGGER.tag(text));
        assertThat(TAGGER.segment(text).paragraphs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0", "\u00AD\u200B\uFEFF", "...", "\u0301\u0301", "\uD800\uDFFF\uDC00"})
    void aTextOfInvisibleOrLoneMarksHasAnEmptyResult(String text) {
        assertEmpty(TAGGER.tag(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Η Ρωσία και η Βόρεια Κορέα υπέγραψαν συμφωνία για πυρομαχικά. Η Κίνα σιώπησε.",
        "وقعت روسيا وكوريا الشمالية اتفاقية للتعاون العسكري، ولم تعلق الصين.",
        "רוסיה וצפון קוריאה חתמו על הסכם.",
        "รัสเซียและเกาหลีเหนือลงนามข้อตกลง",
        "🇷🇺🤝🇰🇵 🚀🚀🚀 ☢️",
    })
    void aTextInAScriptNoAliasUsesHasAnEmptyResult(String text) {
        assertEmpty(TAGGER.tag(text));
    }

    @Test
    void aTenMegabyteTextIsTaggedWholeAndExactly() {
        String paragraph = "Russia and North Korea signed a pact in Pyongyang on Tuesday. China said nothing.\n\n";
        int perParagraph = 4;
        int repetitions = 10_000_000 / paragraph.length() + 1;
        String text = paragraph.repeat(repetitions);
        assertThat(text.length()).isGreaterThanOrEqualTo(10_000_000);

        TagResult r = TAGGER.tag(text);

        assertThat(r.mentions()).hasSize(repetitions * perParagraph);
        assertThat(r.entities()).containsExactly("CN", "KP", "RU");
        assertThat(r.tags()).containsExactly("ru-kp", "triangle");
        Mention last = r.mentions().get(r.mentions().size() - 1);
        int lastParagraph = (repetitions - 1) * paragraph.length();
        assertThat(last).extracting(Mention::entity, Mention::text, Mention::start, Mention::sentence,
                        Mention::paragraph)
                .containsExactly("CN", "China", lastParagraph + paragraph.indexOf("China"), 2 * repetitions - 1,
                        repetitions - 1);
        assertThat(r.evidence()).allSatisfy(e -> assertThat(e.end() - e.start()).isLessThan(paragraph.length()));
        assertConsistent(text, r);
    }

    @Test
    void everyUtf16UnitInOrderIncludingLoneSurrogatesIsHarmless() {
        StringBuilder sb = new StringBuilder(65_536);
        for (int c = 0; c < 65_536; c++) {
            sb.append((char) c);
        }
        String all = sb.toString();
        TagResult r = TAGGER.tag(all);
        assertConsistent(all, r);
        Segmentation seg = TAGGER.segment(all);
        assertThat(seg.sentences()).isNotEmpty().allSatisfy(s -> assertThat(s.end()).isGreaterThan(s.start()));
        // with aliases planted between spaces, the noise around them does not hide them
        String planted = all + " Pyongyang " + all + " Moscow " + all.substring(0, 0x0041);
        TagResult p = TAGGER.tag(planted);
        assertThat(p.mentions()).extracting(Mention::entity, Mention::start)
                .contains(tuple("KP", 65_537), tuple("RU", 2 * 65_536 + 11 + 1));
        assertConsistent(planted, p);
    }

    @Test
    void randomUtf16NoiseWithPlantedAliasesFindsExactlyThePlantedOnes() {
        Random random = new Random(20_240_301);
        StringBuilder sb = new StringBuilder();
        for (int chunk = 0; chunk < 20; chunk++) {
            for (int i = 0; i < 5_000; i++) {
                char c = (char) random.nextInt(65_536);
                sb.append(Character.isLetterOrDigit(c) ? ' ' : c);
            }
            sb.append(chunk % 2 == 0 ? " Kremlin. " : " Beijing. ");
        }
        String text = sb.toString();
        TagResult r = TAGGER.tag(text);
        assertThat(r.mentions()).extracting(Mention::text).hasSize(20)
                .containsOnly("Kremlin", "Beijing");
        assertConsistent(text, r);
    }

    /**
     * The tagger segments from the marks its scanner collects; {@link Tagger#segment} reads the text itself. On
     * texts made of boundary traps the two must agree on every mention's sentence and paragraph and on every
     * evidence sentence.
     */
    @Test
    void mentionsAndEvidenceUseTheSameSentencesAsSegment() {
        String[] pieces = {"Russia", "North Korea", "Beijing", "shells", "sent", "the", "U.S.", "Oct. 13", "Gen.",
            "No. 2", "3.5", ".", ". ", "!", "?", "…", "...", "\"", ")", "\n", "\n\n", " \n \n", "\r\n\r\n",
            "\n\u3000\n", "。", "．", "！", "중국과", "북한은", " ", " ", " ", "\t", "Mr.", "i.e.", "J."};
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(60); i >= 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            String text = sb.toString();
            Segmentation seg = TAGGER.segment(text);
            TagResult r = TAGGER.tag(text);
            for (Mention m : r.mentions()) {
                int sentence = seg.sentenceAt(m.start());
                assertThat(m.sentence()).as("sentence of %s in %s", m, text).isEqualTo(sentence);
                assertThat(m.paragraph()).as("paragraph of %s in %s", m, text)
                        .isEqualTo(seg.sentences().get(sentence).paragraph());
            }
            for (Evidence e : r.evidence()) {
                assertThat(seg.sentences()).as("evidence %s in %s", e, text)
                        .anySatisfy(s -> assertThat(new int[] {s.start(), s.end()})
                                .containsExactly(e.start(), e.end()));
            }
            assertConsistent(text, r);
        }
    }

    @Test
    void theLongestTextAcceptedIsTaggedAndOffsetsBeyondTwentyThreeBitsStayInOrder() {
        StringBuilder sb = new StringBuilder(" ".repeat(Tagger.MAX_TEXT_CHARS));
        place(sb, 100, "Russia");
        place(sb, 8_388_600, "Kim Jong Un");
        place(sb, 9_000_000, "China");
        place(sb, 12_000_000, "South China Sea");
        place(sb, Tagger.MAX_TEXT_CHARS - 8, "Beijing.");
        String text = sb.toString();
        assertThat(text).hasSize(Tagger.MAX_TEXT_CHARS);
        List<Mention> mentions = TAGGER.tag(text).mentions();
        assertThat(mentions).extracting(Mention::entity, Mention::start).containsExactly(
                tuple("RU", 100), tuple("KP", 8_388_600), tuple("CN", 9_000_000),
                tuple("CN", Tagger.MAX_TEXT_CHARS - 8));
    }

    private static void place(StringBuilder sb, int at, String s) {
        sb.replace(at, at + s.length(), s);
    }

    @Test
    void aTextLongerThanTheLimitIsRefusedWithAClearMessage() {
        String text = "x".repeat(Tagger.MAX_TEXT_CHARS + 1);
        assertThatThrownBy(() -> TAGGER.tag(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a text of 16000001 characters is longer than the 16000000 the tagger accepts");
    }

    @Test
    void aTaggerIsSafeToShareBetweenThreads() throws Exception {
        String text = "Russia, China and North Korea met. North Korea shipped shells to Russia.";
        TagResult expected = TAGGER.tag(text);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<TagResult>> jobs = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String other = i % 2 == 0 ? text : "Seoul and Taipei met. " + i;
                jobs.add(() -> TAGGER.tag(other));
            }
            List<java.util.concurrent.Future<TagResult>> results = pool.invokeAll(jobs);
            for (int i = 0; i < results.size(); i++) {
                TagResult got = results.get(i).get();
                if (i % 2 == 0) {
                    assertThat(got).isEqualTo(expected);
                } else {
                    assertEmpty(got);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.tags()).contains("triangle", "sanctions-violation");
    }
}
