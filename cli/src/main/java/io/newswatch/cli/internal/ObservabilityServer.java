package io.newswatch.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.model.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's HTTP side for operators: {@code GET /metrics} in the Prometheus text format (the service's meters plus
 * JVM and process meters), {@code GET /health} as JSON, and any JSON endpoints the service adds
 * ({@link #addJsonEndpoint}).
 *
 * <p>Contract: {@code /health} answers 200 while the process runs, with a body whose {@code status} is {@code UP} or,
 * when the health supplier reports a problem (an unhealthy source, say), {@code DEGRADED}, so a liveness probe never
 * restarts an ingester because a web site is down, while a dashboard still sees it. A JSON endpoint answers 200 with
 * its handler's result as JSON, or the status of an {@link HttpError} it throws, or 500 for any other exception;
 * error bodies are {@code {"error": message, ...}}. Any other path is 404, any other method 405. Served by two daemon threads with the JDK's HTTP server; listens on every interface.
 */
public final class ObservabilityServer implements AutoCloseable {
    /** What {@code /health} reports. */
    public record Health(boolean degraded, Object details) {
    }

    /**
     * Thrown by a JSON endpoint's handler to answer with {@code status} and the body
     * {@code {"error": message}} plus {@code details}.
     */
    public static final class HttpError extends RuntimeException {
        private final int status;
        private final Map<String, Object> details;

        public HttpError(int status, String message) {
            this(status, message, Map.of());
        }

        public HttpError(int status, String message, Map<String, ?> details) {
            super(message);
            this.status = status;
            this.details = Map.copyOf(details);
        }

        public int status() {
            return status;
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", getMessage());
            body.putAll(details);
            return body;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ObservabilityServer.class);
    private final Map<String, Function<Map<String, String>, Object>> jsonEndpoints = new ConcurrentHashMap<>();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "newswatch-http");
        t.setDaemon(true);
        return t;
    });

    /**
     * Binds the port (0 picks a free one) but serves nothing until {@link #start}.
     *
     * @throws UncheckedIOException naming the port when it cannot be bound
     */
    public ObservabilityServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + " for /metrics and /health: "
                    + e.getMessage(), e);
        }
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
    }

    /** The registry whose meters {@code /metrics} shows; bind the service's meters to it. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves {@code GET path} with {@code handler}, which gets the query parameters (decoded; the first of a
     * repeated name) and returns what is written as JSON. Call before {@link #start}.
     *
     * @throws IllegalArgumentException when the path is {@code /metrics}, {@code /health} or already taken
     */
    public void addJsonEndpoint(String path, Function<Map<String, String>, Object> handler) {
        if (path.equals("/metrics") || path.equals("/health") || jsonEndpoints.putIfAbsent(path, handler) != null) {
            throw new IllegalArgumentException("the path " + path + " is already served");
        }
    }

    /** Starts serving, with {@code health} called for every {@code /health} request. */
    public void start(Supplier<Health> health) {
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    send(exchange, 405, "text/plain", "only GET\n");
                    return;
                }
                switch (exchange.getRequestURI().getPath()) {
                    case "/metrics" -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                            registry.scrape());
                    case "/health" -> {
                        Health h = health.get();
                        send(exchange, 200, "application/json", Json.mapper().writeValueAsString(Map.of(
                                "status", h.degraded() ? "DEGRADED" : "UP", "details", h.details())));
                    }
                    default -> {
                        Function<Map<String, String>, Object> handler =
                                jsonEndpoints.get(exchange.getRequestURI().getPath());
                        if (handler == null) {
                            send(exchange, 404, "text/plain", "try /metrics or /health\n");
                        } else {
                            serveJson(exchange, handler);
                        }
                    }
                }
            }
        });
        server.start();
    }

    private static void serveJson(HttpExchange exchange, Function<Map<String, String>, Object> handler)
            throws IOException {
        int status = 200;
        Object body;
        try {
            body = handler.apply(queryParameters(exchange.getRequestURI().getRawQuery()));
        } catch (HttpError e) {
            status = e.status();
            body = e.body();
        } catch (RuntimeException e) {
            LOG.warn("{} failed", exchange.getRequestURI(), e);
            status = 500;
            body = Map.of("error", "internal error: " + e);
        }
        send(exchange, status, "application/json", Json.mapper().writeValueAsString(body));
    }

    /**
     * The decoded query parameters; the first value of a repeated name wins.
     *
     * @throws HttpError 400 when the query is not valid percent-encoding
     */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "the query is not valid percent-encoding: " + pair);
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        registry.close();
    }
}
