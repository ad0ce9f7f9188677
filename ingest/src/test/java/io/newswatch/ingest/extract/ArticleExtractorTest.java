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

    @Test
    void captionsCommentsNewsletterDonationBoxesAndTeasersAreDropped() throws IOException {
        ExtractedArticle a = extractor.extract(page("lighthouse-keepers.html"), "text/html; charset=utf-8",
                "https://courier.example/coast/2024/06/skerry-point-lighthouse?ref=home");

        assertThat(paragraphs(a)).containsExactly(
                "A group of twenty volunteers has finished repainting the Skerry Point lighthouse, which had stood "
                        + "unused since its keepers left the island more than forty years ago.",
                "The work took three summers, the harbour trust said, because materials could only be landed at low "
                        + "tide and the weather closed the jetty for weeks at a time.",
                "Next year the trust hopes to open the tower to visitors on weekends, with a small exhibition about "
                        + "the families who kept the light burning.");
        assertThat(a.text()).doesNotContain("lamp room", "Photograph", "contribution", "morning briefing", "inbox",
                "ferry", "councillors", "Seal pups", "comments", "grandfather", "open days", "By Ailsa");
        assertThat(a.title()).isEqualTo("Volunteers restore the Skerry Point lighthouse");
        assertThat(a.byline()).isEqualTo("Ailsa Brodie");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-06-02T07:30:00Z"));
        assertThat(a.modifiedAt()).isEqualTo(Instant.parse("2024-06-03T16:45:00Z"));
        assertThat(a.language()).isEqualTo("en");
        // og:url, relative, resolved against the page's address
        assertThat(a.url()).isEqualTo("https://courier.example/coast/2024/06/skerry-point-lighthouse");
    }

    private static String pageWithHead(String head, String body) {
        return "<html><head><title>Quay wall repairs begin</title>" + head + "</head><body><article>" + body
                + "<p>Engineers began repairing the old quay wall on Monday, the port said, and expect the work to "
                + "last until the end of the summer.</p></article></body></html>";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "JSON-LD dateModified | <script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                + "\"@type\": \"NewsArticle\", \"datePublished\": \"2024-04-01T09:00:00Z\", "
                + "\"dateModified\": \"2024-04-02T10:30:00Z\"}</script> | | 2024-04-02T10:30:00Z",
        "article:modified_time | <meta property=\"article:modified_time\" content=\"2024-04-02T12:30:00+02:00\"> | "
                + "| 2024-04-02T10:30:00Z",
        "og:updated_time | <meta property=\"og:updated_time\" content=\"2024-04-02T10:30:00Z\"> | "
                + "| 2024-04-02T10:30:00Z",
        "time element | | <p>Updated <time itemprop=\"dateModified\" datetime=\"2024-04-02T10:30:00Z\">2 April</time>"
                + "</p> | 2024-04-02T10:30:00Z",
        "published only | <meta property=\"article:published_time\" content=\"2024-04-01T09:00:00Z\"> | "
                + "<p><time datetime=\"2024-04-01T09:00:00Z\">1 April</time></p> | NULL",
    })
    void modificationTimeComesFromJsonLdMetaOrMarkedTimeElement(String name, String head, String body,
                                                                 String expected) {
        ExtractedArticle a = extractor.extract(pageWithHead(head == null ? "" : head, body == null ? "" : body),
                "https://port.example/news/quay");

        assertThat(a.modifiedAt()).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rel=canonical wins   | <link rel=\"canonical\" href=\"https://port.example/news/quay-wall\"><meta "
                + "property=\"og:url\" content=\"https://port.example/og/quay\"> | https://port.example/news/quay-wall",
        "og:url next          | <meta property=\"og:url\" content=\"https://port.example/og/quay\"> "
                + "| https://port.example/og/quay",
        "non-http is ignored  | <link rel=\"canonical\" href=\"ftp://port.example/quay\"> "
                + "| https://port.example/news/quay",
        "page address last    | | https://port.example/news/quay",
    })
    void canonicalUrlIsTheDeclaredOneElseThePageAddress(String name, String head, String expected) {
        ExtractedArticle a = extractor.extract(pageWithHead(head == null ? "" : head, ""),
                "https://port.example/news/quay?utm_source=feed");

        assertThat(a.url()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "Ukrainian | | Міська рада ухвалила новий бюджет, і мешканці отримають більше коштів на ремонт шкіл. "
                + "Депутати підтримали його, а їхні виборці чекають на результат. | uk",
        "Russian   | | Городской совет утвердил новый бюджет, и жители получат больше денег на ремонт школ. "
                + "Депутаты поддержали его большинством голосов. | ru",
        "Korean    | | 시의회는 새 예산안을 통과시켰으며 주민들은 학교와 병원 수리를 위해 더 많은 지원을 받게 된다. | ko",
        "Chinese   | | 市议会通过了新的预算案，居民将获得更多用于修缮学校和医院的资金。 | zh",
        "Japanese  | | 市議会は新しい予算案を可決し、住民は学校や病院の修理のためにより多くの資金を受け取ることになる。 | ja",
        "declared  | lang=\"be\" | Гарадскі савет зацвердзіў новы бюджэт, і жыхары атрымаюць больш грошай на рамонт "
                + "школ. | be",
        "English   | | The city council approved a new budget, and residents will get more money for schools. | NULL",
    })
    void undeclaredLanguageIsGuessedFromTheScript(String name, String htmlAttributes, String text, String expected) {
        String html = "<html " + (htmlAttributes == null ? "" : htmlAttributes) + "><head><title>Budget</title>"
                + "</head><body><article><p>" + text + "</p></article></body></html>";

        ExtractedArticle a = extractor.extract(html, "https://city.example/budget");

        assertThat(a.text()).isEqualTo(text);
        assertThat(a.language()).isEqualTo(expected);
    }

    @Test
    void theEarlierSixFieldConstructorLeavesModifiedAtEmpty() {
        ExtractedArticle a = new ExtractedArticle("https://x.example/a", "t", null, Instant.EPOCH, "en", null);

        assertThat(a.modifiedAt()).isNull();
        assertThat(a.publishedAt()).isEqualTo(Instant.EPOCH);
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
