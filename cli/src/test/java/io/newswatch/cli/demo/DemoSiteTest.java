package io.newswatch.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The demo news site: its feed, pages, robots.txt, 404 and 405, on loopback only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DemoSite site;
    private SampleArticle first;

    @BeforeAll
    void start() {
        site = DemoSite.start(0, SampleArticle.all());
        first = site.articles().get(0);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /robots.txt             | 200 | text/plain; charset=utf-8          | Disallow: /newsletter
            GET    | /rss.xml                | 200 | application/rss+xml; charset=utf-8 | <rss version="2.0">
            GET    | /                       | 200 | text/html; charset=utf-8           | The Northern Dispatch
            GET    | /news/no-such-story.html | 404 | text/html; charset=utf-8          | Page not found
            GET    | /elsewhere              | 404 | text/html; charset=utf-8           | Page not found
            POST   | /rss.xml                | 405 | text/plain; charset=utf-8          | method not allowed
            PUT    | /nowhere                | 405 | text/plain; charset=utf-8          | method not allowed
            HEAD   | /rss.xml                | 200 | application/rss+xml; charset=utf-8 |
            HEAD   | /elsewhere              | 404 | text/html; charset=utf-8           |
            """)
    void answersAsANewsSiteWould(String method, String path, int status, String type, String body) throws Exception {
        HttpResponse<String> response = send(method, path);
        assertThat(response.statusCode()).isEqualTo(status);
        // Jetty writes its well-known types without the space ("text/html;charset=utf-8"): the same media type
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase(type.replace(" ", ""));
        if (body == null) {
            assertThat(response.body()).isEmpty();
        } else {
            assertThat(response.body()).contains(body);
        }
    }

    @Test
    void servesEveryArticleItsFeedListsAndAnEditShows() throws Exception {
        String feed = send("GET", "/rss.xml").body();
        for (SampleArticle a : site.articles()) {
            assertThat(feed).contains("<link>" + site.baseUrl() + a.path() + "?utm_source=rss");
            HttpResponse<String> page = send("GET", a.path() + "?utm_source=rss&utm_medium=feed");
            assertThat(page.statusCode()).as(a.path()).isEqualTo(200);
        }
        site.replaceParagraph(first.slug(), 0, "A correction: the ship sailed on Tuesday & not on Monday.");
        assertThat(send("GET", first.path()).body())
                .contains("A correction: the ship sailed on Tuesday &amp; not on Monday.");
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(site.baseUrl()).startsWith("http://127.0.0.1:");
        // 127.0.0.2 reaches a socket bound to every interface on Linux, but not one bound to 127.0.0.1
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux loopback");
        URI other = URI.create(site.baseUrl().replace("127.0.0.1", "127.0.0.2") + "/rss.xml");
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(other).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> DemoSite.start(taken.getLocalPort(), List.of(first)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is already in use");
        }
    }
}
