package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.serde.Json;
import io.newswatch.streams.TrendCountsQuery.Counts;
import io.newswatch.streams.TrendCountsQuery.HourlyCount;
import io.newswatch.streams.TrendCountsQuery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /api/counts: parameters, defaults, JSON, and the 400 and 503 answers, alone and served on a loopback port. */
class CountsEndpointTest {
    private static final Instant NOW = Instant.parse("2025-03-02T10:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final List<Object[]> calls = new ArrayList<>();

    /** A fake store: two hours, the first with 3 articles; checks the range as the real query does. */
    private Counts fakeCounts(String tag, Instant from, Instant to) {
        calls.add(new Object[] {tag, from, to});
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (tag.equals("CN")) {
            throw new TrendCountsQuery.CountsUnavailableException("the counts of 'CN' are held by 10.0.0.2:8081",
                    "10.0.0.2:8081");
        }
        Instant start = Instant.parse("2025-03-01T08:00:00Z");
        return new Counts(tag, start, start.plus(Duration.ofHours(2)), 3, List.of(
                new HourlyCount(start, start.plus(Duration.ofHours(1)), 3),
                new HourlyCount(start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(2)), 0)));
    }

    private final CountsEndpoint endpoint = new CountsEndpoint(this::fakeCounts, CLOCK);

    @Test
    void theRangeDefaultsToTheLast24Hours() {
        endpoint.apply(Map.of("tag", "ru-kp"));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).containsExactly("ru-kp", NOW.minus(Duration.ofHours(24)), NOW);

        endpoint.apply(Map.of("tag", "RU", "to", "2025-03-01T12:00:00Z"));
        assertThat(calls.get(1)).containsExactly("RU", Instant.parse("2025-02-28T12:00:00Z"),
                Instant.parse("2025-03-01T12:00:00Z"));
    }

    @Test
    void acceptsInstantsOffsetsAndDates() {
        // an unencoded '+' arrives as a space
        endpoint.apply(Map.of("tag", "ru-kp", "from", "2025-03-01", "to", "2025-03-01T12:00:00 02:00"));
        assertThat(calls.get(0)).containsExactly("ru-kp", Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void refusesAMissingTagABadTimeAndABadRangeWith400() {
        assertThatThrownBy(() -> endpoint.apply(Map.of()))
                .isInstanceOfSatisfying(ObservabilityServer.HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("tag=");
        assertThatThrownBy(() -> endpoint.apply(Map.of("tag", "RU", "from", "yesterday")))
                .isInstanceOfSatisfying(ObservabilityServer.HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("'from' is not a time: yesterday");
        assertThatThrownBy(() -> endpoint.apply(Map.of("tag", "RU", "from", "2025-03-02", "to", "2025-03-01")))
                .isInstanceOfSatisfying(ObservabilityServer.HttpError.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("must be before");
        assertThat(calls).hasSize(1);
    }

    private static HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheCountsAsJsonAndErrorsAsJsonWithTheirStatus() throws Exception {
        try (ObservabilityServer server = new ObservabilityServer(0)) {
            server.addJsonEndpoint(CountsEndpoint.PATH, endpoint);
            assertThatThrownBy(() -> server.addJsonEndpoint("/metrics", q -> q))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> server.addJsonEndpoint(CountsEndpoint.PATH, q -> q))
                    .isInstanceOf(IllegalArgumentException.class);
            server.start(() -> new ObservabilityServer.Health(false, Map.of("state", "RUNNING")));
            int port = server.port();

            HttpResponse<String> ok = get(port, "/api/counts?tag=ru-kp&from=2025-03-01T08%3A00%3A00Z"
                    + "&to=2025-03-01T10:00:00%2B00:00");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/json");
            JsonNode body = Json.mapper().readTree(ok.body());
            assertThat(body.get("tag").asText()).isEqualTo("ru-kp");
            assertThat(body.get("total").asLong()).isEqualTo(3);
            assertThat(body.at("/hours/0/start").asText()).isEqualTo("2025-03-01T08:00:00Z");
            assertThat(body.at("/hours/0/end").asText()).isEqualTo("2025-03-01T09:00:00Z");
            assertThat(body.at("/hours/0/count").asLong()).isEqualTo(3);
            assertThat(body.at("/hours/1/count").asLong()).isZero();
            assertThat(calls.get(0)).containsExactly("ru-kp", Instant.parse("2025-03-01T08:00:00Z"),
                    Instant.parse("2025-03-01T10:00:00Z"));

            HttpResponse<String> bad = get(port, "/api/counts?from=2025-03-01");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Json.mapper().readTree(bad.body()).get("error").asText()).contains("tag=ru-kp");
            // java.net.URI refuses to send broken percent-encoding, so the parser is asked directly
            assertThatThrownBy(() -> ObservabilityServer.queryParameters("tag=%zz"))
                    .isInstanceOfSatisfying(ObservabilityServer.HttpError.class,
                            e -> assertThat(e.status()).isEqualTo(400));

            HttpResponse<String> elsewhere = get(port, "/api/counts?tag=CN");
            assertThat(elsewhere.statusCode()).isEqualTo(503);
            JsonNode error = Json.mapper().readTree(elsewhere.body());
            assertThat(error.get("owner").asText()).isEqualTo("10.0.0.2:8081");
            assertThat(error.get("error").asText()).contains("held by 10.0.0.2:8081");

            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            assertThat(get(port, "/api/other").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aFailingHandlerAnswers500WithoutStoppingTheServer() throws Exception {
        try (ObservabilityServer server = new ObservabilityServer(0)) {
            server.addJsonEndpoint("/api/boom", q -> {
                throw new IllegalStateException("boom");
            });
            server.addJsonEndpoint("/api/echo", q -> q);
            server.start(() -> new ObservabilityServer.Health(false, Map.of()));

            HttpResponse<String> boom = get(server.port(), "/api/boom");
            assertThat(boom.statusCode()).isEqualTo(500);
            assertThat(Json.mapper().readTree(boom.body()).get("error").asText()).contains("boom");
            HttpResponse<String> echo = get(server.port(), "/api/echo?a=1&a=2&b=x%20y&c");
            assertThat(Json.mapper().readTree(echo.body()).toString()).isEqualTo("{\"a\":\"1\",\"b\":\"x y\",\"c\":\"\"}");
        }
    }
}
