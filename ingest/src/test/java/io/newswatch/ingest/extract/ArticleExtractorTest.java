package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleExtractorTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    private static byte[] page(String name) throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        }
    }

    private static List<String> paragraphs(ExtractedArticle a) {
        return Arrays.asList(a.text().split("\n\n"));
    }

    @Test
    void articleElementPageKeepsStoryBlocksAndDropsBoilerplate() throws IOException {
        ExtractedArticle a = extractor.extract(page("rail-corridor.html"), "text/html; charset=utf-8",
                "https://news.example.org/asia/2024/03/freight-trains-tumen-bridge?utm_source=rss");

        assertThat(paragraphs(a)).containsExactly(
                "Freight trains crossed the Tumen River bridge on Tuesday for the first time in four months, railway "
                        + "officials said, after repairs to the signalling system on the northern bank were completed.",
                "The single-track crossing links the port town on the eastern side with the rail yards across the "
                        + "river, and it carries most of the region's cross-border cargo, according to figures "
                        + "published last year.",
                "Inspections at the border",
                "Customs inspectors will check every wagon before it leaves the yard, a spokesperson for the border "
                        + "service said. Inspections, which took about an hour per train last year, now take twice "
                        + "as long.",
                "We expect the first full schedule to run by the end of the month, weather permitting.",
                "The railway listed three priorities for the spring:",
                "replacing the remaining wooden sleepers on the approach,",
                "adding a second siding at the yard,",
                "and training new crews for night operations.",
                "Analysts said the reopening matters more for its symbol than for its volume, since the bridge can "
                        + "carry only a few trains a day.");
        assertThat(a.text()).doesNotContain("cookies", "Accept all", "Business", "Home", "Related",
                "Port expansion", "Asia briefing", "inbox", "Sign up", "Share", "More from Asia", "Fishing fleet",
                "All rights reserved", "By Elena");
        assertThat(a.title()).isEqualTo("Freight trains resume on the Tumen River bridge");
        assertThat(a.byline()).isEqualTo("Elena Varga, Tomas Reyes");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-03-04T23:15:00Z"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.url()).isEqualTo("https://news.example.org/asia/2024/03/freight-trains-tumen-bridge");
    }

    @Test
    void divLayoutBlogKeepsPostTextAndDropsMenuSidebarCommentsAndAdverts() throws IOException {
        ExtractedArticle a = extractor.extract(page("harbour-blog.html"), null,
                "http://Harbour-Ledger.example:80/2024/05/tankers.html#comments");

        assertThat(paragraphs(a)).containsExactly(
                "Satellite images taken over the past six weeks show twice as many tankers waiting at the outer "
                        + "anchorage as during the same period last year, according to a count by the harbour's "
                        + "own pilots.",
                "Most of the vessels are small coastal tankers, under five thousand tonnes, which rarely appear on "
                        + "public tracking sites because their transponders are switched off for long stretches.",
                "The harbour authority declined to comment on the figures, saying only that it publishes its own "
                        + "statistics at the end of each quarter.");
        assertThat(a.text()).doesNotContain("Popular posts", "busiest ports", "comments", "Great post",
                "lighthouse", "Marine insurance", "independent blog", "Print", "Contact");
        assertThat(a.title()).isEqualTo("Tanker traffic doubles at the outer anchorage");
        assertThat(a.byline()).isEqualTo("Mara Lindqvist");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.url()).isEqualTo("http://harbour-ledger.example/2024/05/tankers.html");
    }

    @Test
    void windows1251PageDeclaredByMetaIsDecoded() throws IOException {
        byte[] body = page("ferry-ru-1251.html");
        // the fixture really is single-byte Cyrillic, not UTF-8
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("Паромное");

        ExtractedArticle a = extractor.extract(body, "text/html", "https://vestnik.example.ru/news/ferry");

        assertThat(paragraphs(a)).containsExactly(
                "Паромное сообщение между двумя портами возобновится в апреле, сообщили в пресс-службе "
                        + "судоходной компании.",
                "По словам представителя компании, судно будет совершать три рейса в неделю и перевозить как "
                        + "пассажиров, так и грузовики.",
                "Билеты поступят в продажу в марте, цены пока не объявлены.");
        assertThat(a.text()).doesNotContain("Главная", "Читайте также", "Все права");
        assertThat(a.title()).isEqualTo("Новый паромный маршрут откроется весной");
        assertThat(a.byline()).isEqualTo("Ирина Соколова");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-02-20T00:00:00Z"));
        assertThat(a.language()).isEqualTo("ru");
    }

    @Test
    void charsetInTheContentTypeHeaderWinsOverTheDefault() {
        String html = "<html><head><title>Сводка</title></head><body><article><p>Грузовое судно прибыло в порт "
                + "утром, сообщила портовая служба, и разгрузка уже началась.</p></article></body></html>";
        byte[] body = html.getBytes(Charset.forName("KOI8-R"));

        ExtractedArticle a = extractor.extract(body, "text/html; charset=KOI8-R", "https://example.ru/a");

        assertThat(a.text()).isEqualTo("Грузовое судно прибыло в порт утром, сообщила портовая служба, и "
                + "разгрузка уже началась.");
    }

    @Test
    void plainTextKeepsItsParagraphs() {
        String text = "First paragraph of a plain\ntext file, wrapped.\n\n\n  Second   paragraph.  \n\nThird.";

        ExtractedArticle a = extractor.extract(text, null);

        assertThat(a.text()).isEqualTo("First paragraph of a plain text file, wrapped.\n\nSecond paragraph.\n\nThird.");
        assertThat(a.title()).isNull();
        assertThat(a.url()).isNull();
    }

    @Test
    void pageWithoutTextYieldsEmptyText() {
        ExtractedArticle a = extractor.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>",
                "https://example.org/");

        assertThat(a.text()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<!DOCTYPE html><html><body>x</body></html>                 | true",
        "  <html lang=\"en\"><p>x</p></html>                        | true",
        "<!-- saved page --><HTML><BODY>x</BODY></HTML>             | true",
        "<div><p>One</p><p>Two</p><a href=\"/x\">link</a></div>     | true",
        "Plain text about <b>bold</b> claims, and 3 < 4 > 2.        | false",
        "Just a paragraph.                                          | false",
        "Russia, North Korea and China met on Tuesday. More.         | false",
    })
    void looksLikeHtml(String text, boolean expected) {
        assertThat(ArticleExtractor.looksLikeHtml(text)).isEqualTo(expected);
    }
}
