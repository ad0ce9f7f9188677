package io.newswatch.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The pages of Zyte's article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark), development
 * half, decoded to strings once, with the address each came from. The pages are data outside the repository: the
 * system property {@value #DIR_PROPERTY} names their folder, the same property the extraction quality test reads.
 */
public final class ExtractionPages {
    /** System property naming the folder that holds {@code ground-truth.json} and {@code html/}. */
    public static final String DIR_PROPERTY = "newswatch.bench.articles.dir";

    private final List<String> html;
    private final List<String> urls;
    private final long utf8Bytes;

    private ExtractionPages(List<String> html, List<String> urls, long utf8Bytes) {
        this.html = html;
        this.urls = urls;
        this.utf8Bytes = utf8Bytes;
    }

    /** The folder the pages are read from, made absolute; the working directory when the property is not set. */
    public static Path directory() {
        return Path.of(System.getProperty(DIR_PROPERTY, "")).toAbsolutePath().normalize();
    }

    /** Reads every page listed in the folder's ground truth, in id order; fails when there is none. */
    public static ExtractionPages load() {
        Path dir = directory();
        Path truthFile = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalStateException("no extraction benchmark at " + dir + ": name its folder (ground-truth.json "
                    + "and html/) with -D" + DIR_PROPERTY + "=FOLDER before -cp");
        }
        try {
            JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
            TreeSet<String> ids = new TreeSet<>();
            for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
                ids.add(it.next());
            }
            List<String> html = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            long bytes = 0;
            for (String id : ids) {
                byte[] raw;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html")
                        .resolve(id + ".html.gz")))) {
                    raw = in.readAllBytes();
                }
                bytes += raw.length;
                html.add(new String(raw, StandardCharsets.UTF_8));
                urls.add(truth.get(id).path("url").asText(""));
            }
            if (html.isEmpty()) {
                throw new IllegalStateException("the extraction benchmark at " + dir + " lists no pages");
            }
            return new ExtractionPages(html, urls, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extraction benchmark at " + dir, e);
        }
    }

    public int size() {
        return html.size();
    }

    public String html(int i) {
        return html.get(i);
    }

    public String url(int i) {
        return urls.get(i);
    }

    /** Uncompressed UTF-8 bytes of all pages. */
    public long totalUtf8Bytes() {
        return utf8Bytes;
    }

    public double meanUtf8Bytes() {
        return (double) utf8Bytes / html.size();
    }
}
