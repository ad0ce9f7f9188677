package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.newswatch.model.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** /metrics in the Prometheus text format, /health as JSON, on a loopback port. */
class ObservabilityServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesMetricsAndHealth() throws Exception {
        AtomicBoolean degraded = new AtomicBoolean();
        try (ObservabilityServer server = new ObservabilityServer(0)) {
            Counter.builder("newswatch.ingest.articles.published").tag("source", "quay-news")
                    .register(server.registry()).increment(3);
            server.start(() -> new ObservabilityServer.Health(degraded.get(),
                    Map.of("sources", List.of(Map.of("id", "quay-news", "healthy", !degraded.get())))));
            int port = server.port();

            HttpResponse<String> metrics = get(port, "/metrics", "GET");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.body()).contains("newswatch_ingest_articles_published_total{source=\"quay-news\"} 3.0")
                    .contains("jvm_memory_used_bytes");

            JsonNode up = Json.mapper().readTree(get(port, "/health", "GET").body());
            assertThat(up.get("status").asText()).isEqualTo("UP");
            degraded.set(true);
            HttpResponse<String> health = get(port, "/health", "GET");
            assertThat(health.statusCode()).as("a degraded ingester is still alive").isEqualTo(200);
            JsonNode down = Json.mapper().readTree(health.body());
            assertThat(down.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(down.at("/details/sources/0/healthy").asBoolean()).isFalse();

            assertThat(get(port, "/nope", "GET").statusCode()).isEqualTo(404);
            assertThat(get(port, "/metrics", "POST").statusCode()).isEqualTo(405);
        }
    }
}
