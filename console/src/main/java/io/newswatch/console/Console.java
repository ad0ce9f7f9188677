package io.newswatch.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.newswatch.console.internal.AlertFeed;
import io.newswatch.console.internal.ArticleIndex;
import io.newswatch.console.internal.Catalogue;
import io.newswatch.console.internal.Html;
import io.newswatch.console.internal.Layout;
import io.newswatch.console.internal.LedgerPage;
import io.newswatch.console.internal.LivePage;
import io.newswatch.console.internal.TrendsPage;
import io.newswatch.console.web.WebServer;
import io.newswatch.model.LedgerFilter;
import io.newswatch.model.Silence;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.charts.UplotCharts;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The analyst's console: a web server (Javalin, built as every newswatch server is: {@link WebServer}) over the
 * pipeline's topics. Pages: the live alerts ({@code news.alerts}, pushed as they arrive over server-sent events), an
 * article with its evidence ({@code news.tagged}), the violations ledger ({@code news.events}), trends (articles per
 * hour or day of a tag or entity, counted from {@code news.tagged}), rules ({@code news.rules}: check, backtest,
 * push), silences ({@code news.silences}) and sources with the dead letters ({@code news.sources.status},
 * {@code news.dlq}, {@code news.alerts.dlq}). Its actions run the code the CLI commands run.
 *
 * <p>Security: every scraped value is escaped ({@link Html}); every response carries a Content-Security-Policy that
 * allows scripts, styles and connections from the console only; every POST carries a CSRF token tied to the session
 * (or to this process on loopback without a token) and, when the browser sends one, an Origin equal to the console's;
 * on any address but loopback an access token is required ({@link ConsoleOptions}) and exchanged for an HttpOnly,
 * SameSite=Strict session cookie. The token itself is never sent back to a browser.
 *
 * <p>Failure behaviour: see {@link ConsoleOptions} for the bind and token rules, checked before anything starts; a
 * topic that does not exist yet or a broker that is away leaves its page empty with a notice, and the console keeps
 * trying; a failed action is shown on its page with the reason and changes nothing.
 */
public final class Console implements AutoCloseable {
    /**
     * How many of the newest alerts the console keeps in memory (a few KB each: about 30 MB beside the pipeline in
     * {@code run}'s 512 MB heap) and filters on the server.
     */
    public static final int KEPT = 10_000;
    private static final String SESSION = "newswatch_session";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * Request threads: pages are quick and the live streams wait without holding one (server-sent events are
     * asynchronous in Javalin), so a few analysts need few.
     */
    private static final int THREADS = 32;

    private final WebServer server;
    private final ConsoleOptions options;
    private final Sources sources;
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final byte[] csrfKey = new byte[32];

    private Console(ConsoleOptions options, Sources sources) {
        this.options = options;
        this.sources = sources;
        random.nextBytes(csrfKey);
        Actions actions = new Actions(sources, this::csrf);
        this.server = WebServer.create("the console", "newswatch-console", options.bind(), options.port(), THREADS,
                config -> {
                config.staticFiles.enableWebjars();
                config.staticFiles.add(files -> {
                    files.hostedPath = "/static";
                    files.directory = "/io/newswatch/console/static";
                    files.location = Location.CLASSPATH;
                });
                config.routes.before(this::guard);
                // the chart script the replay report carries inline, served from the streams module's jar
                config.routes.get("/static/charts.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                        .result(UplotCharts.glueScript()));
                config.routes.get("/", ctx -> html(ctx, "/", "Live alerts",
                        LivePage.page(sources.feed(), ctx::queryParam, ctx.queryString())));
                config.routes.get("/alerts", ctx -> ctx.contentType("text/html; charset=utf-8")
                        .result(LivePage.list(sources.feed(), ctx::queryParam)));
                config.routes.sse("/alerts/stream", client -> LivePage.stream(sources.feed(), client));
                config.routes.post("/login", this::login);
                config.routes.get("/article/{id}", actions::article);
                config.routes.get("/ledger", this::ledger);
                config.routes.get("/trends", ctx -> html(ctx, "/trends", "Trends",
                        TrendsPage.render(sources.articles(), ctx::queryParam)));
                config.routes.get("/rules", actions::rules);
                config.routes.post("/rules/check", actions::checkRules);
                config.routes.post("/rules/backtest", actions::backtest);
                config.routes.post("/rules/push", actions::pushRules);
                config.routes.get("/silences", actions::silences);
                config.routes.post("/silences", actions::addSilence);
                config.routes.post("/silences/{id}/expire", actions::expireSilence);
                config.routes.get("/sources", actions::sources);
                config.routes.post("/dead-letters/redrive", actions::redrive);
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
     * @throws IllegalStateException naming the address when it cannot be bound ("port N is already in use" when
     *                               the port is taken); nothing is left running then
     */
    public static Console start(ConsoleOptions options, Properties client) {
        Sources sources = new Sources(client, new AlertFeed(client, KEPT), new ArticleIndex(client),
                new Catalogue<>(client, "newswatch-console-events", Topics.EVENTS),
                new Catalogue<>(client, "newswatch-console-rules", Topics.RULES),
                new Catalogue<>(client, "newswatch-console-silences", Topics.SILENCES),
                new Catalogue<>(client, "newswatch-console-sources", Topics.SOURCE_STATUS));
        Console console = new Console(options, sources);
        Actions.warmUp();
        try {
            console.server.start();
        } catch (IllegalStateException e) {
            sources.close();
            throw e;
        }
        return console;
    }

    /**
     * What the console has read so far: the alerts it keeps, the ledger's events, the tagged articles it indexed.
     *
     * @param alerts   alerts kept (at most {@link #KEPT})
     * @param events   violation events in the ledger
     * @param articles tagged articles indexed
     */
    public record Loaded(int alerts, int events, int articles) {
    }

    /** What the console has read so far. */
    public Loaded loaded() {
        return new Loaded(sources.feed().size(), sources.ledger().size(), sources.articles().size());
    }

    /** The address a browser opens. */
    public String url() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        return "http://" + host + ":" + server.port() + "/";
    }

    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a form POST carries "Origin: null", which the CSRF check refuses
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        boolean open = ctx.path().equals("/login") || ctx.path().startsWith("/static/")
                || ctx.path().startsWith("/webjars/");
        if (options.token() != null && !open && !signedIn(ctx)) {
            ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/html; charset=utf-8").result(Layout.page("", "Sign in",
                    "<form method=\"post\" action=\"/login\"><label>Access token <input type=\"password\" "
                            + "name=\"token\" autocomplete=\"off\"></label> <button>Open</button></form>"));
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().name().equals("POST") && !ctx.path().equals("/login") && !csrfOk(ctx)) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/html; charset=utf-8").result(Layout.page("",
                    "Refused", Layout.notice("error", "This form is out of date or came from another site; "
                            + "reload the page and try again.")));
            ctx.skipRemainingHandlers();
        }
    }

    private boolean signedIn(Context ctx) {
        String session = ctx.cookie(SESSION);
        String auth = ctx.header("Authorization");
        return (session != null && sessions.contains(session))
                || (auth != null && auth.startsWith("Bearer ") && matches(auth.substring(7)));
    }

    /** The form token of this request's session: an HMAC of the session id, never the access token. */
    String csrf(Context ctx) {
        String session = ctx.cookie(SESSION);
        String subject = session != null && sessions.contains(session) ? session : "no-session";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private boolean csrfOk(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("http://" + ctx.host())) {
            return false;
        }
        String presented = ctx.formParam("csrf");
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                csrf(ctx).getBytes(StandardCharsets.UTF_8));
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

    private void ledger(Context ctx) {
        LedgerFilter filter = LedgerPage.filter(ctx::queryParam);
        int page = 1;
        try {
            page = Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
        } catch (NumberFormatException e) {
            // page 1
        }
        Catalogue<ViolationRecord> ledger = sources.ledger();
        html(ctx, "/ledger", "Violations ledger", LedgerPage.render(ledger.all(LedgerFilter.NEWEST_FIRST), filter,
                page, ledger.loaded()));
    }

    static void html(Context ctx, String path, String title, String body) {
        ctx.contentType("text/html; charset=utf-8").result(Layout.page(path, title, body));
    }

    @Override
    public void close() {
        server.close();
        sources.close();
    }

    /** What the console reads, each followed on its own thread. */
    record Sources(Properties client, AlertFeed feed, ArticleIndex articles, Catalogue<ViolationRecord> ledger,
                   Catalogue<String> rules, Catalogue<Silence> silences, Catalogue<SourceStatus> status)
            implements AutoCloseable {
        @Override
        public void close() {
            feed.close();
            articles.close();
            ledger.close();
            rules.close();
            silences.close();
            status.close();
        }
    }
}
