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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A service's HTTP side for operators: {@code GET /metrics} in the Prometheus text format (the service's meters plus
 * JVM and process meters) and {@code GET /health} as JSON.
 *
 * <p>Contract: {@code /health} answers 200 while the process runs, with a body whose {@code status} is {@code UP} or,
 * when the health supplier reports a problem (an unhealthy source, say), {@code DEGRADED}, so a liveness probe never
 * restarts an ingester because a web site is down, while a dashboard still sees it. Any other path is 404, any
 * other method 405. Served by two daemon threads with the JDK's HTTP server; listens on every interface.
 */
public final class ObservabilityServer implements AutoCloseable {
    /** What {@code /health} reports. */
    public record Health(boolean degraded, Object details) {
    }

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
                    default -> send(exchange, 404, "text/plain", "try /metrics or /health\n");
                }
            }
        });
        server.start();
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
