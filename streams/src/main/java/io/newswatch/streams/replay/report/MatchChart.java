package io.newswatch.streams.replay.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The matches-per-day chart of the HTML report as inline SVG: one line per rule over every day from the first
 * to the last day with a match (days without matches count as zero, so gaps show), a y axis with round ticks,
 * and an HTML legend with the same colours. Needs no script, font or image.
 */
final class MatchChart {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 300;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    /** Above this many days the points get too dense to mark; the lines alone still read. */
    private static final int MAX_MARKED_DAYS = 62;
    /** About one date label per this many pixels, so labels do not overlap. */
    private static final int LABEL_SPACING = 90;
    /** Dashes that tell apart rules that share a palette colour (the 11th rule onwards). */
    private static final String[] DASHES = {"", "6 3", "2 3", "8 3 2 3"};

    private MatchChart() {
    }

    /**
     * Appends the chart and its legend.
     *
     * @param ruleIds every rule, in the order that gives them their colours (sorted by id)
     * @param counts  matches per rule per day; rules without an entry count zero everywhere
     * @throws IllegalArgumentException if no rule has a match (there is nothing to draw)
     */
    static void append(StringBuilder out, List<String> ruleIds,
                       SortedMap<String, SortedMap<LocalDate, Integer>> counts) {
        List<LocalDate> days = daysWithData(counts);
        int max = counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue)
                .max().orElse(0);
        int step = tickStep(max);
        int top = Math.max(step, (max + step - 1) / step * step);

        out.append("<svg role=\"img\" aria-label=\"Matches per day per rule\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\">\n");
        appendAxes(out, days, step, top);
        for (int r = 0; r < ruleIds.size(); r++) {
            appendRule(out, ruleIds.get(r), r, ReplayTable.countsOf(counts, ruleIds.get(r)), days, top);
        }
        out.append("</svg>\n<ul class=\"legend\">\n");
        for (int r = 0; r < ruleIds.size(); r++) {
            out.append("<li class=\"legend-entry\"><span class=\"swatch\" style=\"")
                    .append(swatchStyle(r)).append("\"></span>").append(Html.text(ruleIds.get(r))).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /** Every day from the first to the last day with a match. */
    static List<LocalDate> daysWithData(SortedMap<String, SortedMap<LocalDate, Integer>> counts) {
        LocalDate first = null;
        LocalDate last = null;
        for (SortedMap<LocalDate, Integer> perDay : counts.values()) {
            if (!perDay.isEmpty()) {
                first = first == null || perDay.firstKey().isBefore(first) ? perDay.firstKey() : first;
                last = last == null || perDay.lastKey().isAfter(last) ? perDay.lastKey() : last;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("no matches to chart");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** A round step (1, 2 or 5 times a power of ten, at least 1) that gives about five ticks up to {@code max}. */
    static int tickStep(int max) {
        double raw = Math.max(max, 1) / 5.0;
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * magnitude >= raw) {
                return (int) Math.max(1, factor * magnitude);
            }
        }
        return (int) (10 * magnitude);
    }

    private static void appendAxes(StringBuilder out, List<LocalDate> days, int step, int top) {
        out.append("<g class=\"axes\" stroke=\"#ccc\" stroke-width=\"1\">\n");
        for (int v = 0; v <= top; v += step) {
            String y = coord(y(v, top));
            out.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + PLOT_WIDTH)
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"")
                    .append(v == 0 ? " stroke=\"#888\"" : "").append("/>\n");
        }
        out.append("</g>\n<g class=\"ticks\">\n");
        for (int v = 0; v <= top; v += step) {
            out.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(coord(y(v, top) + 4))
                    .append("\" text-anchor=\"end\">").append(v).append("</text>\n");
        }
        int every = Math.max(1, (int) Math.ceil(days.size() / (double) (PLOT_WIDTH / LABEL_SPACING)));
        for (int i = 0; i < days.size(); i += every) {
            out.append("<text x=\"").append(coord(x(i, days.size()))).append("\" y=\"").append(TOP + PLOT_HEIGHT + 18)
                    .append("\" text-anchor=\"middle\">").append(days.get(i)).append("</text>\n");
        }
        out.append("</g>\n");
    }

    private static void appendRule(StringBuilder out, String ruleId, int index, Map<LocalDate, Integer> perDay,
                                   List<LocalDate> days, int top) {
        String colour = Html.colour(index);
        String dash = DASHES[(index / Html.PALETTE.length) % DASHES.length];
        out.append("<g class=\"rule\"><title>").append(Html.text(ruleId)).append("</title>\n<polyline fill=\"none\"")
                .append(" stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                .append(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").append(" points=\"");
        for (int i = 0; i < days.size(); i++) {
            out.append(i == 0 ? "" : " ").append(coord(x(i, days.size()))).append(',')
                    .append(coord(y(perDay.getOrDefault(days.get(i), 0), top)));
        }
        out.append("\"/>\n");
        if (days.size() <= MAX_MARKED_DAYS) {
            for (int i = 0; i < days.size(); i++) {
                int n = perDay.getOrDefault(days.get(i), 0);
                if (n > 0) {
                    out.append("<circle cx=\"").append(coord(x(i, days.size()))).append("\" cy=\"")
                            .append(coord(y(n, top))).append("\" r=\"3\" fill=\"").append(colour)
                            .append("\"><title>").append(Html.text(ruleId)).append(' ').append(days.get(i))
                            .append(": ").append(n).append("</title></circle>\n");
                }
            }
        }
        out.append("</g>\n");
    }

    private static String swatchStyle(int index) {
        String colour = Html.colour(index);
        return index < Html.PALETTE.length
                ? "background:" + colour
                : "border:2px dashed " + colour + ";box-sizing:border-box";
    }

    /** The centre of day {@code i}'s band, so one day sits in the middle and many days spread evenly. */
    private static double x(int i, int days) {
        return LEFT + (i + 0.5) * PLOT_WIDTH / days;
    }

    private static double y(int value, int top) {
        return TOP + PLOT_HEIGHT - (double) value / top * PLOT_HEIGHT;
    }

    private static String coord(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
