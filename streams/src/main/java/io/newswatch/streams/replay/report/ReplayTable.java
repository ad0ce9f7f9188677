package io.newswatch.streams.replay.report;

import io.newswatch.model.Alert;
import io.newswatch.streams.replay.EventDiff;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Plain-text views of a replay for the terminal: the per-rule-per-day table, a summary, and the text of a diff.
 *
 * <p>All output is deterministic (rules sorted by id, days ascending, {@link java.util.Locale#ROOT} numbers) and
 * ends with a newline. Untrusted article text is reduced to one line without control characters, so an article
 * cannot move the cursor or inject terminal escape sequences.
 */
public final class ReplayTable {
    /** Widest a rule column gets; longer rule ids are abbreviated and explained in a legend line. */
    static final int MAX_COLUMN = 12;
    /** What a day without matches of a rule shows, so that the counts stand out. */
    private static final String ZERO = ".";
    private static final String TOTAL = "total";

    private ReplayTable() {
    }

    /**
     * The matches per UTC day (rows, only days with a match) and rule (columns, every rule sorted by id), with a
     * total column and a total row; rule ids longer than {@value #MAX_COLUMN} characters are abbreviated with
     * {@code ~} and listed in full in a legend after the table. A replay without matches gives one line saying so.
     */
    public static String perRulePerDay(ReplayResult r) {
        SortedMap<String, SortedMap<LocalDate, Integer>> counts = r.perRulePerDay();
        List<String> ruleIds = ReportText.ruleIds(r);
        if (r.matches().isEmpty()) {
            return "no matches (" + ruleIds.size() + " rules)\n";
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        counts.values().forEach(perDay -> days.addAll(perDay.keySet()));

        List<String> headers = abbreviate(ruleIds);
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("day"));
        header.addAll(headers);
        header.add(TOTAL);
        rows.add(header);
        int[] columnTotals = new int[ruleIds.size()];
        for (LocalDate day : days) {
            List<String> row = new ArrayList<>(List.of(day.toString()));
            int dayTotal = 0;
            for (int i = 0; i < ruleIds.size(); i++) {
                int n = countsOf(counts, ruleIds.get(i)).getOrDefault(day, 0);
                columnTotals[i] += n;
                dayTotal += n;
                row.add(n == 0 ? ZERO : Integer.toString(n));
            }
            row.add(Integer.toString(dayTotal));
            rows.add(row);
        }
        List<String> totalRow = new ArrayList<>(List.of(TOTAL));
        int grandTotal = 0;
        for (int total : columnTotals) {
            totalRow.add(total == 0 ? ZERO : Integer.toString(total));
            grandTotal += total;
        }
        totalRow.add(Integer.toString(grandTotal));
        rows.add(totalRow);

        StringBuilder out = new StringBuilder(render(rows));
        for (int i = 0; i < ruleIds.size(); i++) {
            String fullId = ReportText.oneLine(ruleIds.get(i));
            if (!headers.get(i).equals(fullId)) {
                out.append(headers.get(i)).append(" = ").append(fullId).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Two lines: what was read (articles read, in range, unreadable, took, rate) and what was found (matches,
     * alerts and how many of those are updates of an earlier alert).
     */
    public static String summary(ReplayResult r) {
        List<Alert> alerts = r.alerts();
        long updates = alerts.stream().filter(a -> a.revision() > 0).count();
        return "read " + r.articlesRead() + " articles (" + r.inRange() + " in range, " + r.unreadable()
                + " unreadable) in " + ReportText.duration(r.took()) + ", " + ReportText.rate(r.rate())
                + " articles/s\n"
                + r.matches().size() + " matches, " + alerts.size() + " alerts"
                + (updates > 0 ? " (" + updates + " of them updates)" : "") + "\n"
                + emptyHint(r.articlesRead(), r.inRange());
    }

    /**
     * Why a replay found nothing, when it did not even look at an article: an empty archive (a first-time user's
     * usual case) or a range that holds none of it; empty otherwise.
     */
    public static String emptyHint(long read, long inRange) {
        if (read == 0) {
            return "the archive (" + io.newswatch.model.topics.Topics.ARTICLES.name() + ") is empty: fill it with `newswatch ingest` from live sources, or "
                    + "backfill one with `newswatch ingest --source ID --since DATE`\n";
        }
        if (inRange == 0) {
            return "none of the " + read + " archived articles was published in the range; "
                    + "widen --since/--until\n";
        }
        return "";
    }

    /**
     * The rules whose two versions match different articles, each with its counts and up to {@code maxPerSide}
     * articles per side ({@code -} only the old version matches, {@code +} only the new one), then the unchanged
     * rules on one line. Each article line has its publication day, source, title and proof (its first decisive
     * evidence sentence). Then the violation events gained and lost: per article (at most {@code maxPerSide}
     * articles) its title and a {@code - summary} line per event only the old side yields and a
     * {@code + summary} line per event only the new side yields.
     *
     * @throws IllegalArgumentException if {@code maxPerSide} is negative
     */
    public static String diffText(ReplayDiffResult d, int maxPerSide) {
        if (maxPerSide < 0) {
            throw new IllegalArgumentException("maxPerSide must be >= 0, was " + maxPerSide);
        }
        StringBuilder out = new StringBuilder();
        List<String> unchanged = new ArrayList<>();
        for (RuleDiff rule : ReportText.sortedRules(d.rules())) {
            String id = ReportText.oneLine(rule.ruleId());
            if (rule.same()) {
                unchanged.add(id);
                continue;
            }
            String presence = ReportText.presence(rule);
            out.append("rule ").append(id).append(presence.isEmpty() ? "" : " (" + presence + ")").append(": ")
                    .append(rule.onlyOld().size()).append(" only in old, ")
                    .append(rule.onlyNew().size()).append(" only in new, ")
                    .append(rule.both()).append(" in both\n");
            appendSide(out, "- ", rule.onlyOld(), maxPerSide);
            appendSide(out, "+ ", rule.onlyNew(), maxPerSide);
        }
        if (!d.events().isEmpty()) {
            out.append("events: ").append(d.eventsLost()).append(" only in old, ").append(d.eventsGained())
                    .append(" only in new, in ").append(d.events().size())
                    .append(d.events().size() == 1 ? " article\n" : " articles\n");
            for (EventDiff a : d.events().subList(0, Math.min(maxPerSide, d.events().size()))) {
                out.append("  ").append(a.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()).append("  ")
                        .append(ReportText.oneLine(a.sourceId())).append("  ")
                        .append(ReportText.shorten(ReportText.oneLine(a.title()), ReportText.EVIDENCE_CHARS))
                        .append('\n');
                a.lost().forEach(e -> out.append("    - ").append(ReportText.summary(e)).append('\n'));
                a.gained().forEach(e -> out.append("    + ").append(ReportText.summary(e)).append('\n'));
            }
            if (d.events().size() > maxPerSide) {
                out.append("    and ").append(d.events().size() - maxPerSide).append(" more articles\n");
            }
        }
        if (out.isEmpty()) {
            out.append("no differences\n");
        }
        if (!unchanged.isEmpty()) {
            out.append("unchanged: ").append(String.join(", ", unchanged)).append('\n');
        }
        return out.toString();
    }

    private static void appendSide(StringBuilder out, String marker, List<ReplayMatch> matches, int max) {
        for (ReplayMatch m : matches.subList(0, Math.min(max, matches.size()))) {
            out.append("  ").append(marker).append(m.day()).append("  ")
                    .append(ReportText.oneLine(m.sourceId())).append("  ")
                    .append(ReportText.shorten(ReportText.oneLine(m.title()), ReportText.EVIDENCE_CHARS));
            String evidence = ReportText.firstEvidence(m);
            if (!evidence.isEmpty()) {
                out.append("  \"").append(evidence).append('"');
            }
            out.append('\n');
        }
        if (matches.size() > max) {
            out.append("    ").append(marker).append("and ").append(matches.size() - max).append(" more\n");
        }
    }

    /**
     * Column headers for the rule ids: the id itself when it fits, else a prefix ending in {@code ~}, made unique
     * with a number when two long ids share a prefix.
     */
    static List<String> abbreviate(List<String> ruleIds) {
        Set<String> used = new HashSet<>();
        ruleIds.stream().map(ReportText::oneLine).filter(id -> id.length() <= MAX_COLUMN).forEach(used::add);
        List<String> headers = new ArrayList<>();
        for (String raw : ruleIds) {
            String id = ReportText.oneLine(raw);
            String header = id;
            if (id.length() > MAX_COLUMN) {
                header = id.substring(0, Math.min(id.length(), MAX_COLUMN - 1)) + "~";
                for (int n = 2; used.contains(header); n++) {
                    String suffix = "~" + n;
                    header = id.substring(0, Math.min(id.length(), MAX_COLUMN - suffix.length())) + suffix;
                }
            }
            used.add(header);
            headers.add(header);
        }
        return headers;
    }

    /** Lays rows out in columns: the first column left-aligned, the counts right-aligned. */
    private static String render(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.codePointCount(0, cell.length()));
                if (c == 0) {
                    line.append(cell).append(pad);
                } else {
                    line.append("  ").append(pad).append(cell);
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The per-day counts of one rule, empty when it has none; used by the HTML table so both agree. */
    static Map<LocalDate, Integer> countsOf(SortedMap<String, SortedMap<LocalDate, Integer>> counts, String ruleId) {
        SortedMap<LocalDate, Integer> perDay = counts.get(ruleId);
        return perDay == null ? Map.of() : perDay;
    }
}
