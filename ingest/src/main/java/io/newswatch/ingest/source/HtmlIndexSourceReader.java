package io.newswatch.ingest.source;

import crawlercommons.domains.EffectiveTldFinder;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Reads {@code html-index} sources: a section front page whose article links are picked with the source's jsoup
 * CSS {@code selector}.
 *
 * <p>Contract: a selected element with an {@code href} is a link; any other selected element contributes the
 * {@code a[href]} links inside it. Links are made absolute against the page's final URL (after redirects, and its
 * {@code <base href>}), their fragment dropped, and each URL is listed once, in page order, with the link text as
 * title. Only http(s) links on the same site as the page (same registrable domain, per the public suffix list,
 * via crawler-commons' {@link EffectiveTldFinder}) are kept, unless an {@code include} pattern of the source
 * matches the link. The page carries no dates, so entries are undated.
 *
 * <p>The page is fetched with a conditional GET (RFC 9110 section 13) once an ETag or Last-Modified is known for
 * the source; a 304 lists nothing and calls {@link Sink#notModified} with the page's URL. Validators are kept per
 * source definition (a source whose selector or patterns change is read in full again), for at most
 * {@value #MAX_REMEMBERED} definitions per reader, the least recently used dropped first. They are stored only
 * once every link of the page was handed to the sink: a page whose reading failed or was stopped by the sink is
 * fetched unconditionally next time.
 *
 * <p>Polling adapts (see {@link io.newswatch.ingest.IngestService}): after a poll that published nothing new, a
 * 304 included, the next interval is 1.5 times the last, at most 4 times the configured one; after a poll with
 * new articles it is half the last, at least a quarter of the configured one.
 */
public final class HtmlIndexSourceReader implements SourceReader {
    static final int MAX_REMEMBERED = 1024;

    private final PoliteFetcher fetcher;
    /** Keyed by the whole definition: a changed selector or pattern must not inherit a 304. */
    private final Map<Source, Validators> validators;

    private record Validators(String etag, String lastModified) {
    }

    public HtmlIndexSourceReader(PoliteFetcher fetcher) {
        this(fetcher, MAX_REMEMBERED);
    }

    /** With a smaller bound on remembered sources, so tests can watch the eldest being dropped. */
    HtmlIndexSourceReader(PoliteFetcher fetcher, int maxRemembered) {
        this.fetcher = fetcher;
        this.validators = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Source, Validators> eldest) {
                return size() > maxRemembered;
            }
        });
    }

    @Override
    public void read(Source source, Sink sink) throws SourceReadException {
        FetchResult page;
        Document doc;
        try {
            Validators known = validators.get(source);
            PoliteFetcher f = fetcher.allowing(source.allowAddresses());
            page = known == null ? f.fetch(source.url()) : f.fetch(source.url(), known.etag(), known.lastModified());
            if (page.notModified()) {
                if (known == null) {
                    throw new SourceReadException("index page " + source.url()
                            + " answered 304 to an unconditional request");
                }
                sink.notModified(page.url());
                return;
            }
            validators.remove(source);
            doc = Jsoup.parse(new ByteArrayInputStream(page.body()), null, page.url());
        } catch (FetchException e) {
            throw new SourceReadException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceReadException("cannot read index page " + source.url() + ": " + e.getMessage(), e);
        }
        Map<String, String> links = new LinkedHashMap<>();
        try {
            for (Element el : doc.select(source.selector())) {
                if (el.hasAttr("href")) {
                    add(links, el, page.url(), source);
                } else {
                    for (Element a : el.select("a[href]")) {
                        add(links, a, page.url(), source);
                    }
                }
            }
        } catch (Selector.SelectorParseException e) {
            throw new SourceReadException("source " + source.id() + ": bad selector: " + e.getMessage(), e);
        }
        for (var e : links.entrySet()) {
            if (!sink.accept(new SourceEntry.Link(e.getKey(), null, e.getValue(), null))) {
                return;
            }
        }
        if (page.etag() != null || page.lastModified() != null) {
            validators.put(source, new Validators(page.etag(), page.lastModified()));
        }
    }

    private static void add(Map<String, String> links, Element a, String pageUrl, Source source) {
        String abs = a.absUrl("href");
        if (abs.isEmpty()) {
            return;
        }
        int hash = abs.indexOf('#');
        String url = hash >= 0 ? abs.substring(0, hash) : abs;
        String scheme = url.length() > 8 ? url.substring(0, url.indexOf(':') + 1).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http:") && !scheme.equals("https:")) {
            return;
        }
        if (!sameSite(url, pageUrl) && !source.filter().included(url)) {
            return;
        }
        String text = a.text().replaceAll("\\s+", " ").trim();
        links.merge(url, text, (old, now) -> old.isEmpty() ? now : old);
    }

    /** Same registrable domain ("www.example.co.uk" and "news.example.co.uk"); IP addresses must be equal. */
    static boolean sameSite(String url, String pageUrl) {
        try {
            String a = URI.create(url).getHost();
            String b = URI.create(pageUrl).getHost();
            if (a == null || b == null) {
                return false;
            }
            return site(a).equals(site(b));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String site(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.matches("[0-9.]+") || h.contains(":") || h.startsWith("[")) {
            return h;
        }
        String assigned = EffectiveTldFinder.getAssignedDomain(h, true, false);
        return assigned == null ? h : assigned;
    }
}
