package io.newswatch.streams.replay.report;

import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The matches of a replay, and the differences of a replay diff, as RFC 4180 CSV for spreadsheets and scripts.
 *
 * <p>Files are UTF-8 without a byte order mark, with CRLF line ends and a header row. A field is quoted when it
 * holds a comma, a double quote, CR or LF, with its quotes doubled; other fields are written as they are, so
 * every value (titles with line breaks included) reads back unchanged. Evidence sentences of one match are joined
 * with {@value #EVIDENCE_SEPARATOR}. Values are not altered to defuse spreadsheet formulas: the files are data,
 * and a cell starting with {@code =} is the article's own text.
 */
public final class ReplayCsv {
    /** Header of {@link #writeMatches}. */
    public static final List<String> MATCH_HEADER = List.of(
            "rule_id", "rule_title", "day", "published_at", "article_id", "source_id", "title", "url", "evidence");
    /** Header of {@link #writeDiff}. */
    public static final List<String> DIFF_HEADER = List.of(
            "rule_id", "side", "day", "published_at", "article_id", "source_id", "title", "url", "evidence");
    /** Joins the evidence sentences of one match in one field. */
    public static final String EVIDENCE_SEPARATOR = " | ";

    private static final String LINE_END = "\r\n";

    private ReplayCsv() {
    }

    /**
     * Writes one row per match, in the order of {@link ReplayResult#matches()}, replacing the file if it exists
     * and creating missing parent directories.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void writeMatches(ReplayResult r, Path file) {
        StringBuilder out = new StringBuilder();
        appendRow(out, MATCH_HEADER);
        for (ReplayMatch m : r.matches()) {
            appendRow(out, List.of(m.ruleId(), nullToEmpty(m.ruleTitle()), m.day().toString(),
                    m.publishedAt().toString(), m.articleId(), nullToEmpty(m.sourceId()), nullToEmpty(m.title()),
                    nullToEmpty(m.url()), String.join(EVIDENCE_SEPARATOR, m.evidence())));
        }
        ReportText.writeUtf8(file, out.toString());
    }

    /**
     * Writes one row per article that only one version of a rule matches: rules sorted by id, within a rule the
     * {@code old-only} rows before the {@code new-only} rows, each side in publication order. Rules that match
     * the same articles in both versions have no rows. Replaces the file if it exists.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void writeDiff(ReplayDiffResult d, Path file) {
        StringBuilder out = new StringBuilder();
        appendRow(out, DIFF_HEADER);
        for (RuleDiff rule : ReportText.sortedRules(d.rules())) {
            appendSide(out, rule.ruleId(), "old-only", rule.onlyOld());
            appendSide(out, rule.ruleId(), "new-only", rule.onlyNew());
        }
        ReportText.writeUtf8(file, out.toString());
    }

    private static void appendSide(StringBuilder out, String ruleId, String side, List<ReplayMatch> matches) {
        for (ReplayMatch m : matches) {
            appendRow(out, List.of(ruleId, side, m.day().toString(), m.publishedAt().toString(), m.articleId(),
                    nullToEmpty(m.sourceId()), nullToEmpty(m.title()), nullToEmpty(m.url()),
                    String.join(EVIDENCE_SEPARATOR, m.evidence())));
        }
    }

    private static void appendRow(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append(LINE_END);
    }

    /** One field as RFC 4180 wants it: quoted, with quotes doubled, only when it has to be. */
    static String quote(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
