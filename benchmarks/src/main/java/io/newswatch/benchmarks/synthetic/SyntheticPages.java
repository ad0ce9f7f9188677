package io.newswatch.benchmarks.synthetic;

import io.newswatch.benchmarks.synthetic.internal.PageFurniture;
import io.newswatch.model.Article;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Whole news pages around the articles of {@link SyntheticArticles}, as a crawl stores them: the n-th page carries
 * the n-th article (headline, byline, publication date, paragraphs) inside the furniture of a real news site: a
 * head with meta description, canonical link, Open Graph and {@code article:published_time} tags, schema.org
 * {@code NewsArticle} JSON-LD, inline CSS, a page-configuration blob and a script bundle; a cookie banner, the main
 * menu, advert slots (one inside the story), related-story and most-read teaser lists, reader comments, a footer
 * link farm and a second script bundle.
 *
 * <p>Sizes: page n's size is drawn from a lognormal distribution with median {@value #MEDIAN_BYTES} bytes and
 * σ = {@value #SIGMA}, cut to {@value #MIN_BYTES}..{@value #MAX_BYTES} bytes, which gives a mean of about 149,000
 * bytes (news pages average about 150 KB) and a long tail: about 1 page in 26 is over 300,000 bytes, 1 in 2,000
 * reaches the cut at 600,000. The article keeps its own size; the furniture fills the rest, about two thirds of it
 * script and style, the rest markup. A page may overshoot its drawn size by a few hundred bytes, never past
 * {@value #MAX_BYTES}.
 *
 * <p>{@link #page(long) page(n)} depends only on the articles' generator, the seed and n. The related and most-read
 * lists show the headlines of articles n + 1 to n + 10; the last few articles are kept, so generating pages in
 * order costs about one article per page. Everything shown is HTML-escaped. Thread safe.
 */
public final class SyntheticPages {
    public static final int MIN_BYTES = 40_000;
    public static final int MAX_BYTES = 600_000;
    public static final int MEDIAN_BYTES = 135_000;
    public static final double SIGMA = 0.45;
    /** Room left under {@link #MAX_BYTES} for the overshoot of the furniture's last units. */
    private static final int MARGIN = 4_000;
    private static final int TEASERS = 5;
    private static final long SALT_SIZE = 0x53495a45L;
    private static final long SALT_FURNITURE = 0x4655524eL;
    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * One page.
     *
     * @param number     its number in the sequence
     * @param article    the article it carries, as the generator wrote it
     * @param capturedAt when a crawler stored it (the article's fetch time): the WARC-Date
     * @param html       the page, UTF-8
     */
    public record Page(long number, Article article, Instant capturedAt, byte[] html) {
        /** The address it was captured from, also its canonical URL. */
        public String url() {
            return article.url();
        }
    }

    private final SyntheticArticles articles;
    private final long seed;
    private final Map<Long, Article> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Article> eldest) {
            return size() > 64; // pages made on several threads at once still find their neighbours here
        }
    };

    /**
     * @param articles the articles the pages carry
     * @param seed     selects the page sizes and furniture; the articles have their own seed
     */
    public SyntheticPages(SyntheticArticles articles, long seed) {
        this.articles = Objects.requireNonNull(articles, "articles");
        this.seed = seed;
    }

    /**
     * The n-th page; equal bytes for equal generator, seed and n.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Page page(long n) {
        Article article = article(n);
        int target = targetBytes(n);
        Random r = random(n, SALT_FURNITURE);
        List<Article> others = new ArrayList<>();
        for (int k = 1; k <= 2 * TEASERS; k++) {
            others.add(article(n + k));
        }
        String outlet = outletName(article.sourceId());
        String section = PageFurniture.pick(r, PageFurniture.SECTIONS);
        // what the story, teasers and fixed pieces take; the furniture's budgets share out the rest
        int fixed = article.text().length() + article.title().length() * 4 + 9_000;
        int filler = Math.max(0, target - fixed);
        StringBuilder out = new StringBuilder(target + 2_000);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        head(out, article, outlet, section);
        out.append("<style>");
        PageFurniture.css(out, filler * 12 / 100, r);
        out.append("</style>\n");
        PageFurniture.configBlob(out, filler * 12 / 100, r, section);
        PageFurniture.script(out, filler * 20 / 100, r);
        out.append("</head>\n<body class=\"article-page section-").append(section.toLowerCase(Locale.ROOT))
                .append("\">\n");
        PageFurniture.cookieBanner(out);
        out.append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">").append(escape(outlet))
                .append("</a>\n");
        PageFurniture.menu(out, filler * 8 / 100, r);
        out.append("</header>\n");
        PageFurniture.advert(out, r);
        out.append("<main id=\"content\">\n");
        story(out, article, r);
        PageFurniture.teasers(out, "related-stories", "Related stories", titles(others.subList(0, TEASERS)),
                urls(others.subList(0, TEASERS)), r);
        PageFurniture.comments(out, filler * 10 / 100, r);
        out.append("</main>\n");
        PageFurniture.teasers(out, "sidebar most-read", "Most read", titles(others.subList(TEASERS, 2 * TEASERS)),
                urls(others.subList(TEASERS, 2 * TEASERS)), r);
        PageFurniture.advert(out, r);
        PageFurniture.footer(out, filler * 12 / 100, r, outlet);
        // the last bundle takes what is left of the drawn size (about a quarter of the furniture), so the estimate
        // of the fixed parts above does not move the page off its size
        PageFurniture.script(out, Math.max(0, target - out.length() - 40), r);
        out.append("</body>\n</html>\n");
        return new Page(n, article, article.fetchedAt(), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The size page n is written to: the lognormal draw, cut to the promised range. */
    int targetBytes(long n) {
        double draw = MEDIAN_BYTES * Math.exp(SIGMA * random(n, SALT_SIZE).nextGaussian());
        return (int) Math.max(MIN_BYTES, Math.min(MAX_BYTES - MARGIN, draw));
    }

    private static void head(StringBuilder out, Article a, String outlet, String section) {
        String title = escape(a.title());
        String published = a.publishedAt().toString();
        String firstSentence = escape(firstSentence(a.text()));
        out.append("<title>").append(title).append(" | ").append(escape(outlet)).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"description\" content=\"").append(firstSentence).append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(escape(a.url())).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:title\" content=\"").append(title).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(escape(a.url())).append("\">\n")
                .append("<meta property=\"og:site_name\" content=\"").append(escape(outlet)).append("\">\n")
                .append("<meta property=\"og:description\" content=\"").append(firstSentence).append("\">\n")
                .append("<meta property=\"og:image\" content=\"https://img.example.net/")
                .append(Long.toHexString(a.id().hashCode() & 0xffffffffL)).append(".jpg\">\n")
                .append("<meta property=\"article:published_time\" content=\"").append(published).append("\">\n")
                .append("<meta property=\"article:section\" content=\"").append(section).append("\">\n")
                .append("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",")
                .append("\"@type\":\"NewsArticle\",\"headline\":").append(json(a.title()))
                .append(",\"datePublished\":\"").append(published).append("\",\"dateModified\":\"")
                .append(published).append("\",\"mainEntityOfPage\":").append(json(a.url()));
        if (a.byline() != null) {
            out.append(",\"author\":{\"@type\":\"Person\",\"name\":").append(json(author(a.byline()))).append('}');
        }
        out.append(",\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":").append(json(outlet))
                .append("}}</script>\n");
    }

    private static void story(StringBuilder out, Article a, Random r) {
        out.append("<article class=\"story\">\n<header class=\"story-header\"><h1>").append(escape(a.title()))
                .append("</h1>");
        if (a.byline() != null) {
            out.append("<p class=\"byline\">").append(escape(a.byline())).append("</p>");
        }
        out.append("<time datetime=\"").append(a.publishedAt()).append("\">")
                .append(SHOWN_DATE.format(a.publishedAt())).append("</time></header>\n")
                .append("<div class=\"story-body\" itemprop=\"articleBody\">\n");
        String[] paragraphs = a.text().split("\n\n");
        for (int i = 0; i < paragraphs.length; i++) {
            out.append("<p>").append(escape(paragraphs[i])).append("</p>\n");
            if (i == 1 && paragraphs.length > 3) {
                PageFurniture.advert(out, r);
            }
        }
        out.append("</div>\n</article>\n");
    }

    private Article article(long n) {
        synchronized (recent) {
            Article cached = recent.get(n);
            if (cached != null) {
                return cached;
            }
        }
        Article a = articles.article(n);
        synchronized (recent) {
            recent.put(n, a);
        }
        return a;
    }

    private static List<String> titles(List<Article> list) {
        return list.stream().map(Article::title).toList();
    }

    private static List<String> urls(List<Article> list) {
        return list.stream().map(Article::url).toList();
    }

    /** "harbour-gazette" → "Harbour Gazette". */
    static String outletName(String sourceId) {
        StringBuilder name = new StringBuilder();
        for (String word : sourceId.split("-")) {
            if (!word.isEmpty()) {
                name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static String author(String byline) {
        return byline.regionMatches(true, 0, "By ", 0, 3) ? byline.substring(3) : byline;
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text.substring(0, Math.min(text.length(), 200)) : text.substring(0, end + 1);
    }

    private static String escape(String text) {
        return PageFurniture.escape(text);
    }

    /** A JSON string literal, with {@code <} escaped so no text can close the script element. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private Random random(long n, long salt) {
        if (n < 0) {
            throw new IllegalArgumentException("page numbers start at 0: " + n);
        }
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }
}
