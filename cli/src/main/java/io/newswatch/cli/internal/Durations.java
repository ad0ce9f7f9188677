package io.newswatch.cli.internal;

import java.time.Duration;

/** Durations as people read them in tables: "45s", "12m", "3h 5m", "2d 4h". */
public final class Durations {
    private Durations() {
    }

    /** The duration in its two largest units (negative durations read as zero). */
    public static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            long m = s % 3600 / 60;
            return s / 3600 + "h" + (m == 0 ? "" : " " + m + "m");
        }
        long h = s % 86_400 / 3600;
        return s / 86_400 + "d" + (h == 0 ? "" : " " + h + "h");
    }
}
