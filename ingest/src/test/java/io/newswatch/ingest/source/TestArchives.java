package io.newswatch.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Archives and saved pages that tests write themselves. */
public final class TestArchives {
    /** The capture time of the one article in {@link #writeNewsWarc}. */
    public static final Instant CAPTURED = Instant.parse("2024-03-06T09:15:00Z");
    /** The URL of the one article in {@link #writeNewsWarc}. */
    public static final String WARC_ARTICLE_URL = "https://harbour-ledger.example/world/rail-ferry-talks";

    private TestArchives() {
    }

    /** A small news article page. */
    public static String articlePage(String headline, String canonicalHead, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<p>").append(p).append("</p>\n");
        }
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + headline
                + " | Harbour Ledger</title>" + canonicalHead + "</head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world/\">World</a></nav>"
                + "<article><h1>" + headline + "</h1>" + body + "</article>"
                + "<footer>Harbour Ledger, a test paper.</footer></body></html>";
    }

    /**
     * Writes a gzipped WARC with three response records: one HTML article (200), one JSON document (200) and one
     * HTML page answered 404. Only the first is a page worth extracting.
     */
    public static void writeNewsWarc(Path file) throws IOException {
        String article = articlePage("Rail ferry talks resume", "",
                "Negotiators from the two port cities met on Tuesday to restart talks on a rail ferry link.",
                "The line was suspended two winters ago after ice damaged the loading ramps, officials said.");
        List<WarcResponse> records = new ArrayList<>();
        records.add(response(WARC_ARTICLE_URL, 200, "OK", MediaType.parse("text/html; charset=utf-8"),
                article, CAPTURED));
        records.add(response("https://harbour-ledger.example/data/tariffs.json", 200, "OK", MediaType.JSON,
                "{\"tariff\": 12.5, \"currency\": \"EUR\"}", CAPTURED.plusSeconds(5)));
        records.add(response("https://harbour-ledger.example/world/withdrawn-story", 404, "Not Found",
                MediaType.parse("text/html"), articlePage("Not found", "", "This story was withdrawn."),
                CAPTURED.plusSeconds(9)));
        try (WarcWriter writer = new WarcWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP)) {
            for (WarcResponse r : records) {
                writer.write(r);
            }
        }
    }

    private static WarcResponse response(String url, int status, String reason, MediaType type, String body,
                                         Instant date) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, reason)
                .body(type, body.getBytes(StandardCharsets.UTF_8))
                .build();
        return new WarcResponse.Builder(URI.create(url)).date(date).body(http).build();
    }

    /**
     * Writes a folder of saved pages: {@code ledger/port.html} (canonical link), {@code ledger/2024/grain.html.gz}
     * (og:url only), {@code notes/draft.htm} (no URL of its own) and {@code notes/readme.txt} (not a page).
     */
    public static void writeSavedPages(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("ledger/2024"));
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("ledger/port.html"), articlePage("Port extends opening hours",
                "<link rel=\"canonical\" href=\"https://harbour-ledger.example/world/port-hours\">",
                "The northern port will stay open until midnight from next month, its operator said.",
                "Hauliers had asked for longer hours to clear the queue of lorries at the gate."));
        byte[] grain = articlePage("Grain terminal reopens",
                "<meta property=\"og:url\" content=\"https://harbour-ledger.example/world/grain-terminal\">",
                "The grain terminal reopened on Thursday after a month of repairs to its conveyor belts.",
                "Three ships were waiting offshore to load, the harbour master said.")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(zipped)) {
            out.write(grain);
        }
        Files.write(dir.resolve("ledger/2024/grain.html.gz"), zipped.toByteArray());
        Files.writeString(dir.resolve("notes/draft.htm"), articlePage("Draft: customs queue", "",
                "A draft note about the customs queue at the eastern crossing, kept for reference.",
                "It lists the waiting times reported by drivers over one week in February."));
        Files.writeString(dir.resolve("notes/readme.txt"), "Saved pages for the ingest tests.\n");
    }
}
