package io.newswatch.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0) feeds with Rome.
 *
 * <p>The XML encoding comes from the XML declaration or byte-order mark (Rome's {@link XmlReader}, per the XML
 * 1.0 spec appendix F); DOCTYPEs are refused, so no external entity is ever resolved. Each entry's link is resolved
 * against the feed URL (relative links are common in hand-made feeds). An entry without a link is skipped with a
 * WARN naming the feed; the others are kept. Thread safe.
 */
public final class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    /**
     * The feed's entries in feed order.
     *
     * @throws FeedException naming the feed URL when the body is not a well-formed RSS or Atom feed
     */
    public List<FeedEntry> read(byte[] body, String feedUrl) throws FeedException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (IOException | com.rometools.rome.io.FeedException | IllegalArgumentException e) {
            throw new FeedException("cannot read feed " + feedUrl + ": " + e.getMessage(), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (SyndEntry e : feed.getEntries()) {
            String rawLink = linkOf(e);
            String link = resolve(feedUrl, rawLink);
            if (link == null) {
                skipped++;
                continue;
            }
            // Rome falls back to the raw link when an item has no guid; the resolved link is the better identity
            String rawGuid = e.getUri() == null ? "" : e.getUri().trim();
            String guid = rawGuid.isEmpty() || rawGuid.equals(rawLink) ? link : rawGuid;
            String title = e.getTitle() == null ? null : e.getTitle().replaceAll("\\s+", " ").trim();
            Date date = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            entries.add(new FeedEntry(link, guid, title == null || title.isEmpty() ? null : title,
                    date == null ? null : date.toInstant()));
        }
        if (skipped > 0) {
            LOG.warn("feed {}: skipped {} entr{} without a link", feedUrl, skipped, skipped == 1 ? "y" : "ies");
        }
        return entries;
    }

    private static String linkOf(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().trim();
        }
        for (SyndLink l : e.getLinks()) {
            if ((l.getRel() == null || l.getRel().equals("alternate")) && l.getHref() != null
                    && !l.getHref().isBlank()) {
                return l.getHref().trim();
            }
        }
        return null;
    }

    private static String resolve(String feedUrl, String link) {
        if (link == null) {
            return null;
        }
        try {
            return feedUrl == null ? link : URI.create(feedUrl).resolve(link).toString();
        } catch (IllegalArgumentException e) {
            LOG.warn("feed {}: entry link '{}' is not a valid URL, skipped", feedUrl, link);
            return null;
        }
    }
}
