package io.newswatch.ingest;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an ingest integration test runs against: one embedded Kafka broker for the test class, and for each test a
 * fresh loopback web site and a polite fetcher (test User-Agent, 10 s timeout, 1 MiB bodies, the given host delay).
 * Register it on a {@code static} field with {@code @RegisterExtension}; everything is closed after use.
 */
public final class LoopbackIngest implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final Duration hostDelay;
    private EmbeddedKafka kafka;
    private LoopbackSite site;
    private PoliteFetcher fetcher;

    public LoopbackIngest(Duration hostDelay) {
        this.hostDelay = hostDelay;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kafka.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        site = new LoopbackSite();
        fetcher = new PoliteFetcher(new FetcherSettings("newswatch-test/1.0", Duration.ofSeconds(10), hostDelay,
                1 << 20, 5, 4, Duration.ofHours(1)).allowing("127.0.0.1"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        fetcher.close();
        site.close();
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public LoopbackSite site() {
        return site;
    }

    public PoliteFetcher fetcher() {
        return fetcher;
    }

    /** Connection properties for the broker. */
    public Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }
}
