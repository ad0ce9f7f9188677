package io.newswatch.cli.internal;

import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.ingest.IngestService;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.Source;
import io.newswatch.streams.StreamsService;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.util.List;

/**
 * The three services wired together on one cluster, started in dependency order (streams and alerts first, so
 * nothing the ingester publishes waits for a consumer that is still joining) and closed in reverse order by the
 * {@link Lifecycle} they are registered with.
 */
public final class Pipeline {
    private final StreamsService streams;
    private final AlertsService alerts;
    private final IngestService ingest;

    private Pipeline(StreamsService streams, AlertsService alerts, IngestService ingest) {
        this.streams = streams;
        this.alerts = alerts;
        this.ingest = ingest;
    }

    /**
     * Starts streams, then alerts, then a continuously running ingester that syncs and watches the sources file and
     * shares the sources with any other ingest instance (see {@link IngestRuntime}); it polls on its own.
     */
    public static Pipeline startWatching(Lifecycle lifecycle, KafkaConnection kafka, Tagger tagger,
                                         DeliveryPlan receivers, Path sourcesFile) {
        StreamsService streams = startStreams(lifecycle, kafka, tagger);
        AlertsService alerts = startAlerts(lifecycle, kafka, receivers);
        IngestRuntime ingest = IngestRuntime.start(lifecycle, kafka, sourcesFile);
        return new Pipeline(streams, alerts, ingest.ingest());
    }

    private static StreamsService startStreams(Lifecycle lifecycle, KafkaConnection kafka, Tagger tagger) {
        return StreamsRuntime.start(lifecycle, kafka, tagger);
    }

    private static AlertsService startAlerts(Lifecycle lifecycle, KafkaConnection kafka,
                                             DeliveryPlan receivers) {
        AlertsService alerts = lifecycle.add(new AlertsService(kafka.config(), kafka.clientProperties(), receivers));
        alerts.start();
        return alerts;
    }

    /**
     * Starts streams, then alerts, then prepares an ingester over exactly the given sources, not shared with other
     * instances (the caller drives it, e.g. one {@link IngestService#pollOnce()} for the demo).
     */
    public static Pipeline start(Lifecycle lifecycle, KafkaConnection kafka, Tagger tagger,
                                 DeliveryPlan receivers, List<Source> sources) {
        StreamsService streams = startStreams(lifecycle, kafka, tagger);
        AlertsService alerts = startAlerts(lifecycle, kafka, receivers);
        PoliteFetcher fetcher = lifecycle.add(new PoliteFetcher(FetcherSettings.from(kafka.config())));
        IngestService ingest = lifecycle.add(new IngestService(kafka.config(), kafka.clientProperties(), sources,
                fetcher));
        ingest.start();
        return new Pipeline(streams, alerts, ingest);
    }

    public StreamsService streams() {
        return streams;
    }

    public AlertsService alerts() {
        return alerts;
    }

    public IngestService ingest() {
        return ingest;
    }
}
