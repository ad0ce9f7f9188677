package io.newswatch.ingest.extract.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * One extraction benchmark's development half on disk: {@code html/<id>.html.gz} pages and a
 * {@code ground-truth.json} keyed by the same ids, each entry with the page's original {@code url}. The data is not
 * part of the repository (the pages belong to their publishers); tests are handed its folder through a property.
 *
 * <p>Each set is split once more, by site, into a part to tune on and a part to check on: a page's part is fixed by
 * a hash of its host name without {@code www.}, so every page of one site falls in one part and a method that only
 * works for the sites it was tuned on shows as a gap between the two.
 */
final class BenchmarkSet {
    /** One page of a set: its id, its original address (never fetched), its bytes and its ground-truth entry. */
    record Page(String id, String url, byte[] html, JsonNode truth) {
        /** Whether the page belongs to the check part of the split by site. */
        boolean inCheckPart() {
            return Math.floorMod(siteOf(url).hashCode() * 0x9E3779B1, 3) == 0;
        }
    }

    private BenchmarkSet() {
    }

    /**
     * Reads every page of a set.
     *
     * @throws UncheckedIOException when the folder lacks a page its ground truth names, or cannot be read
     */
    static List<Page> load(Path dir) {
        try {
            JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
            List<Page> pages = new ArrayList<>();
            for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
                String id = ids.next();
                JsonNode entry = truth.get(id);
                try (InputStream in = new GZIPInputStream(Files.newInputStream(
                        dir.resolve("html").resolve(id + ".html.gz")))) {
                    pages.add(new Page(id, entry.path("url").asText(""), in.readAllBytes(), entry));
                }
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark set in " + dir, e);
        }
    }

    static String siteOf(String url) {
        try {
            String host = URI.create(url.trim().replace(" ", "%20")).getHost();
            if (host == null) {
                return url;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
