package io.newswatch.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.serde.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The violations ledger ({@code news.events}) as people and programs read it: a table, JSON lines or CSV.
 *
 * <p>Every text in a record comes from scraped pages, so it is treated as hostile. In the table, control characters
 * (line breaks, escape sequences that would drive the terminal) become spaces and each cell is cut to its column. In
 * CSV (RFC 4180: CRLF line ends, a header row, a field quoted when it holds a comma, a double quote, CR or LF, its
 * quotes doubled) a field that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR is prefixed
 * with a single quote, as the OWASP guidance on CSV injection advises, because spreadsheet programs would run it as
 * a formula. JSON is escaped by Jackson.
 */
public final class LedgerFormat {
    /** The CSV header row. Lists in a field are joined with {@value #LIST_SEPARATOR}. */
    public static final List<String> CSV_HEADER = List.of("latest_reported_at", "first_reported_at", "from", "to",
            "commodity", "amount", "unit", "status", "reports", "outlets", "places", "vessels", "imo", "resolutions",
            "attributions", "first_report_url", "story_id", "event_id", "revision");
    public static final String LIST_SEPARATOR = "; ";

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String ROW = "%-16s  %-7s  %-19s  %-18s  %-8s  %-7s  %-32s  %-20s  %s";
    private static final int[] WIDTHS = {16, 7, 19, 18, 8, 7, 32, 20, 24};

    private LedgerFormat() {
    }

    /** The table's header line. */
    public static String tableHeader() {
        return String.format(Locale.ROOT, ROW, "LATEST REPORT", "FROM→TO", "COMMODITY", "AMOUNT", "STATUS",
                "REP/OUT", "PLACES", "VESSELS", "RESOLUTIONS").stripTrailing();
    }

    /** One record as a table line (times in UTC). */
    public static String tableRow(ViolationRecord r) {
        String[] cells = {
                r.latestReportedAt() == null ? "-" : MINUTES.format(r.latestReportedAt()),
                state(r.from()) + "→" + state(r.to()),
                r.commodity(),
                amount(r),
                r.status(),
                r.reports().size() + "/" + r.outlets().size(),
                String.join(", ", r.places()),
                String.join(", ", r.vessels()),
                String.join(", ", r.resolutions())};
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cell(cells[i], WIDTHS[i]);
        }
        return String.format(Locale.ROOT, ROW, (Object[]) cells).stripTrailing();
    }

    /** The table: header and one line per record, or one line saying there is none. */
    public static List<String> table(List<ViolationRecord> records) {
        if (records.isEmpty()) {
            return List.of("no violation events on news.events match");
        }
        List<String> lines = new ArrayList<>(records.size() + 1);
        lines.add(tableHeader());
        records.forEach(r -> lines.add(tableRow(r)));
        return lines;
    }

    /** One record as one line of JSON: the {@link ViolationRecord} as it is on the topic. */
    public static String json(ViolationRecord r) {
        try {
            return Json.mapper().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + r.id() + " as JSON", e);
        }
    }

    /** The CSV document: header row, then one row per record, each ending in CRLF. */
    public static String csv(List<ViolationRecord> records) {
        StringBuilder out = new StringBuilder();
        appendRow(out, CSV_HEADER);
        for (ViolationRecord r : records) {
            appendRow(out, List.of(text(r.latestReportedAt()), text(r.firstReportedAt()), text(r.from()),
                    text(r.to()), text(r.commodity()), r.amount() == null ? "" : r.amount().toString(),
                    text(r.unit()), text(r.status()), Integer.toString(r.reports().size()),
                    String.join(LIST_SEPARATOR, r.outlets()), String.join(LIST_SEPARATOR, r.places()),
                    String.join(LIST_SEPARATOR, r.vessels()), String.join(LIST_SEPARATOR, r.imo()),
                    String.join(LIST_SEPARATOR, r.resolutions()), String.join(LIST_SEPARATOR, r.attributions()),
                    r.reports().isEmpty() ? "" : text(r.reports().get(0).url()), text(r.storyId()), text(r.id()),
                    Integer.toString(r.revision())));
        }
        return out.toString();
    }

    /** One CSV field: defused if a spreadsheet would take it for a formula, then quoted if RFC 4180 needs it. */
    public static String csvField(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static void appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String amount(ViolationRecord r) {
        return r.amount() == null ? "-" : ViolationEvent.amountText(r.amount(), r.unit());
    }

    private static String state(String code) {
        return code == null ? "?" : code;
    }

    /** A table cell: control characters as spaces, cut to the width with an ellipsis; "-" when empty. */
    static String cell(String s, int width) {
        if (s == null || s.isBlank()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), width + 1));
        s.codePoints().limit(width + 1L).forEach(cp -> b.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        String clean = b.toString();
        return clean.codePointCount(0, clean.length()) <= width ? clean
                : clean.substring(0, clean.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
