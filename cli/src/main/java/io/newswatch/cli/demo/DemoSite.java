package io.newswatch.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small news site served over loopback HTTP for {@code newswatch demo} and the end-to-end tests: an RSS 2.0
 * feed ({@code /rss.xml}), one page per {@link SampleArticle} with the boilerplate real sites carry (navigation,
 * cookie banner, newsletter form, related-story teasers, footer), a {@code robots.txt} and a front page.
 *
 * <p>It binds to 127.0.0.1 only. Pages can be edited while it runs ({@link #replaceParagraph}) so tests can
 * check what a changed article does.
 */
public final class DemoSite implements AutoCloseable {
    private static final String SITE = "/io/newswatch/cli/demo/site/";
    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HUMAN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "demo-site");
        t.setDaemon(true);
        return t;
    });
    private final String layout = SampleArticle.read(SITE + "layout.html");
    private volatile List<SampleArticle> articles;

    private DemoSite(HttpServer server, List<SampleArticle> articles) {
        this.server = server;
        this.articles = articles;
    }

    /**
     * Starts the site on 127.0.0.1.
     *
     * @param port the port, 0 for any free one
     * @throws IOException when the port is taken (the message says so) or the server cannot start
     */
    public static DemoSite start(int port, List<SampleArticle> articles) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new IOException("port " + port + " is already in use", e);
        }
        DemoSite site = new DemoSite(server, articles);
        server.createContext("/", site::handle);
        server.setExecutor(site.executor);
        server.start();
        return site;
    }

    /** The site's base URL, e.g. {@code http://127.0.0.1:38211}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "method not allowed");
            } else if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nDisallow: /search\nDisallow: /newsletter\n");
            } else if (path.equals("/rss.xml")) {
                send(ex, 200, "application/rss+xml", feed());
            } else if (path.equals("/")) {
                send(ex, 200, "text/html", frontPage());
            } else {
                SampleArticle a = articles.stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
                if (a == null) {
                    send(ex, 404, "text/html", "<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>");
                } else {
                    send(ex, 200, "text/html", page(a));
                }
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
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

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
