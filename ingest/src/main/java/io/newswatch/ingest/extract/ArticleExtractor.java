package io.newswatch.ingest.extract;

import io.newswatch.ingest.extract.internal.BlockTextWriter;
import io.newswatch.ingest.extract.internal.BoilerplateStripper;
import io.newswatch.ingest.extract.internal.ControlCharacters;
import io.newswatch.ingest.extract.internal.MainTextFinder;
import io.newswatch.ingest.extract.internal.MetadataReader;
import io.newswatch.ingest.extract.internal.ProseFallback;
import io.newswatch.ingest.extract.internal.ScriptLanguage;
import io.newswatch.ingest.fetch.UrlCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts an article's main text and metadata from a news page, with jsoup.
 *
 * <p>Metadata is read first, from JSON-LD (schema.org NewsArticle), Open Graph and article:* meta tags and the
 * visible markup; a page that declares no language gets one guessed from the script of its text. Then boilerplate
 * is removed (navigation, header, footer, asides, forms, figure captions, hidden elements, and anything whose
 * class, id, role or aria-label names a menu, newsletter, donation appeal, related stories or teasers, sharing,
 * comments, adverts, cookie banners, breadcrumbs, placeholders or disclosures), the content container is chosen by
 * a text-density score (the publisher's {@code itemprop=articleBody}, {@code <article>} or {@code <main>} when it
 * holds most of the paragraph text), a standfirst removed right before it is given back, and its block elements are
 * written out as paragraphs separated by one blank line. Short results go through a cascade of fallbacks (the
 * prose of the whole page, a lenient second parse, JSON-LD articleBody). The text comes out in Unicode NFC. The
 * page is walked twice (metadata, noise and boilerplate sizes; then scoring, dropping the boilerplate on the way).
 *
 * <p>Plain text is accepted too: its blank-line separated paragraphs are kept, with whitespace collapsed. Thread
 * safe and stateless. Failure behaviour: never throws for odd markup; a page without recognisable text yields an
 * empty {@link ExtractedArticle#text()}. Control characters (NUL and the other C0 controls but tab, line feed,
 * form feed and carriage return; DEL; C1) are removed before parsing and from everything extracted, so a broken
 * page padded with NUL bytes keeps its text; {@link #looksBinary} tells such a page from one that is not text at
 * all.
 */
public final class ArticleExtractor {
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*(<!--.*?-->\\s*)*(<!doctype\\s+html|<html[\\s>]|<head[\\s>]|<body[\\s>]|<\\?xml[^>]*>\\s*<html)");
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(p|div|article|br|span|a\\s+href|h[1-6]|title|meta|table|ul|li)[\\s>/]");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern BY_LINE = Pattern.compile("(?i)^by\\s+\\p{Lu}[\\p{L}.'\\- ]+(,.*)?$");
    /** Below this many characters of text a page is read again leniently; a short news item has more. */
    private static final int LENIENT_BELOW = 300;
    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

    /**
     * Whether a text is HTML rather than plain text: it opens with a doctype, {@code <html>}, {@code <head>} or
     * {@code <body>}, or contains several common HTML tags.
     */
    public static boolean looksLikeHtml(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        if (HTML_START.matcher(head).find()) {
            return true;
        }
        var m = HTML_TAG.matcher(head);
        int tags = 0;
        while (m.find() && tags < 3) {
            tags++;
        }
        return tags >= 3;
    }

    /**
     * Whether a body is binary (an image, an archive, random bytes) rather than text or HTML: more than a tenth of
     * its first 64 KiB, decoded with the declared charset (else UTF-8), is control characters other than NUL or
     * undecodable sequences, or it holds nothing but NULs. NUL bytes alone do not make a body binary.
     *
     * @param contentTypeHeaderOrNull the Content-Type header, whose charset is used when it names a supported one
     */
    public static boolean looksBinary(byte[] body, String contentTypeHeaderOrNull) {
        return ControlCharacters.looksBinary(body, charsetOf(contentTypeHeaderOrNull));
    }

    /** The text without control characters (see the class description); tab and line ends are kept. */
    public static String withoutControlCharacters(String text) {
        return ControlCharacters.strip(text);
    }

    /**
     * Extracts from a page already decoded to text. Plain text (see {@link #looksLikeHtml}) is split into
     * paragraphs at blank lines; its title and other metadata are null.
     *
     * @param html the page, or plain text
     * @param url  the URL it came from (base for relative links, fallback canonical URL); may be null for local
     *             files, then only a declared canonical URL is used
     */
    public ExtractedArticle extract(String html, String url) {
        html = ControlCharacters.strip(html);
        if (!looksLikeHtml(html)) {
            return fromPlainText(html == null ? "" : html, url);
        }
        String base = url == null ? "" : url;
        String page = html;
        return fromDocument(Jsoup.parse(page, base), url, () -> Jsoup.parse(page, base));
    }

    /**
     * Extracts from raw response bytes. The charset is the Content-Type header's when it names a supported one,
     * else jsoup's detection (byte-order mark, then {@code <meta charset>} or {@code http-equiv}), else UTF-8.
     *
     * @param body                     the response body
     * @param contentTypeHeaderOrNull  the Content-Type header, or null
     * @param url                      the URL the body came from
     */
    public ExtractedArticle extract(byte[] body, String contentTypeHeaderOrNull, String url) {
        Charset declared = charsetOf(contentTypeHeaderOrNull);
        String type = contentTypeHeaderOrNull == null ? "" : contentTypeHeaderOrNull.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain")) {
            return extract(decodePlain(body, declared), url);
        }
        // jsoup drops most NULs itself, but not in every state of its tokenizer (a NUL in a tag name becomes U+FFFD)
        byte[] clean = ControlCharacters.strip(body, declared);
        String charset = declared == null ? null : declared.name();
        String base = url == null ? "" : url;
        Supplier<Document> parse = () -> {
            try {
                return Jsoup.parse(new ByteArrayInputStream(clean), charset, base);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read an in-memory page", e);
            }
        };
        return fromDocument(parse.get(), url, parse);
    }

    private static ExtractedArticle fromDocument(Document doc, String url, Supplier<Document> parseAgain) {
        // one walk reads the metadata, drops scripts, styles and hidden parts, and measures the boilerplate;
        // a second one scores the rest and drops the boilerplate on the way
        MetadataReader meta = MetadataReader.fedByCaller(doc);
        BoilerplateStripper.Prepared prepared = BoilerplateStripper.prepare(doc, meta);
        String declared = meta.canonicalUrl();
        String canonical = canonicalOrNull(declared != null ? declared : url);
        String title = meta.title();
        String byline = meta.byline();
        var publishedAt = meta.publishedAt();
        var modifiedAt = meta.modifiedAt();
        String language = meta.language();
        List<String> paragraphs = mainText(doc, prepared);
        // read now, while the page is at hand: the lenient pass below lets go of this parse first
        List<String> declaredBody = ProseFallback.isShort(paragraphs) ? meta.articleBodyParagraphs() : List.of();
        if (ProseFallback.chars(paragraphs) < LENIENT_BELOW) {
            // little text: the page may have hidden its story behind names that read as boilerplate ("author-
            // article", "comment" for a forum's posts) or in <noscript>; a lenient pass over a fresh parse is
            // kept when it finds at least twice as much. The first tree is released before the second is built,
            // so a page of many elements and little text never holds two.
            doc = null;
            meta = null;
            prepared = null;
            Document again = parseAgain.get();
            List<String> lenient = mainText(again, BoilerplateStripper.prepareLenient(again));
            if (ProseFallback.holdsMore(lenient, paragraphs)) {
                paragraphs = lenient;
            }
        }
        if (ProseFallback.isShort(paragraphs) && ProseFallback.holdsMore(declaredBody, paragraphs)) {
            // a page that builds its text with scripts may still declare it: JSON-LD articleBody, kept when it holds
            // at least twice what the markup gave
            paragraphs = declaredBody;
        }
        List<String> kept = new ArrayList<>();
        for (String p : paragraphs) {
            if (!p.equals(title) && !isByline(p, byline)) {
                kept.add(p);
            }
        }
        String text = ControlCharacters.strip(String.join("\n\n", kept));
        if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            // one spelling for canonically equal text (a Bengali "য়" precomposed or as "য" with a nukta), as
            // W3C's character model asks of web text, so that rules, deduplication and quotes match it
            text = Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        title = ControlCharacters.strip(title);
        byline = ControlCharacters.strip(byline);
        if (language == null) {
            language = ScriptLanguage.guess(text.isEmpty() && title != null ? title : text);
        }
        return new ExtractedArticle(canonical, title, byline, publishedAt, modifiedAt, language, text);
    }

    /**
     * The cascade's first two methods: the best container with its standfirst, else the page's prose when that is
     * short.
     */
    private static List<String> mainText(Document doc, BoilerplateStripper.Prepared prepared) {
        MainTextFinder.Found found = MainTextFinder.find(doc.body(), prepared);
        List<String> paragraphs = BlockTextWriter.paragraphs(found.blocks());
        if (found.lead() != null) {
            paragraphs = withLead(found.lead(), paragraphs);
        }
        if (ProseFallback.isShort(paragraphs)) {
            paragraphs = ProseFallback.better(paragraphs, BlockTextWriter.paragraphs(List.of(doc.body())));
        }
        return paragraphs;
    }

    /**
     * The text with the standfirst's sentences before it: of the removed header or teaser the finder handed back,
     * only prose paragraphs that end a sentence count, not its headline, date, byline or labels.
     */
    private static List<String> withLead(Element lead, List<String> paragraphs) {
        List<String> text = new ArrayList<>();
        for (String p : BlockTextWriter.sentences(List.of(lead))) {
            if (!BY_LINE.matcher(p).matches() && !paragraphs.contains(p)) {
                text.add(p);
            }
        }
        if (text.isEmpty()) {
            return paragraphs;
        }
        text.addAll(paragraphs);
        return text;
    }

    private static boolean isByline(String paragraph, String byline) {
        if (byline != null && (paragraph.equals(byline) || paragraph.equalsIgnoreCase("By " + byline))) {
            return true;
        }
        return paragraph.length() < 60 && paragraph.length() > 3
                && (paragraph.charAt(0) == 'B' || paragraph.charAt(0) == 'b') && BY_LINE.matcher(paragraph).matches();
    }

    private static ExtractedArticle fromPlainText(String text, String url) {
        List<String> paragraphs = new ArrayList<>();
        for (String block : BLANK_LINES.split(text.strip())) {
            String p = block.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return new ExtractedArticle(canonicalOrNull(url), null, null, null, null, String.join("\n\n", paragraphs));
    }

    private static String canonicalOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return UrlCanonicalizer.canonicalize(url);
        } catch (IllegalArgumentException e) {
            // a local file name or a malformed link: keep it as given rather than lose the article
            return url;
        }
    }

    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        var m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decodePlain(byte[] body, Charset declared) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        return new String(body, declared != null ? declared : StandardCharsets.UTF_8);
    }
}
