package io.newswatch.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.newswatch.console.internal.AlertFeed;
import io.newswatch.console.internal.AlertView;
import io.newswatch.console.internal.Html;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The analyst's console: a web server (Javalin) that shows the alerts of {@code news.alerts} as they arrive.
 *
 * <p>The live page lists the newest alerts, filtered on the server by text, rule, severity, outlet, tag and entity
 * (the filters live in the URL), and a server-sent event stream ({@code /alerts/stream}) pushes each new alert that
 * passes the same filters as a rendered, escaped fragment; a page that reconnects sends the last event id it saw and
 * gets what it missed. Pages are plain HTML with htmx and one small script, all served from the console itself
 * (WebJars), so it works with no network; every response carries a Content-Security-Policy that allows scripts,
 * styles and connections from the console only.
 *
 * <p>Failure behaviour: see {@link ConsoleOptions} for the bind and token rules, which are checked before anything
 * starts; {@link AlertFeed} for a broker that is away or a record that is not an alert.
 */
public final class Console implements AutoCloseable {
    /**
     * How many of the newest alerts the console keeps in memory (a few KB each: about 30 MB beside the pipeline in
     * {@code run}'s 512 MB heap) and filters on the server.
     */
    public static final int KEPT = 10_000;
    private static final int PAGE = 100;
    private static final String SESSION = "newswatch_session";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final AlertFeed feed;
    private final Javalin app;
    private final ConsoleOptions options;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();

    private Console(ConsoleOptions options, AlertFeed feed) {
        this.options = options;
        this.feed = feed;
        this.app = Javalin.create(config -> {
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/io/newswatch/console/static";
                files.location = Location.CLASSPATH;
            });
            config.routes.before(this::guard);
            config.routes.get("/", this::livePage);
            config.routes.get("/alerts", this::alertList);
            config.routes.post("/login", this::login);
            config.routes.sse("/alerts/stream", this::stream);
        });
    }

    /** Starts the console against the cluster at {@code bootstrapServers}, with no other client settings. */
    public static Console start(ConsoleOptions options, String bootstrapServers) {
        Properties client = new Properties();
        client.put("bootstrap.servers", bootstrapServers);
        return start(options, client);
    }

    /**
     * Starts the console against a cluster; {@code client} holds {@code bootstrap.servers} and any other Kafka
     * client settings the cluster needs.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static Console start(ConsoleOptions options, Properties client) {
        AlertFeed feed = new AlertFeed(client, KEPT);
        Console console = new Console(options, feed);
        try {
            console.app.start();
        } catch (RuntimeException e) {
            feed.close();
            throw new IllegalStateException("the console cannot listen on " + options.bind() + ":" + options.port()
                    + ": " + e.getMessage(), e);
        }
        return console;
    }

    /** The address a browser opens. */
    public String url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return "http://" + host + ":" + app.port() + "/";
    }

    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (options.token() == null || ctx.path().equals("/login") || ctx.path().startsWith("/static/")
                || ctx.path().startsWith("/webjars/")) {
            return;
        }
        String session = ctx.cookie(SESSION);
        String auth = ctx.header("Authorization");
        boolean ok = (session != null && sessions.contains(session))
                || (auth != null && auth.startsWith("Bearer ") && matches(auth.substring(7)));
        if (!ok) {
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/html; charset=utf-8").result(page("Sign in",
                    "<form method=\"post\" action=\"/login\"><label>Access token <input type=\"password\" "
                            + "name=\"token\" autocomplete=\"off\"></label> <button>Open</button></form>"));
            ctx.skipRemainingHandlers();
        }
    }

    private boolean matches(String presented) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                options.token().getBytes(StandardCharsets.UTF_8));
    }

    private void login(Context ctx) {
        String presented = ctx.formParam("token");
        if (options.token() == null || presented == null || !matches(presented)) {
            ctx.status(HttpStatus.UNAUTHORIZED).result("wrong token");
            return;
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        sessions.add(session);
        ctx.header("Set-Cookie", SESSION + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.redirect("/");
    }

    private void livePage(Context ctx) {
        Filter filter = Filter.of(ctx);
        StringBuilder body = new StringBuilder(8192);
        body.append("<form class=\"filters\" action=\"/\" method=\"get\" hx-get=\"/alerts\" hx-target=\"#alerts\" ")
                .append("hx-trigger=\"input changed delay:300ms, change\" hx-push-url=\"true\">")
                .append(input("q", "search", filter.text))
                .append(select("rule", filter.rule, choices(a -> a.ruleId())))
                .append(select("severity", filter.severity,
                        choices(a -> a.severity() == null ? null : a.severity().toLowerCase(Locale.ROOT))))
                .append(select("source", filter.source, choices(Alert::sourceId)))
                .append(select("tag", filter.tag, feed.count(Alert::tags).keySet()))
                .append(select("entity", filter.entity, feed.count(Alert::entities).keySet()))
                .append("<span id=\"connection\" class=\"connection\">connecting</span></form>");
        body.append("<ul id=\"alerts\" class=\"alerts\" data-stream=\"/alerts/stream").append(Html.escape(
                filter.query())).append("\">");
        list(body, filter);
        body.append("</ul>");
        ctx.contentType("text/html; charset=utf-8").result(page("Live alerts", body.toString()));
    }

    /** The values of a single-valued key among the kept alerts. */
    private Set<String> choices(java.util.function.Function<Alert, String> key) {
        return feed.count(a -> Collections.singletonList(key.apply(a))).keySet();
    }

    private void alertList(Context ctx) {
        StringBuilder body = new StringBuilder(8192);
        list(body, Filter.of(ctx));
        ctx.contentType("text/html; charset=utf-8").result(body.toString());
    }

    private void list(StringBuilder out, Filter filter) {
        for (AlertFeed.Entry e : feed.newest(filter, PAGE)) {
            out.append(AlertView.render(e.alert()));
        }
    }

    private void stream(SseClient client) {
        Filter filter = Filter.of(client.ctx());
        client.keepAlive();
        String last = client.ctx().header("Last-Event-ID");
        Consumer<AlertFeed.Entry> send = e -> {
            if (!client.terminated() && filter.test(e.alert())) {
                client.sendEvent("alert", AlertView.render(e.alert()).replace('\n', ' ').replace('\r', ' '),
                        Long.toString(e.sequence()));
            }
        };
        if (last != null && last.matches("\\d{1,18}")) {
            feed.after(Long.parseLong(last)).forEach(send);
        }
        feed.listen(send);
        client.onClose(() -> feed.unlisten(send));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + " · newswatch</title><meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>"
                + "<link rel=\"stylesheet\" href=\"/static/console.css\">"
                + "<script src=\"/webjars/htmx.org/" + HTMX + "/dist/htmx.min.js\" defer></script>"
                + "<script src=\"/static/console.js\" defer></script></head><body><header><h1>newswatch</h1>"
                + "<nav><a href=\"/\">Live alerts</a></nav></header><main><h2>" + Html.escape(title) + "</h2>"
                + body + "</main></body></html>";
    }

    /** The htmx version the console was built with, read from the WebJar's own properties. */
    private static final String HTMX = htmxVersion();

    private static String htmxVersion() {
        try (var in = Console.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            var props = new java.util.Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "missing");
        } catch (java.io.IOException e) {
            return "missing";
        }
    }

    private static String input(String name, String label, String value) {
        return "<label>" + label + " <input type=\"search\" name=\"" + name + "\" value=\""
                + Html.escape(value) + "\"></label> ";
    }

    private static String select(String name, String chosen, Set<String> values) {
        StringBuilder s = new StringBuilder("<label>" + name + " <select name=\"" + name + "\"><option value=\"\">"
                + "all</option>");
        for (String v : values) {
            s.append("<option").append(v.equals(chosen) ? " selected" : "").append(" value=\"")
                    .append(Html.escape(v)).append("\">").append(Html.escape(v)).append("</option>");
        }
        return s.append("</select></label> ").toString();
    }

    @Override
    public void close() {
        app.stop();
        feed.close();
    }

    /** The list's filters, from the query string; empty means any. */
    private record Filter(String text, String rule, String severity, String source, String tag, String entity)
            implements Predicate<Alert> {
        static Filter of(Context ctx) {
            return new Filter(param(ctx, "q"), param(ctx, "rule"), param(ctx, "severity"), param(ctx, "source"),
                    param(ctx, "tag"), param(ctx, "entity"));
        }

        private static String param(Context ctx, String name) {
            String v = ctx.queryParam(name);
            return v == null ? "" : v.strip();
        }

        @Override
        public boolean test(Alert a) {
            return (rule.isEmpty() || rule.equals(a.ruleId()))
                    && (severity.isEmpty() || severity.equalsIgnoreCase(a.severity()))
                    && (source.isEmpty() || source.equals(a.sourceId()))
                    && (tag.isEmpty() || a.tags().contains(tag))
                    && (entity.isEmpty() || a.entities().contains(entity))
                    && (text.isEmpty() || contains(a.title(), text) || contains(a.url(), text)
                    || proofContains(a.evidence(), text));
        }

        private static boolean proofContains(List<Evidence> evidence, String text) {
            for (Evidence e : evidence) {
                if (contains(e.text(), text)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean contains(String haystack, String needle) {
            return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
        }

        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "q", text);
            append(q, "rule", rule);
            append(q, "severity", severity);
            append(q, "source", source);
            append(q, "tag", tag);
            append(q, "entity", entity);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (!value.isEmpty()) {
                q.append(q.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }
}
