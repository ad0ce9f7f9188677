package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.newswatch.model.serde.Json;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /metrics in the Prometheus text format, /health as JSON, 404 and 405, on every interface. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean degraded = new AtomicBoolean();
    private ObservabilityServer server;

    @BeforeAll
    void start() {
        server = new ObservabilityServer(0);
        Counter.builder("newswatch.ingest.articles.published").tag("source", "quay-news")
                .register(server.registry()).increment(3);
        server.addJsonEndpoint("/api/echo", q -> q);
        server.start(() -> new ObservabilityServer.Health(degraded.get(),
                Map.of("sources", List.of(Map.of("id", "quay-news", "healthy", !degraded.get())))));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String host, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return send("127.0.0.1", method, path);
    }

    @Test
    void servesMetricsAndHealth() throws Exception {
        HttpResponse<String> metrics = send("GET", "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
                .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("newswatch_ingest_articles_published_total{source=\"quay-news\"} 3.0")
                .contains("jvm_memory_used_bytes");

        HttpResponse<String> up = send("GET", "/health");
        assertThat(up.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/json");
        assertThat(Json.mapper().readTree(up.body()))
                .isEqualTo(Json.mapper().readTree("{\"status\":\"UP\",\"details\":{\"sources\":"
                        + "[{\"id\":\"quay-news\",\"healthy\":true}]}}"));
    }

    @Test
    void aDegradedServiceIsStillAliveAndSaysWhy() throws Exception {
        degraded.set(true);
        try {
            HttpResponse<String> health = send("GET", "/health");
            assertThat(health.statusCode()).as("a degraded ingester is still alive").isEqualTo(200);
            JsonNode body = Json.mapper().readTree(health.body());
            assertThat(body).isEqualTo(Json.mapper().readTree("{\"status\":\"DEGRADED\",\"details\":{\"sources\":"
                    + "[{\"id\":\"quay-news\",\"healthy\":false}]}}"));
        } finally {
            degraded.set(false);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /metrics    | 200 | text/plain; version=0.0.4 | newswatch_ingest
            GET    | /health     | 200 | application/json          | "status":"UP"
            GET    | /api/echo   | 200 | application/json          | {}
            GET    | /nope       | 404 | text/plain                | try /metrics or /health
            GET    | /           | 404 | text/plain                | try /metrics or /health
            GET    | /metrics/   | 404 | text/plain                | try /metrics or /health
            GET    | /HEALTH     | 404 | text/plain                | try /metrics or /health
            POST   | /metrics    | 405 | text/plain                | only GET
            PUT    | /health     | 405 | text/plain                | only GET
            DELETE | /api/echo   | 405 | text/plain                | only GET
            POST   | /nope       | 405 | text/plain                | only GET
            HEAD   | /health     | 200 | application/json          |
            HEAD   | /metrics    | 200 | text/plain; version=0.0.4 |
            HEAD   | /nope       | 404 | text/plain                |
            """)
    void answersEveryMethodAndPathAsBefore(String method, String path, int status, String type, String body)
            throws Exception {
        HttpResponse<String> response = send(method, path);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
        if (body == null) {
            assertThat(response.body()).as("HEAD has no body").isEmpty();
        } else {
            assertThat(response.body()).contains(body);
        }
        if (status == 405) {
            assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        }
    }

    @Test
    void listensOnEveryInterfaceNotJustLoopback() throws Exception {
        // the whole of 127.0.0.0/8 reaches a socket bound to every interface on Linux; one bound to 127.0.0.1 only
        // would refuse 127.0.0.2
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux loopback");
        assertThat(send("127.0.0.2", "GET", "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void routesAreFixedAtStartAndThePortIsKnownFromThen() {
        assertThatThrownBy(() -> server.addJsonEndpoint("/api/late", q -> q))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the server starts");
        assertThatThrownBy(() -> server.start(() -> new ObservabilityServer.Health(false, Map.of())))
                .isInstanceOf(IllegalStateException.class);
        try (ObservabilityServer unstarted = new ObservabilityServer(0)) {
            assertThatThrownBy(unstarted::port).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> unstarted.addJsonEndpoint("/health", q -> q))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new ObservabilityServer(70_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTakenPortFailsTheStartNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0); ObservabilityServer second = new ObservabilityServer(
                taken.getLocalPort())) {
            assertThatThrownBy(() -> second.start(() -> new ObservabilityServer.Health(false, Map.of())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
            assertThatThrownBy(second::port).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void itsThreadsAreDaemonsAndEndWhenClosed() throws Exception {
        List<Thread> before = httpThreads();
        ObservabilityServer another = new ObservabilityServer(0);
        another.start(() -> new ObservabilityServer.Health(false, Map.of()));
        int port = another.port();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        List<Thread> its = httpThreads().stream().filter(t -> !before.contains(t)).toList();
        assertThat(its).as("its own threads").isNotEmpty().allMatch(Thread::isDaemon);

        another.close();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> its.stream().noneMatch(Thread::isAlive));
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString()))
                .as("nothing listens any more").isInstanceOf(java.io.IOException.class);
    }

    private static List<Thread> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("newswatch-http"))
                .toList();
    }
}
