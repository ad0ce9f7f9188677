package io.newswatch.ingest.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code folder} sources: a directory of saved pages, {@code .html}, {@code .htm} and {@code .html.gz}
 * (gzip, RFC 1952) files, found recursively and read in path order.
 *
 * <p>Contract: each file becomes a {@link SourceEntry.StoredPage} of type {@code text/html} (the charset is left to
 * the extractor: byte-order mark, then {@code <meta charset>}), dated by the file's modification time. Its URL is
 * the page's own {@code <link rel=canonical>}, else its {@code og:url}, when that is an absolute http(s) URL; else
 * the file's {@code file:} URI. A file that cannot be read or unzipped, or is larger than
 * {@value WarcSourceReader#MAX_PAGE_BYTES} bytes, is a WARN and is skipped; a missing directory fails the source.
 */
public final class FolderSourceReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(FolderSourceReader.class);

    @Override
    public void read(Source source, Sink sink) throws SourceReadException {
        Path dir = source.path();
        if (!Files.isDirectory(dir)) {
            throw new SourceReadException("source " + source.id() + ": " + dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(FolderSourceReader::isSavedPage).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SourceReadException("source " + source.id() + ": cannot list " + dir + ": " + e.getMessage(),
                    e);
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            SourceEntry.StoredPage page;
            try {
                page = pageOf(file);
            } catch (IOException e) {
                LOG.warn("source {}: {} skipped: {}", source.id(), file, e.toString());
                continue;
            }
            sink.position(i, files.size());
            if (!sink.accept(page)) {
                return;
            }
        }
        sink.position(files.size(), files.size());
    }

    static boolean isSavedPage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".html.gz");
    }

    private static SourceEntry.StoredPage pageOf(Path file) throws IOException {
        if (Files.size(file) > WarcSourceReader.MAX_PAGE_BYTES) {
            throw new IOException("larger than " + WarcSourceReader.MAX_PAGE_BYTES + " bytes");
        }
        byte[] body = Files.readAllBytes(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readNBytes(WarcSourceReader.MAX_PAGE_BYTES + 1);
            }
            if (body.length > WarcSourceReader.MAX_PAGE_BYTES) {
                throw new IOException("larger than " + WarcSourceReader.MAX_PAGE_BYTES + " bytes unzipped");
            }
        }
        String url = declaredUrl(body);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return new SourceEntry.StoredPage(url != null ? url : file.toAbsolutePath().toUri().toString(), body,
                "text/html", modified);
    }

    private static String declaredUrl(byte[] body) throws IOException {
        Document doc = Jsoup.parse(new ByteArrayInputStream(body), null, "");
        for (String query : List.of("link[rel~=(?i)^canonical$][href]", "meta[property=og:url][content]")) {
            Element el = doc.selectFirst(query);
            if (el != null) {
                String v = (el.hasAttr("href") ? el.attr("href") : el.attr("content")).trim();
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.startsWith("http://") || lower.startsWith("https://")) {
                    return v;
                }
            }
        }
        return null;
    }
}
