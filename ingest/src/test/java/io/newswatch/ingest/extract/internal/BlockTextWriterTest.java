package io.newswatch.ingest.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The paragraph writer's judgements on lines that are page furniture rather than text. */
class BlockTextWriterTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "23.10.2018                                              | true",
        "05:28 Uhr                                               | true",
        "15. Mai 2019, 05:28 Uhr                                 | true",
        "Aktualisiert: 03.04.2020                                | true",
        "Updated 2021-11-02 14:05                                | true",
        "Am 23.10.2018 stimmte der Rat dem Gesetz zu.            | false",
        "Der Zug fährt um 05:28 Uhr ab Gleis 4 nach Hamburg.     | false",
        "Saison 2021/22                                          | false",
        "3. Klasse                                               | false",
        "Tel. 0171 2345678                                       | false",
    })
    void datesAndTimesAloneAreMetadata(String line, boolean dropped) {
        assertThat(BlockTextWriter.isDateLine(line.strip())).isEqualTo(dropped);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Follow us on Twitter @ExampleDaily and on Facebook.                         | true",
        "Sign up for our weekly newsletter and never miss a story.                   | true",
        "Unser Kanal auf Telegram: https://t.me/beispiel                             | true",
        "Do you want to hear about our campaigns? Sign up here                       | true",
        "Jetzt unseren Podcast abonnieren!                                           | true",
        "¿Te gusta el fútbol? Únete a nuestro canal de WhatsApp.                     | true",
        "To unsubscribe, write to the address in any of our letters.                 | false",
        "The minister wrote on Telegram that the talks would resume on Friday.       | false",
        "Her post on Facebook drew thousands of replies within an hour.              | false",
    })
    void invitationsToFollowTheSiteAreNotText(String paragraph, boolean invitation) {
        assertThat(BlockTextWriter.isInvitation(paragraph.strip())).isEqualTo(invitation);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Abbildung 4: Eine Schwachschicht im Profil.               | false",
        "Foto: Agentur Beispiel                                    | false",
        "Fig. 2: The route of the convoy.                          | false",
        "Photo credit: Jane Doe                                    | false",
        "Die Abbildung zeigt den Hafen von Nachodka im Winter.     | true",
        "Bildung ist der Schlüssel, sagte die Ministerin.          | true",
    })
    void captionsWrittenAsParagraphsGo(String paragraph, boolean kept) {
        String html = "<div><p>Der Tanker lief am Dienstag aus dem Hafen aus, berichteten Beobachter vor Ort.</p><p>"
                + paragraph.strip() + "</p></div>";
        assertThat(BlockTextWriter.paragraphs(List.of(Jsoup.parse(html).body())).contains(paragraph.strip()))
                .isEqualTo(kept);
    }

    @Test
    void aLabelGoesWithTheLinksItIntroduces() {
        String html = "<div><p>Der Tanker lief am Dienstag aus dem Hafen aus, berichteten Beobachter vor Ort.</p>"
                + "<p>Mehr Kolumnen:</p><p><a href='/a'>Die erste Kolumne über Häfen</a></p>"
                + "<p>Die Ladung wurde später auf ein anderes Schiff umgeladen, heißt es im Bericht.</p></div>";
        assertThat(BlockTextWriter.paragraphs(List.of(Jsoup.parse(html).body())))
                .doesNotContain("Mehr Kolumnen:").hasSize(2);
    }

    @Test
    void aPhotoCreditAmongTheParagraphsGoes() {
        List<String> paragraphs = new ArrayList<>(List.of("The skier won the downhill by a tenth of a second.",
                "The winner at the finish. \u00a9 Photo Agency / J. Doe", "It was her third win of the season."));
        BlockTextWriter.trimEnds(paragraphs);
        assertThat(paragraphs).containsExactly("The skier won the downhill by a tenth of a second.",
                "It was her third win of the season.");
    }

    @Test
    void labelsAroundTheTextAndCopyrightLinesAfterItGo() {
        List<String> paragraphs = new ArrayList<>(List.of("Local news", "All our reports",
                "The council met on Tuesday and agreed the budget.",
                "It takes effect in March.", "Schlagworte", "© 2022 Example Daily. All rights reserved"));
        BlockTextWriter.trimEnds(paragraphs);
        assertThat(paragraphs).containsExactly("The council met on Tuesday and agreed the budget.",
                "It takes effect in March.");
    }

    @Test
    void aStoryThatEndsOnASentenceKeepsItsEnd() {
        List<String> paragraphs = new ArrayList<>(List.of("The vote passed 12 to 3.",
                "\"We are relieved,\" the mayor said."));
        BlockTextWriter.trimEnds(paragraphs);
        assertThat(paragraphs).hasSize(2);
    }

    @Test
    void aHeadingWhoseLinksWereDroppedGoesWithThem() {
        String html = "<div><p>The ferry resumed service on Monday after three weeks of repairs to its hull.</p>"
                + "<h2>More on this topic</h2><ul><li><a href=/a>Harbour fees rise again</a></li>"
                + "<li><a href=/b>New terminal opens</a></li></ul>"
                + "<h2>Timetable</h2><p>Boats leave every hour from seven in the morning, weather permitting.</p>"
                + "<h3>Share this</h3></div>";
        List<String> paragraphs = BlockTextWriter.paragraphs(List.of(Jsoup.parse(html).body()));
        assertThat(paragraphs).containsExactly(
                "The ferry resumed service on Monday after three weeks of repairs to its hull.", "Timetable",
                "Boats leave every hour from seven in the morning, weather permitting.");
    }
}
