package io.newswatch.streams.replay.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.newswatch.model.ViolationEvent;
import io.newswatch.streams.replay.EventDiff;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The matches of a replay, and the differences of a replay diff, as RFC 4180 CSV for spreadsheets and scripts.
 *
 * <p>Files are UTF-8 without a byte order mark, with CRLF line ends and a header row. A field is quoted when it
 * holds a comma, a double quote, CR or LF, with its quotes doubled; other fields are written as they are, so every
 * value (titles with line breaks included) reads back unchanged, except that a value starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, so that a spreadsheet shows
 * scraped text instead of running it as a formula (OWASP's advice on CSV injection).
 *
 * <p>Evidence of one match is joined with {@value #EVIDENCE_SEPARATOR}, its proof (the first decisive sentence)
 * first, context items marked {@value #CONTEXT_MARK}. The {@code events} column holds the one-line summaries of the
 * article's violation events ({@link ViolationEvent#summary()}), joined the same way: one column, not one row per
 * event, so that a row stays one match. A diff file also has a row per violation event that only one side yields
 * ({@code event-lost}, {@code event-gained}): its rule id is empty, its evidence the event's sentence, its events
 * cell the event's summary.
 */
public final class ReplayCsv {
    /** Header of {@link #writeMatches}. */
    public static final List<String> MATCH_HEADER = List.of(
            "rule_id", "rule_title", "day", "published_at", "article_id", "source_id", "title", "url", "evidence",
            "events");
    /** Header of {@link #writeDiff}. */
    public static final List<String> DIFF_HEADER = List.of(
            "rule_id", "side", "day", "published_at", "article_id", "source_id", "title", "url", "evidence", "events");
    /** Joins the evidence sentences of one match in one field. */
    public static final String EVIDENCE_SEPARATOR = " | ";
    /** Marks an evidence item that only satisfies a scoped condition. */
    public static final String CONTEXT_MARK = "[context] ";

    private static final String LINE_END = "\r\n";
    /**
     * Jackson's CSV writer: RFC 4180 quoting (a field is quoted only when it holds the separator, a quote, CR or
     * LF, with its quotes doubled) and CRLF records.
     */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator(LINE_END);

    private ReplayCsv() {
    }

    /**
     * Writes one row per match, in the order of {@link ReplayResult#matches()}, replacing the file if it exists
     * and creating missing parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void writeMatches(ReplayResult r, Path file) {
        List<List<String>> out = new ArrayList<>();
        appendRow(out, MATCH_HEADER);
        for (ReplayMatch m : r.matches()) {
            appendRow(out, List.of(m.ruleId(), nullToEmpty(m.ruleTitle()), m.day().toString(),
                    m.publishedAt().toString(), m.articleId(), nullToEmpty(m.sourceId()), nullToEmpty(m.title()),
                    nullToEmpty(m.url()), evidence(m), events(m.events())));
        }
        ReportText.writeUtf8(file, csv(out));
    }

    /**
     * Writes one row per article that only one version of a rule matches: rules sorted by id, within a rule the
     * {@code old-only} rows before the {@code new-only} rows, each side in publication order. Rules that match
     * the same articles in both versions have no rows. Then the events gained and lost: per article (in publication
     * order) an {@code event-lost} row per event only the old side yields and an {@code event-gained} row per event
     * only the new side yields. Replaces the file if it exists.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void writeDiff(ReplayDiffResult d, Path file) {
        List<List<String>> out = new ArrayList<>();
        appendRow(out, DIFF_HEADER);
        for (RuleDiff rule : ReportText.sortedRules(d.rules())) {
            appendSide(out, rule.ruleId(), "old-only", rule.onlyOld());
            appendSide(out, rule.ruleId(), "new-only", rule.onlyNew());
        }
        for (EventDiff article : d.events()) {
            appendEvents(out, "event-lost", article, article.lost());
            appendEvents(out, "event-gained", article, article.gained());
        }
        ReportText.writeUtf8(file, csv(out));
    }

    private static void appendSide(List<List<String>> out, String ruleId, String side, List<ReplayMatch> matches) {
        for (ReplayMatch m : matches) {
            appendRow(out, List.of(ruleId, side, m.day().toString(), m.publishedAt().toString(), m.articleId(),
                    nullToEmpty(m.sourceId()), nullToEmpty(m.title()), nullToEmpty(m.url()),
                    evidence(m), events(m.events())));
        }
    }

    private static void appendEvents(List<List<String>> out, String side, EventDiff article, List<ViolationEvent> events) {
        for (ViolationEvent e : events) {
            appendRow(out, List.of("", side, article.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    article.publishedAt().toString(), article.articleId(), nullToEmpty(article.sourceId()),
                    nullToEmpty(article.title()), nullToEmpty(article.url()),
                    e.evidence() == null ? "" : nullToEmpty(e.evidence().text()), e.summary()));
        }
    }

    /** The match's evidence in one cell: decisive items first, context items marked. */
    private static String evidence(ReplayMatch m) {
        return String.join(EVIDENCE_SEPARATOR, m.evidence().stream()
                .map(e -> (e.isDecisive() ? "" : CONTEXT_MARK) + nullToEmpty(e.text())).toList());
    }

    private static String events(List<ViolationEvent> events) {
        return String.join(EVIDENCE_SEPARATOR, events.stream().map(ViolationEvent::summary).toList());
    }

    /** A row, each field defused against formulas. */
    private static void appendRow(List<List<String>> out, List<String> fields) {
        out.add(fields.stream().map(ReplayCsv::defused).toList());
    }

    private static String csv(List<List<String>> rows) {
        try {
            return CSV.writer(ROWS).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always writes as CSV", e);
        }
    }

    /** The value with a leading {@code '} when a spreadsheet would read it as a formula. */
    static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
