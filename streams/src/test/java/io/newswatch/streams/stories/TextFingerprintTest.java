package io.newswatch.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;

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
}
