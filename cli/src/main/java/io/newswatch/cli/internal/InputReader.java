package io.newswatch.cli.internal;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.tagger.Tagger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the inputs of {@code tag} and {@code extract}: a local file (plain text or HTML, detected) or an http(s)
 * URL fetched politely. Both commands get the same guards, here: a file over {@link #MAX_FILE_BYTES} is refused
 * before reading, a binary body ({@link ArticleExtractor#looksBinary}: an image, an archive, random bytes; NULs
 * alone do not make a file binary) is refused, control characters are removed from text, and a text longer than
 * {@link #MAX_TEXT_CHARS} (the most the tagger accepts) is refused. Failures come back as
 * {@link UnreadableInputException} with a one-line reason.
 */
public final class InputReader {
    /** Larger files are refused before reading: 32 MB of text is far beyond any article. */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;
    /** Longer texts are refused: the tagger takes no more, and no article comes near it. */
    public static final int MAX_TEXT_CHARS = Tagger.MAX_TEXT_CHARS;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final PoliteFetcher fetcher;

    /** @param fetcher used for URL inputs; may be null when only files are expected */
    public InputReader(PoliteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** A input that could not be read; the message is one line naming it. */
    public static final class UnreadableInputException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableInputException(String message) {
            super(message);
        }
    }

    /** True for inputs that are URLs rather than paths. */
    public static boolean isUrl(String input) {
        return input.startsWith("http://") || input.startsWith("https://");
    }

    /**
     * Reads an input as an article: HTML is extracted, plain text is taken as it is (paragraphs by blank lines).
     *
     * @param input   a path or an http(s) URL
     * @param baseUrl the URL to attribute a file to, or null
     */
    public ExtractedArticle read(String input, String baseUrl) throws UnreadableInputException {
        if (isUrl(input)) {
            if (fetcher == null) {
                throw new UnreadableInputException(input + ": URLs are not accepted here");
            }
            try {
                FetchResult r = fetcher.fetch(input);
                refuseBinary(input, r.body(), r.contentType());
                return withinLimit(input, extractor.extract(r.body(), r.contentType(), r.url()));
            } catch (FetchException e) {
                throw new UnreadableInputException(input + ": " + ErrorReporting.oneLine(e));
            }
        }
        byte[] bytes = readFile(input);
        refuseBinary(input, bytes, null);
        String url = baseUrl != null ? baseUrl : Path.of(input).toAbsolutePath().toUri().toString();
        String asText = ArticleExtractor.withoutControlCharacters(new String(bytes, StandardCharsets.UTF_8));
        if (ArticleExtractor.looksLikeHtml(asText)) {
            return withinLimit(input, extractor.extract(bytes, null, url));
        }
        return withinLimit(input, new ExtractedArticle(url, "", null, null, null, normalisePlainText(asText)));
    }

    private static void refuseBinary(String input, byte[] body, String contentType) throws UnreadableInputException {
        if (ArticleExtractor.looksBinary(body, contentType)) {
            throw new UnreadableInputException(input + ": looks like a binary file (control characters or bytes "
                    + "that are not text), not text or HTML");
        }
    }

    private static ExtractedArticle withinLimit(String input, ExtractedArticle article)
            throws UnreadableInputException {
        if (article.text().length() > MAX_TEXT_CHARS) {
            throw new UnreadableInputException(input + ": its text has " + article.text().length()
                    + " characters, more than the " + MAX_TEXT_CHARS + " accepted");
        }
        return article;
    }

    private static byte[] readFile(String input) throws UnreadableInputException {
        try {
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                throw new UnreadableInputException(input + ": is a directory");
            }
            if (Files.size(p) > MAX_FILE_BYTES) {
                throw new UnreadableInputException(input + ": " + Files.size(p) + " bytes is larger than the "
                        + MAX_FILE_BYTES + " bytes accepted");
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UnreadableInputException(input + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(input + ": cannot read: " + ErrorReporting.oneLine(e));
        }
    }

    /** Windows line ends and a BOM are noise to the tagger's offsets: normalise them. */
    static String normalisePlainText(String s) {
        String t = s.startsWith("\uFEFF") ? s.substring(1) : s;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }
}
