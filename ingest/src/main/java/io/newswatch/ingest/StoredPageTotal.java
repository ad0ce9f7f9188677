package io.newswatch.ingest;

import io.newswatch.ingest.source.SourceReader;

/**
 * The number of stored pages in range a backfill should expect while it is still reading the source, without reading
 * it twice: the pages in range found before the source's last reported position ({@link SourceReader.Sink#position}),
 * scaled by the share of the source that lay before that position; never fewer than the pages found so far. It
 * assumes the pages in range are spread evenly over the source, which a crawl's archive roughly is; once the reading
 * has ended, {@link #found()} is the exact number. Used on the reading thread only.
 */
final class StoredPageTotal {
    private int found;
    private int foundAtPosition;
    private long positionRead;
    private long positionTotal;

    /** A page in range was read. */
    void add() {
        found++;
    }

    /** The source reported how much of it lies before the entry it is about to hand over. */
    void position(long read, long total) {
        foundAtPosition = found;
        positionRead = read;
        positionTotal = total;
    }

    /** The pages in range read so far. */
    int found() {
        return found;
    }

    /** The pages in range to expect in all, as estimated now. */
    int estimate() {
        if (positionRead <= 0 || positionTotal <= 0) {
            return found;
        }
        long scaled = Math.round(foundAtPosition * (double) positionTotal / positionRead);
        return (int) Math.max(found, Math.min(Integer.MAX_VALUE, scaled));
    }
}
