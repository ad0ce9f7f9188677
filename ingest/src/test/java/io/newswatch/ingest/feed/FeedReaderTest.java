package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private final FeedReader reader = new FeedReader();

    private static byte[] feed(String name) throws IOException {
        try (InputStream in = FeedReaderTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsRss2ResolvingRelativeLinksAndSkippingEntriesWithoutLink() throws Exception {
        List<FeedEntry> entries = reader.read(feed("world-rss2.xml"), "https://news.example.org/asia/rss.xml");

        assertThat(entries).containsExactly(
                new FeedEntry("https://news.example.org/asia/2024/03/freight-trains-tumen-bridge",
                        "dispatch-2024-0305-001", "Freight trains resume on the Tumen River bridge",
                        Instant.parse("2024-03-04T23:15:00Z")),
                new FeedEntry("https://news.example.org/asia/2024/02/port-expansion",
                        "https://news.example.org/asia/2024/02/port-expansion", "Port expansion plans put on hold",
                        Instant.parse("2024-02-26T17:00:00Z")));
    }

    @Test
    void readsAtomWithIdsAsGuidsAndUpdatedWhenNotPublished() throws Exception {
        List<FeedEntry> entries = reader.read(feed("shipping-atom.xml"), "https://harbour-ledger.example/feed.atom");

        assertThat(entries).containsExactly(
                new FeedEntry("https://harbour-ledger.example/2024/05/tankers.html",
                        "tag:harbour-ledger.example,2024:post-118", "Tanker traffic doubles at the outer anchorage",
                        Instant.parse("2024-05-14T04:30:00Z")),
                new FeedEntry("https://harbour-ledger.example/2024/05/pilot-boats.html",
                        "tag:harbour-ledger.example,2024:post-117", "Pilot boats get new engines",
                        Instant.parse("2024-05-10T10:00:00Z")));
    }

    @Test
    void malformedFeedFailsNamingTheUrl() {
        byte[] broken = "<rss version=\"2.0\"><channel><item><title>cut off".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(broken, "https://broken.example/rss"))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("https://broken.example/rss");
    }

    @Test
    void htmlInsteadOfAFeedFailsNamingTheUrl() {
        byte[] html = "<html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(html, "https://news.example.org/not-a-feed"))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining("https://news.example.org/not-a-feed");
    }
}
