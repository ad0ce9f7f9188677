package io.newswatch.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newswatch.console.web.WebServer;
import io.newswatch.model.serde.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * error bodies are {@code {"error": message, ...}}. Any other path is 404 ({@code text/plain}), any method but GET
 * and HEAD is 405 on every path. HEAD answers as GET would, without the body.
 *
 * <p>Served by a {@link WebServer} (Javalin) on every interface, with a pool of 8 daemon threads
 * ({@code newswatch-http-N}). Nothing listens until {@link #start}, which is also where a taken port fails.
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
    private static final String JSON = "application/json";
    private static final String PLAIN = "text/plain";
    /** Scrapes and probes are short and rare: two acceptor/selector threads and six for requests. */
    private static final int THREADS = 8;

    private final int requestedPort;
    private final Map<String, Function<Map<String, String>, Object>> jsonEndpoints = new LinkedHashMap<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private WebServer server;

    /**
     * Prepares the server for {@code port} (0 picks a free one at {@link #start}); binds nothing yet.
     *
     * @throws IllegalArgumentException when the port is outside 0..65535
     */
    public ObservabilityServer(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
        }
        this.requestedPort = port;
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

    /**
     * The port it listens on.
     *
     * @throws IllegalStateException before {@link #start}
     */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("/metrics and /health are not served yet");
        }
        return server.port();
    }

    /**
     * Serves {@code GET path} with {@code handler}, which gets the query parameters (decoded; the first of a
     * repeated name) and returns what is written as JSON.
     *
     * @throws IllegalArgumentException when the path is {@code /metrics}, {@code /health} or already taken
     * @throws IllegalStateException    after {@link #start}: routes are fixed when the server starts
     */
    public synchronized void addJsonEndpoint(String path, Function<Map<String, String>, Object> handler) {
        if (server != null) {
            throw new IllegalStateException("add " + path + " before the server starts");
        }
        if (path.equals("/metrics") || path.equals("/health") || jsonEndpoints.putIfAbsent(path, handler) != null) {
            throw new IllegalArgumentException("the path " + path + " is already served");
        }
    }

    /**
     * Binds the port and starts serving, with {@code health} called for every {@code /health} request.
     *
     * @throws IllegalStateException naming the address when the port cannot be bound ("port N is already in
     *                               use"), or when it was started before
     */
    public synchronized void start(Supplier<Health> health) {
        if (server != null) {
            throw new IllegalStateException("/metrics and /health are served already");
        }
        Map<String, Function<Map<String, String>, Object>> endpoints = Map.copyOf(jsonEndpoints);
        server = WebServer.create("/metrics and /health", "newswatch-http", null, requestedPort, THREADS, config -> {
            // the paths are exact, as a scrape configuration names them: /metrics/ is not /metrics
            config.router.ignoreTrailingSlashes = false;
            config.routes.before(ObservabilityServer::onlyGetAndHead);
            WebServer.getAndHead(config.routes, "/metrics", ctx -> ctx.status(200)
                    .contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
            WebServer.getAndHead(config.routes, "/health", ctx -> {
                Health h = health.get();
                json(ctx, 200, Map.of("status", h.degraded() ? "DEGRADED" : "UP", "details", h.details()));
            });
            endpoints.forEach((path, handler) -> WebServer.getAndHead(config.routes, path, jsonHandler(handler)));
            // Javalin's own 404 names the method and path, as JSON for a client that accepts it; ours stays the same
            config.routes.exception(NotFoundResponse.class, (e, ctx) -> ctx.status(404).contentType(PLAIN)
                    .result("try /metrics or /health\n"));
        });
        try {
            server.start();
        } catch (IllegalStateException e) {
            server = null;
            throw e;
        }
    }

    /** Any method but GET and HEAD is refused on every path, served or not. */
    private static void onlyGetAndHead(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ctx.status(405).header("Allow", "GET, HEAD").contentType(PLAIN).result("only GET\n");
            ctx.skipRemainingHandlers();
        }
    }

    private static Handler jsonHandler(Function<Map<String, String>, Object> handler) {
        return ctx -> {
            int status = 200;
            Object body;
            try {
                body = handler.apply(queryParameters(ctx.queryString()));
            } catch (HttpError e) {
                status = e.status();
                body = e.body();
            } catch (RuntimeException e) {
                LOG.warn("{} failed", ctx.path(), e);
                status = 500;
                body = Map.of("error", "internal error: " + e);
            }
            json(ctx, status, body);
        };
    }

    private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType(JSON).result(Json.mapper().writeValueAsString(body));
    }

    /**
     * The decoded query parameters of a raw (still percent-encoded) query; the first value of a repeated name wins.
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

    /** Stops serving (when it was started) and closes the registry. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }
}
