package io.newswatch.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code warc} sources: a {@code .warc} or {@code .warc.gz} file, or a directory of them (not recursive,
 * in name order), in the WARC 1.0/1.1 format (ISO 28500) that Common Crawl's news crawl publishes, with jwarc.
 *
 * <p>Contract: each {@code response} record whose HTTP status is 200 and whose HTTP Content-Type is
 * {@code text/html} or {@code application/xhtml+xml} becomes a {@link SourceEntry.StoredPage} with the record's
 * {@code WARC-Target-URI} as URL, its {@code WARC-Date} as capture time and the HTTP payload with chunked transfer
 * and content encodings removed (jwarc's {@code bodyDecoded}). Other records (request, metadata, revisit,
 * warcinfo), other statuses and other types are skipped. A record whose HTTP message cannot be parsed, or whose
 * payload is larger than {@value #MAX_PAGE_BYTES} bytes, is skipped with a DEBUG line; a file that cannot be read
 * at all fails the source, after the records before the damage were handed over.
 */
public final class WarcSourceReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(WarcSourceReader.class);
    static final int MAX_PAGE_BYTES = 20 * 1024 * 1024;
    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

    @Override
    public void read(Source source, Sink sink) throws SourceReadException {
        List<Path> files = files(source);
        long total = 0;
        long[] sizes = new long[files.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = size(source, files.get(i));
            total += sizes[i];
        }
        long before = 0;
        for (int i = 0; i < sizes.length; i++) {
            if (!readFile(source, files.get(i), sink, before, total)) {
                return;
            }
            before += sizes[i];
        }
        sink.position(total, total);
    }

    private static long size(Source source, Path file) throws SourceReadException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SourceReadException("source " + source.id() + ": cannot read " + file + ": " + e.getMessage(),
                    e);
        }
    }

    static boolean isWarc(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".warc") || name.endsWith(".warc.gz");
    }

    private static List<Path> files(Source source) throws SourceReadException {
        Path path = source.path();
        if (!Files.isDirectory(path)) {
            if (!Files.isRegularFile(path)) {
                throw new SourceReadException("source " + source.id() + ": " + path + " does not exist");
            }
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(Files::isRegularFile).filter(WarcSourceReader::isWarc).sorted().toList();
        } catch (IOException e) {
            throw new SourceReadException("source " + source.id() + ": cannot list " + path + ": " + e.getMessage(),
                    e);
        }
    }

    /** Reads one file; {@code before} is the size of the files before it, {@code total} that of all of them. */
    private boolean readFile(Source source, Path file, Sink sink, long before, long total)
            throws SourceReadException {
        int skipped = 0;
        try (WarcReader reader = new WarcReader(file)) {
            reader.onWarning(w -> LOG.debug("{}: {}", file, w));
            for (WarcRecord record : reader) {
                if (!(record instanceof WarcResponse response)) {
                    continue;
                }
                SourceEntry.StoredPage page;
                try {
                    page = pageOf(response);
                } catch (IOException | RuntimeException e) {
                    skipped++;
                    LOG.debug("{}: record {} skipped: {}", file, record.id(), e.toString());
                    continue;
                }
                if (page != null) {
                    sink.position(before + reader.position(), total); // the start of this page's record
                    if (!sink.accept(page)) {
                        return false;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SourceReadException("source " + source.id() + ": cannot read " + file + ": " + e.getMessage(),
                    e);
        }
        if (skipped > 0) {
            LOG.info("source {}: {} unreadable response records skipped in {}", source.id(), skipped, file);
        }
        return true;
    }

    private static SourceEntry.StoredPage pageOf(WarcResponse response) throws IOException {
        MediaType type = response.contentType();
        if (type == null || !"application".equals(type.type()) || !"http".equals(type.subtype())) {
            return null; // not an HTTP response block (dns:, gemini:, ...)
        }
        HttpResponse http = response.http();
        if (http.status() != 200) {
            return null;
        }
        String contentType = http.headers().first("Content-Type").orElse(null);
        if (contentType == null || !HTML.contains(mime(contentType))) {
            return null;
        }
        byte[] body;
        try (InputStream in = http.bodyDecoded().stream()) {
            body = in.readNBytes(MAX_PAGE_BYTES + 1);
        }
        if (body.length > MAX_PAGE_BYTES) {
            throw new IOException("payload larger than " + MAX_PAGE_BYTES + " bytes");
        }
        Instant date = response.date();
        return new SourceEntry.StoredPage(response.target(), body, contentType, date);
    }

    private static String mime(String contentType) {
        return contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
