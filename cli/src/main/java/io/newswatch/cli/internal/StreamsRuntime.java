package io.newswatch.cli.internal;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.streams.StreamsService;
import io.newswatch.streams.TrendCountsQuery;
import io.newswatch.tagger.Tagger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams topology with its HTTP side, as {@code newswatch streams} and {@code newswatch run} start it.
 * With {@code streams.http.port} set it also serves {@code /api/counts} ({@link CountsEndpoint}), {@code /metrics}
 * (with the Kafka Streams metrics) and {@code /health}: {@code UP} while Kafka Streams is RUNNING or REBALANCING,
 * {@code DEGRADED} with its state otherwise. The HTTP side starts before Kafka Streams so a probe sees the start-up
 * (and a taken port fails the command before Kafka Streams runs); until Kafka Streams exists, counts answer 503.
 * Unless {@code kafka.client.application.server} is set, Kafka Streams' {@code application.server} is this host's
 * name and the HTTP port, so with several instances a count held elsewhere is answered with its owner's address.
 */
public final class StreamsRuntime {
    private StreamsRuntime() {
    }

    /**
     * Starts the topology (and the HTTP side when configured), registered with the lifecycle.
     *
     * @return the running service
     */
    public static StreamsService start(Lifecycle lifecycle, KafkaConnection kafka, Tagger tagger) {
        NewswatchConfig config = kafka.config();
        int port = config.get(ConfigKeys.STREAMS_HTTP_PORT);
        ObservabilityServer http = port >= 0 ? lifecycle.add(new ObservabilityServer(port)) : null;
        Properties kafkaProps = kafka.clientProperties();
        // Kafka Streams needs the HTTP port (application.server) before it exists, so the HTTP side starts first
        // and answers for a service that is not there yet: DEGRADED, and counts unavailable
        AtomicReference<StreamsService> service = new AtomicReference<>();
        if (http != null) {
            http.addJsonEndpoint(CountsEndpoint.PATH, new CountsEndpoint((tag, from, to) -> {
                StreamsService s = service.get();
                if (s == null) {
                    throw new TrendCountsQuery.CountsUnavailableException("Kafka Streams is not running yet", null);
                }
                return s.counts(tag, from, to);
            }, Clock.systemUTC()));
            http.start(() -> health(service.get()));
            kafkaProps.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, hostName() + ":" + http.port());
        }
        StreamsService streams = lifecycle.add(new StreamsService(config, kafkaProps, tagger,
                http != null ? http.registry() : null));
        service.set(streams);
        if (http != null) {
            System.err.println("serving " + CountsEndpoint.PATH + ", /metrics and /health on port " + http.port());
        }
        streams.start();
        return streams;
    }

    /** UP while Kafka Streams is RUNNING or REBALANCING; DEGRADED with its state (CREATED before it exists). */
    static ObservabilityServer.Health health(StreamsService streams) {
        KafkaStreams.State state = streams == null ? KafkaStreams.State.CREATED : streams.state();
        return new ObservabilityServer.Health(state != KafkaStreams.State.RUNNING
                && state != KafkaStreams.State.REBALANCING, Map.of("state", state.name()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
