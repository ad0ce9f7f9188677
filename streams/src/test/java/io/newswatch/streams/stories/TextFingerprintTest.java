package io.newswatch.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Light edits of one wire story stay within the story distance; different stories on the same subject do not. */
public class TextFingerprintTest {
    public static final String WIRE = String.join(" ",
            "A cargo ship that left the port of Rajin last week unloaded several hundred containers at a military",
            "pier near Vladivostok on Tuesday, according to satellite images reviewed by researchers.",
            "The researchers said the containers matched the type used in earlier shipments of artillery shells.",
            "The vessel switched off its transponder after leaving North Korean waters and switched it back on",
            "two days later, a pattern the researchers have documented on at least four earlier voyages.",
            "Officials in Seoul said they were aware of the reports and were sharing information with partners.",
            "The Russian defence ministry did not respond to a request for comment, and North Korea's state media",
            "made no mention of the voyage. Experts said the pace of shipments appeared to have increased since",
            "the spring, when a new rail link to the border station opened for freight.",
            "A spokesman for the port authority in Vladivostok declined to say what the containers held.");

    public static final String OTHER_STORY = String.join(" ",
            "Talks between Russian and North Korean officials on a new bridge over the Tumen river ended on",
            "Thursday without an agreement on who will pay for the approach roads, according to people briefed.",
            "The bridge would replace the ageing rail crossing at Khasan and allow lorries to cross for the first",
            "time. Officials said a further round of talks was planned for next month in Pyongyang, and that",
            "engineers had already surveyed both banks. Local businesses in Primorye have long asked for a road",
            "link, saying the rail crossing is too slow for perishable goods and too small for modern wagons.");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dateline added            | VLADIVOSTOK (Harbour Wire) - |
            closing line added        | | Reporting by the Harbour Wire desk; editing by staff.
            """)
    void syndicatedCopiesWithALineAddedAreNear(String name, String before, String after) {
        String copy = (before == null ? "" : before + " ") + WIRE + (after == null ? "" : " " + after);
        assertThat(TextFingerprint.distance(TextFingerprint.of(WIRE), TextFingerprint.of(copy)))
                .isLessThanOrEqualTo(StoryIndex.MAX_DISTANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            word changed      | several hundred containers | about 300 containers
            sentence cut      | 'A spokesman for the port authority in Vladivostok declined to say what the containers held.' | ''
            punctuation       | 'did not respond to a request for comment, and' | 'did not respond to a request for comment; and'
            """)
    void lightEditsAreNear(String name, String from, String to) {
        String edited = WIRE.replace(from, to == null ? "" : to);
        assertThat(edited).isNotEqualTo(WIRE);
        assertThat(TextFingerprint.distance(TextFingerprint.of(WIRE), TextFingerprint.of(edited)))
                .isLessThanOrEqualTo(StoryIndex.MAX_DISTANCE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another story on the same countries
            """)
    void differentStoriesAreFar(String name) {
        assertThat(TextFingerprint.distance(TextFingerprint.of(WIRE), TextFingerprint.of(OTHER_STORY)))
                .isGreaterThan(StoryIndex.MAX_DISTANCE * 3);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Short brief on the port.
            ''
            """)
    void shortTextsGetNoFingerprint(String text) {
        assertThat(TextFingerprint.of(text)).isEqualTo(TextFingerprint.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            中俄两国外长周二在北京会谈，双方表示将加强在能源和交通领域的合作，并讨论了朝鲜半岛局势和地区安全问题，会谈持续了三个小时。
            """)
    void textsWithoutSpacesAreFingerprintedByCharacter(String text) {
        long original = TextFingerprint.of(text);
        assertThat(original).isNotEqualTo(TextFingerprint.NONE);
        assertThat(TextFingerprint.distance(original, TextFingerprint.of(text.replace("三个小时", "四个小时"))))
                .isLessThanOrEqualTo(StoryIndex.MAX_DISTANCE * 2);
    }

    /**
     * Fingerprints are kept in the story step's state, so a faster implementation must give the very same values:
     * each text's fingerprint equals that of {@link #reference}, a plain rendering of the documented algorithm.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wire story           | WIRE
            other story          | OTHER
            Chinese              | 中俄两国外长周二在北京会谈，双方表示将加强在能源和交通领域的合作，并讨论了朝鲜半岛局势和地区安全问题，会谈持续了三个小时。
            Korean and Latin     | 북한과 러시아는 화요일 평양에서 회담을 가졌다 and the talks in Pyongyang ended late on Tuesday with a joint statement on rail
            Cyrillic and accents | Министр иностранных дел России прибыл в Пхеньян; Ärzte in Köln sagten, die Straße sei GESPERRT gewesen, 3 Tage lang
            mixed case, digits   | The SHIP Hua-Fu 7 left NAMPO at 04:30 on 12 March 2025, carrying 1,200 t of coal; it reached Nakhodka on 15 March 2025 at dawn
            supplementary chars  | 𝐓𝐡𝐞 bold letters 𝔘 and 𠀋 a rare Han character sit among plain words here so that the shingles reach twelve at least
            punctuation only     | ... --- !!! ??? ;;; ::: ,,, ((( ))) [[[ ]]] {{{ }}} *** &&& %%% $$$ ### @@@
            """)
    void fingerprintsStayTheValuesOfTheDocumentedAlgorithm(String name, String text) {
        String t = switch (text) {
            case "WIRE" -> WIRE;
            case "OTHER" -> OTHER_STORY;
            default -> text;
        };
        String twice = t + " " + t.toUpperCase(Locale.ROOT);
        assertThat(TextFingerprint.of(t)).isEqualTo(reference(t));
        assertThat(TextFingerprint.of(twice)).isEqualTo(reference(twice));
    }

    /** The algorithm as the class documents it, one code point at a time, with no shortcut. */
    private static long reference(String text) {
        List<Long> words = new ArrayList<>();
        Long open = null;
        for (int i = 0; i < text.length(); ) {
            int raw = text.codePointAt(i);
            i += Character.charCount(raw);
            int cp = Character.toLowerCase(raw);
            boolean letter = Character.isLetterOrDigit(raw);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            boolean spaceless = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
            if (letter && spaceless) {
                if (open != null) {
                    words.add(open);
                }
                words.add(mix(cp));
                open = null;
            } else if (letter) {
                open = (open == null ? 0x9E3779B97F4A7C15L : open) * 0x100000001B3L ^ cp;
            } else if (open != null) {
                words.add(open);
                open = null;
            }
        }
        if (open != null) {
            words.add(open);
        }
        int shingles = words.size() - 2;
        if (shingles < TextFingerprint.MIN_SHINGLES) {
            return TextFingerprint.NONE;
        }
        int[] ones = new int[64];
        for (int i = 0; i < shingles; i++) {
            long h = mix(words.get(i) * 31 * 31 + words.get(i + 1) * 31 + words.get(i + 2));
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) ((h >>> bit) & 1);
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint == TextFingerprint.NONE ? 1L : fingerprint;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
