package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The extraction cascade on pages where the best-container method alone finds little: each page is written here,
 * shaped like a kind of page the benchmarks hold (a product page, a story only in noscript, a story under a class
 * name that reads as boilerplate), and the test checks that the text is found and the furniture is not.
 */
class ExtractionCascadeTest {
    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void aStandfirstRemovedAsATeaserRightBeforeTheTextLeadsIt() {
        String body = ("<p>Customs officers boarded the vessel at dawn and found the hold full of refined fuel, "
                + "against the manifest, which listed fertiliser.</p>").repeat(9); // past the small-result climb
        String html = "<html><body><header class=site><p>The region's news, every morning, since 1901, for you.</p>"
                + "</header><div class=page><div class=story-head><h1>Tanker held off Nakhodka</h1>"
                + "<div class=teaser-text><p>A tanker bound for a North Korean port was held on Tuesday, the "
                + "second this month, with fuel it had not declared.</p></div></div>"
                + "<div class=column><div class=story-body>" + body + "</div></div></div>"
                + "<div class=more><div class=teaser-text><p>Another story's teaser, which no reader of this one "
                + "should get as its lead or as its text.</p></div></div></body></html>";
        String text = extractor.extract(html, "https://news.example/tanker").text();
        assertThat(text).startsWith("A tanker bound for a North Korean port").contains("refined fuel")
                .doesNotContain("every morning", "Another story's teaser");
    }

    @Test
    void aRecipesStepsInSmallBoxesAreFoundTogether() {
        StringBuilder steps = new StringBuilder();
        String[] texts = {"Warm the milk and melt the butter in it, then let it cool until it feels warm.",
            "Mix the flour with the yeast, add the milk and the eggs, and knead for five minutes.",
            "Leave the dough covered in a warm place until it has grown by half, about an hour.",
            "Bake at 180 degrees for twenty minutes, until the tops are golden and firm."};
        for (String t : texts) {
            steps.append("<div class=step><div class=copy><div><p>").append(t).append("</p></div></div></div>");
        }
        String html = "<html><body><nav><a href=/>Recipes</a> <a href=/cakes>Cakes</a></nav>"
                + "<div class=recipe><div class=steps>" + steps + "</div></div></body></html>";
        String text = extractor.extract(html, "https://recipes.example/buns").text();
        assertThat(text).contains(texts);
    }

    @Test
    void canonicallyEqualSpellingsComeOutAsOne() {
        // U+09DF (BENGALI LETTER YYA) is excluded from composition: NFC spells it as U+09AF U+09BC
        String html = "<html><body><article><p>\u0995\u09c1\u09b7\u09cd\u099f\u09bf\u09df\u09be"
                + " \u09b8\u0982\u09b8\u09a6 \u09b8\u09a6\u09b8\u09cd\u09af \u0995\u09c1\u09b7\u09cd"
                + "\u099f\u09bf\u09df\u09be\u09b0 \u0996\u09ac\u09b0\u0964</p></article></body></html>";
        String text = extractor.extract(html, "https://news.example/bn").text();
        assertThat(text).doesNotContain("\u09df").contains("\u09af\u09bc");
    }

    @Test
    void aPageWithItsTextSpreadOverSmallBlocksYieldsAllItsProse() {
        String html = "<html><body><nav><a href=/>Shop</a> <a href=/tea>Tea</a></nav>"
                + "<div class=hero><p>Our first-flush Darjeeling is picked in late March, when the leaves are young "
                + "and the cup is light and flowery.</p></div>"
                + "<div class=howto><h3>Brewing</h3><p>Use water just off the boil, about 90 degrees, "
                + "and steep for three minutes; longer makes it bitter.</p></div>"
                + "<section class=care><h3>Storage</h3><p>Keep the tin closed and away from light, and the tea stays "
                + "fresh for a year.</p></section>"
                + "<footer><p>Imprint</p></footer></body></html>";
        String text = extractor.extract(html, "https://tea.example/darjeeling").text();
        assertThat(text).contains("first-flush Darjeeling", "steep for three minutes", "stays fresh for a year")
                .doesNotContain("Imprint");
    }

    @Test
    void aStorysLooseTextBesideItsParagraphsIsKept() {
        String html = "<html><body><nav><a href=/>News</a></nav><div class=story>"
                + "<div class=body><p>The harbour reopened on Friday after the storm had closed it for three days, "
                + "and the first ferries left at noon.</p><p>Repairs to the outer wall will take until spring, the "
                + "port authority said, and cost about two million.</p><p>Fishing boats may use the inner basin "
                + "from Monday; cargo ships wait for the wall.</p>"
                // long enough that the prose fallback, which only looks at short results, stays out of it
                + ("<p>Divers inspected the foundations of the quay on each day of the closure and found the damage "
                + "confined to the upper courses of stone, which crews can replace from barges.</p>").repeat(12)
                + "</div>"
                + "Skippers must report to the harbour office before leaving, by radio or in person, until then."
                + "</div><div class=more><a href=/a>Storm damage elsewhere</a> <a href=/b>Weather</a></div>"
                + "</body></html>";
        String text = extractor.extract(html, "https://port.example/reopened").text();
        assertThat(text).contains("first ferries left at noon", "cargo ships wait for the wall",
                "Skippers must report to the harbour office").doesNotContain("Storm damage elsewhere");
    }

    @Test
    void aThreadsPostsAreAllText() {
        StringBuilder html = new StringBuilder("<html><body><nav><a href=/>Forum</a></nav>");
        // posts shorter than the prose fallback's paragraphs, so only the repeated structure can find them all
        String[] posts = {"Since the update my phone reaches the store only on wifi.",
            "Same here on my tablet; toggling mobile data did not help.",
            "A server problem, fixed this morning. Works again for me."};
        for (String post : posts) {
            html.append("<div class=post><div class=author><a href=/u>someone</a></div><div class=post-text>")
                    .append(post).append("</div></div>");
        }
        html.append("<div class=ad><p>Buy a new phone today and save, offer valid while stocks last.</p></div>")
                .append("</body></html>");
        String text = extractor.extract(html.toString(), "https://forum.example/t/1").text();
        assertThat(text).contains(posts).doesNotContain("Buy a new phone");
    }

    @Test
    void aStoryShownOnlyWithoutScriptsIsReadFromNoscript() {
        String html = "<html><body><div id=app></div><noscript><div class=post><p>The library will open on "
                + "Sundays from May, the council decided after a petition signed by 2,000 residents.</p>"
                + "<p>Opening hours will be from noon to five, staffed by volunteers and two librarians.</p>"
                + "</div></noscript></body></html>";
        String text = extractor.extract(html, "https://town.example/library").text();
        assertThat(text).contains("open on Sundays from May", "staffed by volunteers");
    }

    @Test
    void aStoryUnderAClassThatSoundsLikeBoilerplateIsStillFound() {
        String story = "<p>The regional team beat the league leaders 3 to 1 on Saturday, their first win away "
                + "from home this season.</p><p>The coach said afterwards that the defence had finally held its "
                + "shape for ninety minutes.</p>";
        String related = "<div class=teasers>" + "<div class=item><p>Ticket prices for the new season, and where "
                + "to buy them before the first home match in August, with all the discounts.</p></div>".repeat(4)
                + "</div>";
        String html = "<html><body><article class='author-article'>" + story + "</article>" + related
                + "</body></html>";
        String text = extractor.extract(html, "https://sport.example/win").text();
        assertThat(text).contains("beat the league leaders", "held its shape");
    }

    @Test
    void aStoryBuiltByScriptsIsReadFromItsDeclaredArticleBody() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                + "\"headline\": \"Ferry fares rise\", \"articleBody\": \"Ferry fares to the islands rise by "
                + "eight per cent in April, the operator said on Monday.\\nSeason tickets are spared until the "
                + "autumn, when the operator reviews its timetable.\"}</script></head><body><div id=root>"
                + "<p>Loading…</p></div></body></html>";
        String text = extractor.extract(html, "https://islands.example/fares").text();
        assertThat(text).isEqualTo("Ferry fares to the islands rise by eight per cent in April, the operator said "
                + "on Monday.\n\nSeason tickets are spared until the autumn, when the operator reviews its timetable.");
    }

    @Test
    void photoCreditsAndDateLinesAreNotText() {
        String html = "<html><body><article><p>23.10.2018</p><p>The bridge over the river reopened to traffic "
                + "after two years of work, the city said on Tuesday.</p><div class=media><img src=a.jpg>"
                + "<p class=image-copyright>© Photo Agency / J. Doe</p></div><p>Cyclists get a separate lane "
                + "on the eastern side, which the old bridge never had.</p></article></body></html>";
        String text = extractor.extract(html, "https://city.example/bridge").text();
        assertThat(text).contains("reopened to traffic", "separate lane").doesNotContain("23.10.2018",
                "Photo Agency");
    }
}
