package io.newswatch.console.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.net.BindException;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An HTTP server of newswatch, built the one way they all are (the console, the operators' {@code /metrics} and
 * {@code /health}, the demo news site): Javalin on Jetty, one connector with one acceptor and one selector thread,
 * a bounded pool of daemon threads named after the server, no banner and no start-up watcher (a non-daemon thread
 * that would keep a finished command alive for five seconds).
 *
 * <p>Nothing listens until {@link #start}; the routes are all given to {@link #create}, as Javalin 7 requires.
 * {@link #close} stops the server: open connections are closed and its threads end. Daemon threads mean a server
 * never keeps the JVM alive by itself; a command that serves until Ctrl-C waits on its own.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final String what;
    private final String host;
    private final int requestedPort;
    private volatile boolean started;

    private WebServer(Javalin app, String what, String host, int requestedPort) {
        this.app = app;
        this.what = what;
        this.host = host;
        this.requestedPort = requestedPort;
    }

    /**
     * Builds a server; it binds nothing yet.
     *
     * @param what       what it serves, for the start-up failure ("the console", "the demo site")
     * @param threadName the name of its threads, numbered ({@code newswatch-console-12})
     * @param host       the address to listen on, or null for every interface (IPv4 and IPv6)
     * @param port       the port, 0 for any free one
     * @param maxThreads the size of its thread pool, the acceptor and selector threads included (at least 4)
     * @param setup      the routes, error and exception handlers and any other Javalin setting
     * @throws IllegalArgumentException when the port is outside 0..65535 or the pool smaller than 4
     */
    public static WebServer create(String what, String threadName, String host, int port, int maxThreads,
                                   Consumer<JavalinConfig> setup) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
        }
        if (maxThreads < 4) {
            // one acceptor, one selector, and at least two for requests
            throw new IllegalArgumentException("a server needs at least 4 threads, not " + maxThreads);
        }
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 2, 60_000);
            pool.setName(threadName);
            pool.setDaemon(true);
            // no threads kept in reserve for the selector: the pools are small and requests are short
            pool.setReservedThreads(0);
            config.jetty.threadPool = pool;
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                return connector;
            });
            setup.accept(config);
        });
        return new WebServer(app, what, host, port);
    }

    /**
     * Serves {@code GET path} and {@code HEAD path} with the same handler, so a HEAD request gets the status and
     * headers a GET would (Javalin would otherwise answer 200 to HEAD without running the handler).
     */
    public static void getAndHead(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    /**
     * Binds the address and starts serving; returns this server.
     *
     * @throws IllegalStateException naming what it serves and the address, "port N is already in use" when it is
     *                               taken; nothing is left running then
     */
    public WebServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(what + " cannot listen on " + address(requestedPort) + ": " + reason(e), e);
        }
        started = true;
        return this;
    }

    /**
     * The port it listens on (the free one picked for port 0).
     *
     * @throws IllegalStateException before {@link #start}
     */
    public int port() {
        if (!started) {
            throw new IllegalStateException(what + " is not started");
        }
        return app.port();
    }

    /** The address it was given, or null for every interface. */
    public String host() {
        return host;
    }

    private String address(int port) {
        String h = host == null ? "*" : host.contains(":") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    private String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                String message = String.valueOf(bind.getMessage());
                return message.contains("in use") ? "port " + requestedPort + " is already in use" : message;
            }
        }
        return e.getMessage();
    }

    /** Stops serving and ends its threads; does nothing when it never started. */
    @Override
    public void close() {
        if (started) {
            started = false;
            app.stop();
        }
    }
}
