package io.newswatch.cli.demo;

import org.owasp.encoder.Encode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.newswatch.console.web.WebServer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A small news site served over loopback HTTP for {@code newswatch demo} and the end-to-end tests: an RSS 2.0
 * feed ({@code /rss.xml}), one page per {@link SampleArticle} with the boilerplate real sites carry (navigation,
 * cookie banner, newsletter form, related-story teasers, footer), a {@code robots.txt} and a front page. Any other
 * path is 404, any method but GET and HEAD 405.
 *
 * <p>It binds to 127.0.0.1 only, served as every newswatch server is ({@link WebServer}: Javalin, a few daemon
 * threads). Pages can be edited while it runs ({@link #replaceParagraph}) so tests can check what a changed article
 * does.
 */
public final class DemoSite implements AutoCloseable {
    private static final String SITE = "/io/newswatch/cli/demo/site/";
    private static final String HOST = "127.0.0.1";
    /** One ingester polls it, a page at a time. */
    private static final int THREADS = 6;
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WebServer server;
    private final String layout = SampleArticle.read(SITE + "layout.html");
    private volatile List<SampleArticle> articles;

    private DemoSite(int port, List<SampleArticle> articles) {
        this.articles = articles;
        this.server = WebServer.create("the demo site", "demo-site", HOST, port, THREADS, config -> {
            config.routes.before(ctx -> {
                String method = ctx.method().name();
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    send(ctx, 405, "text/plain", "method not allowed");
                    ctx.skipRemainingHandlers();
                }
            });
            WebServer.getAndHead(config.routes, "/robots.txt", ctx -> send(ctx, 200, "text/plain",
                    "User-agent: *\nDisallow: /search\nDisallow: /newsletter\n"));
            WebServer.getAndHead(config.routes, "/rss.xml", ctx -> send(ctx, 200, "application/rss+xml", feed()));
            WebServer.getAndHead(config.routes, "/", ctx -> send(ctx, 200, "text/html", frontPage()));
            WebServer.getAndHead(config.routes, "/news/{page}", this::article);
            config.routes.exception(NotFoundResponse.class, (e, ctx) -> send(ctx, 404, "text/html",
                    "<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>"));
        });
    }

    /**
     * Starts the site on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @throws IllegalStateException naming the address when it cannot listen ("port N is already in use")
     */
    public static DemoSite start(int port, List<SampleArticle> articles) {
        DemoSite site = new DemoSite(port, articles);
        site.server.start();
        return site;
    }

    /** The site's base URL, e.g. {@code http://127.0.0.1:38211}. */
    public String baseUrl() {
        return "http://" + HOST + ":" + server.port();
    }

    /** The feed URL. */
    public String feedUrl() {
        return baseUrl() + "/rss.xml";
    }

    /** The articles the site currently serves. */
    public List<SampleArticle> articles() {
        return articles;
    }

    /** Edits one paragraph of one article, as a newsroom correction would. */
    public synchronized void replaceParagraph(String slug, int index, String text) {
        articles = articles.stream().map(a -> {
            if (!a.slug().equals(slug)) {
                return a;
            }
            var body = new java.util.ArrayList<>(a.paragraphs());
            body.set(index, text);
            return new SampleArticle(a.slug(), a.title(), a.byline(), a.published(), a.section(), a.language(),
                    List.copyOf(body));
        }).toList();
    }

    private void article(Context ctx) {
        String path = ctx.path();
        SampleArticle a = articles.stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
        if (a == null) {
            throw new NotFoundResponse();
        }
        send(ctx, 200, "text/html", page(a));
    }

    private static void send(Context ctx, int status, String type, String body) {
        ctx.status(status).contentType(type + "; charset=utf-8").result(body);
    }

    String feed() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n")
                .append("<title>The Northern Dispatch</title>\n<link>").append(baseUrl()).append("/</link>\n")
                .append("<description>News from Europe and Asia</description>\n<language>en</language>\n");
        for (SampleArticle a : articles) {
            String url = baseUrl() + a.path();
            sb.append("<item>\n  <title>").append(xml(a.title())).append("</title>\n  <link>").append(url)
                    .append("?utm_source=rss&amp;utm_medium=feed</link>\n  <guid isPermaLink=\"false\">dispatch-")
                    .append(a.slug()).append("</guid>\n  <pubDate>").append(RFC_822.format(a.published()))
                    .append("</pubDate>\n  <description>").append(xml(a.paragraphs().get(0)))
                    .append("</description>\n</item>\n");
        }
        return sb.append("</channel>\n</rss>\n").toString();
    }

    String page(SampleArticle a) {
        StringBuilder body = new StringBuilder();
        for (String p : a.paragraphs()) {
            if (p.startsWith("## ")) {
                body.append("        <h2>").append(xml(p.substring(3))).append("</h2>\n");
            } else {
                body.append("        <p>").append(xml(p)).append("</p>\n");
            }
        }
        StringBuilder related = new StringBuilder();
        int i = articles.indexOf(a);
        for (int k = 1; k <= 3; k++) {
            SampleArticle r = articles.get((i + k) % articles.size());
            related.append("        <li><a href=\"").append(r.path()).append("\">").append(xml(r.title()))
                    .append("</a></li>\n");
        }
        return layout.replace("{{lang}}", a.language())
                .replace("{{title}}", xml(a.title()))
                .replace("{{byline-slug}}", a.byline().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-"))
                .replace("{{byline}}", xml(a.byline()))
                .replace("{{url}}", baseUrl() + a.path())
                .replace("{{date-human}}", HUMAN.format(a.published()))
                .replace("{{date}}", a.published().toString())
                .replace("{{section-slug}}", a.section().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"))
                .replace("{{section}}", xml(a.section()))
                .replace("{{related}}", related.toString().stripTrailing())
                .replace("{{body}}", body.toString().stripTrailing());
    }

    private String frontPage() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>The Northern Dispatch</title></head><body><h1>The Northern Dispatch</h1><ul>\n");
        for (SampleArticle a : articles) {
            sb.append("<li><a href=\"").append(a.path()).append("\">").append(xml(a.title())).append("</a></li>\n");
        }
        return sb.append("</ul></body></html>\n").toString();
    }

    /** Text for HTML and for XML (the feed), by the OWASP Java Encoder, whose references are valid in both. */
    private static String xml(String s) {
        return Encode.forXml(s);
    }

    @Override
    public void close() {
        server.close();
    }
}
