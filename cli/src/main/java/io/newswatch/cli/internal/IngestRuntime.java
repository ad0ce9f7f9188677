package io.newswatch.cli.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.SourceHealth;
import io.newswatch.ingest.cluster.SourceGroupMember;
import io.newswatch.ingest.cluster.SourceStatusWriter;
import io.newswatch.ingest.cluster.SourcesFileWatcher;
import io.newswatch.ingest.cluster.SourcesTopic;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A continuously running ingester that shares its sources with the other instances through Kafka: the sources file
 * (when given) is synced to news.sources and watched for edits, the instance joins the ingest group and polls its
 * share, statuses go to news.sources.status, and with {@code ingest.http.port} set, {@code /metrics} and
 * {@code /health} are served. Everything is registered with the {@link Lifecycle}, which closes it in reverse order:
 * the group member first (its sources are retired and flushed, then it leaves the group so the others take over),
 * then the file watcher, the HTTP server and the service.
 */
public final class IngestRuntime {
    private final IngestService ingest;
    private final CompactedTopicWriter.SyncResult synced;
    private final ObservabilityServer http;

    private IngestRuntime(IngestService ingest, CompactedTopicWriter.SyncResult synced, ObservabilityServer http) {
        this.ingest = ingest;
        this.synced = synced;
        this.http = http;
    }

    /**
     * Starts it.
     *
     * @param sourcesFile the sources file to sync and watch, or null to take the list on news.sources as it is
     * @throws io.newswatch.ingest.source.SourcesException when the sources file is missing or invalid
     */
    public static IngestRuntime start(Lifecycle lifecycle, KafkaConnection kafka, Path sourcesFile) {
        NewswatchConfig config = kafka.config();
        String prefix = config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-ingest";
        int port = config.get(ConfigKeys.INGEST_HTTP_PORT);
        ObservabilityServer http = port >= 0 ? lifecycle.add(new ObservabilityServer(port)) : null;
        MeterRegistry registry = http != null ? http.registry() : new SimpleMeterRegistry();
        PoliteFetcher fetcher = lifecycle.add(new PoliteFetcher(FetcherSettings.from(config)));
        SourceStatusWriter status = lifecycle.add(new SourceStatusWriter(kafka.clientProperties(),
                prefix + "-status"));
        IngestService ingest = lifecycle.add(new IngestService(config, kafka.clientProperties(), List.of(), fetcher,
                registry));
        if (http != null) {
            // before anything is written or polled, so that a taken port fails the command with nothing done
            http.start(() -> {
                List<SourceHealth> health = ingest.health();
                return new ObservabilityServer.Health(health.stream().anyMatch(h -> !h.healthy()),
                        Map.of("instance", ingest.instance(), "sources", health));
            });
        }
        ingest.onStatus(status);
        ingest.start();
        CompactedTopicWriter.SyncResult synced = null;
        if (sourcesFile != null) {
            SourcesFileWatcher watcher = new SourcesFileWatcher(sourcesFile,
                    new SourcesTopic(kafka.clientProperties(), prefix), config.get(ConfigKeys.SOURCES_WATCH));
            synced = watcher.start();
            lifecycle.add(watcher);
        }
        Thread loop = new Thread(ingest::runUntilStopped, "newswatch-ingest");
        loop.setDaemon(true);
        loop.start();
        SourceGroupMember member = new SourceGroupMember(kafka.clientProperties(),
                config.get(ConfigKeys.INGEST_GROUP_ID), prefix + "-sources", ingest);
        member.start();
        lifecycle.add(member);
        return new IngestRuntime(ingest, synced, http);
    }

    public IngestService ingest() {
        return ingest;
    }

    /** What syncing the sources file changed on news.sources, or null when no file was given. */
    public CompactedTopicWriter.SyncResult synced() {
        return synced;
    }

    /** The port of /metrics and /health, or -1 when they are off. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }
}
