package io.newswatch.ingest;

/**
 * What one poll did.
 *
 * @param sources        sources polled
 * @param sourceFailures sources that could not be fetched or read (feed, sitemap, index page, archive, folder)
 * @param entries        entries seen that passed their source's include/exclude patterns and date range (feed
 *                       items, sitemap URLs, index page links, archived and saved pages)
 * @param published      article versions sent to Kafka (new articles and changed ones)
 * @param unchanged      entries whose article was already published as it is (same feed GUID, or same URL and
 *                       date, seen earlier in this process; or the same content hash on the topic)
 * @param pageFailures   entries whose page could not be fetched or held no article text (stored pages included)
 */
public record IngestStats(int sources, int sourceFailures, int entries, int published, int unchanged,
                          int pageFailures) {

    /** The two polls' counts added up. */
    public IngestStats plus(IngestStats o) {
        return new IngestStats(sources + o.sources, sourceFailures + o.sourceFailures, entries + o.entries,
                published + o.published, unchanged + o.unchanged, pageFailures + o.pageFailures);
    }
}
