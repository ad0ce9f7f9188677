package io.newswatch.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on 127.0.0.1 for tests: fixed responses per path, changeable while it runs, and a log of every
 * request with the server-side time it arrived and the most requests it ever had in flight at once.
 */
public final class LoopbackSite implements AutoCloseable {
    /** A canned response. */
    public record Page(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Page of(String contentType, String body) {
            return new Page(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Page status(int status, Map<String, String> headers) {
            return new Page(status, "text/plain", new byte[0], headers);
        }
    }

    /** One request as the server saw it. */
    public record Hit(String path, long arrivedNanos, String ifNoneMatch, String acceptEncoding) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long handlingMillis;

    public LoopbackSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /**
     * The URL under another name for the same address ("localhost"), so a fetcher that keeps per-host limits sees
     * a second host.
     */
    public String urlAs(String hostName, String path) {
        return "http://" + hostName + ":" + server.getAddress().getPort() + path;
    }

    public LoopbackSite put(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    /** Makes every response take this long, so overlapping requests would be visible. */
    public void handlingTime(long millis) {
        handlingMillis = millis;
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            String path = ex.getRequestURI().getRawPath();
            if (ex.getRequestURI().getRawQuery() != null) {
                path += "?" + ex.getRequestURI().getRawQuery();
            }
            hits.add(new Hit(path, System.nanoTime(), ex.getRequestHeaders().getFirst("If-None-Match"),
                    ex.getRequestHeaders().getFirst("Accept-Encoding")));
            if (handlingMillis > 0) {
                Thread.sleep(handlingMillis);
            }
            Page page = pages.get(path);
            if (page == null) {
                page = Page.status(404, Map.of());
            }
            String etag = page.headers().get("ETag");
            if (etag != null && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(304, -1);
                return;
            }
            page.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.getResponseHeaders().set("Content-Type", page.contentType());
            byte[] body = page.body();
            ex.sendResponseHeaders(page.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client hung up (a cut body): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
