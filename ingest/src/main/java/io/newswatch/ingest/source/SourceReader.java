package io.newswatch.ingest.source;

/**
 * Lists what one type of source offers now. One implementation per type: {@link FeedSourceReader},
 * {@link SitemapSourceReader}, {@link HtmlIndexSourceReader}, {@link WarcSourceReader}, {@link FolderSourceReader}.
 *
 * <p>Contract: entries are handed to the sink one at a time, in source order, so a large archive is never held in
 * memory; reading stops early when the sink returns false. Readers do not apply the source's include/exclude
 * patterns or date range (the caller does, once, for every type), except where that saves network requests.
 * Readers are thread safe and may be called for different sources at once.
 */
public interface SourceReader {

    /** Receives entries; returns false to stop the reading. */
    @FunctionalInterface
    interface Sink {
        boolean accept(SourceEntry entry);

        /**
         * Told when a conditional request for the source itself (a feed, a sitemap, an index page) came back 304
         * Not Modified: the entries it would list were handed over at an earlier read.
         */
        default void notModified(String url) {
        }

        /**
         * Told, before each entry of a source read from local files ({@code warc}, {@code folder}), how much of the
         * source lies before that entry: {@code read} of {@code total} units, bytes of the files for a WARC
         * (compressed bytes for a gzipped one) and files for a folder; and {@code (total, total)} once the whole
         * source was read. A caller can estimate from it how many entries are still to come without reading the
         * source twice. Other sources never call it.
         */
        default void position(long read, long total) {
        }
    }

    /**
     * Reads the source.
     *
     * @throws SourceReadException naming the source when it cannot be read at all (entries already handed over
     *                             stay handed over)
     */
    void read(Source source, Sink sink) throws SourceReadException;
}
