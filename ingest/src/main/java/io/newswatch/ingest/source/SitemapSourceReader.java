package io.newswatch.ingest.source;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code sitemap} sources with crawler-commons' {@link SiteMapParser}: XML sitemaps and sitemap indexes as
 * the sitemaps.org protocol 0.9 defines them (also plain-text and RSS/Atom sitemaps, which the protocol allows), with
 * the Google News sitemap extension ({@code news:publication_date}, {@code news:title}).
 *
 * <p>Contract:
 * <ul>
 *   <li>A sitemap index is followed breadth first, at most {@value #MAX_DEPTH} levels below the source's sitemap
 *       and at most {@value #MAX_SITEMAPS} sitemaps per poll; a sitemap is read once per poll even when listed
 *       twice. A child sitemap whose index {@code lastmod} is before the source's {@code since} is not fetched: by
 *       the protocol nothing in it changed after that date.</li>
 *   <li>Each URL becomes a link whose date is its news publication date when given, else its {@code lastmod}, and
 *       whose title is its {@code news:title}, if any.</li>
 *   <li>With {@code discover: robots} the source's URL names a site: its {@code /robots.txt} is fetched (through
 *       the polite fetcher) and every {@code Sitemap:} line it announces (RFC 9309 section 2.2.4 leaves them to
 *       the sitemaps.org protocol) is read as above.</li>
 *   <li>The parser runs in lenient mode: the sitemaps.org rule that URLs sit below the sitemap's own directory is
 *       not enforced, since news sites commonly serve {@code /sitemaps/news.xml} listing {@code /world/...}; the
 *       source's include/exclude patterns are the place to narrow URLs. DOCTYPEs are refused.</li>
 *   <li>The source's sitemap (or its robots.txt, or every sitemap robots.txt announces) failing fails the source;
 *       a failing child sitemap, or one of several announced sitemaps, is a WARN and is skipped.</li>
 * </ul>
 *
 * <p>Polling adapts (see {@link io.newswatch.ingest.IngestService}): after a poll that published nothing new, a
 * 304 included, the next interval is 1.5 times the last, at most 4 times the configured one; after a poll with
 * new articles it is half the last, at least a quarter of the configured one.
 */
public final class SitemapSourceReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(SitemapSourceReader.class);
    static final int MAX_DEPTH = 3;
    static final int MAX_SITEMAPS = 50;

    private final PoliteFetcher fetcher;

    private record Pending(String url, int depth) {
    }

    public SitemapSourceReader(PoliteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public void read(Source source, Sink sink) throws SourceReadException {
        SiteMapParser parser = new SiteMapParser(false);
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        List<String> roots = source.discoverRobots() ? announcedSitemaps(source) : List.of(source.url());
        Deque<Pending> queue = new ArrayDeque<>();
        roots.forEach(r -> queue.add(new Pending(r, 0)));
        Set<String> seen = new HashSet<>();
        int read = 0;
        int parsed = 0;
        boolean first = true;
        while (!queue.isEmpty()) {
            Pending next = queue.poll();
            if (!seen.add(next.url())) {
                continue;
            }
            if (read >= MAX_SITEMAPS) {
                LOG.warn("source {}: more than {} sitemaps, the rest are not read this poll", source.id(),
                        MAX_SITEMAPS);
                return;
            }
            read++;
            AbstractSiteMap map;
            try {
                map = fetchAndParse(parser, next.url());
            } catch (SourceReadException e) {
                if (first && !source.discoverRobots()) {
                    throw e;
                }
                LOG.warn("source {}: {}", source.id(), e.getMessage());
                continue;
            } finally {
                first = false;
            }
            parsed++;
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    Instant lastmod = child.getLastModified() == null ? null : child.getLastModified().toInstant();
                    if (source.range().endsBeforeStart(lastmod)) {
                        continue;
                    }
                    if (next.depth() + 1 > MAX_DEPTH) {
                        LOG.warn("source {}: sitemap index nested deeper than {} levels at {}, not followed",
                                source.id(), MAX_DEPTH, child.getUrl());
                        continue;
                    }
                    queue.add(new Pending(child.getUrl().toString(), next.depth() + 1));
                }
            } else if (map instanceof SiteMap urls) {
                for (SiteMapURL u : urls.getSiteMapUrls()) {
                    if (!sink.accept(linkOf(u))) {
                        return;
                    }
                }
            }
        }
        if (parsed == 0) {
            throw new SourceReadException("source " + source.id() + ": none of the sitemaps " + roots
                    + " could be read");
        }
    }

    private AbstractSiteMap fetchAndParse(SiteMapParser parser, String url) throws SourceReadException {
        try {
            FetchResult r = fetcher.fetch(url);
            String type = r.contentType() == null ? guessType(r.url()) : r.contentType();
            return parser.parseSiteMap(type, r.body(), URI.create(r.url()).toURL());
        } catch (FetchException e) {
            throw new SourceReadException(e.getMessage(), e);
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new SourceReadException("cannot read sitemap " + url + ": " + e.getMessage(), e);
        }
    }

    private static String guessType(String url) {
        return url.endsWith(".txt") ? "text/plain" : url.endsWith(".gz") ? "application/gzip" : "text/xml";
    }

    private static SourceEntry.Link linkOf(SiteMapURL u) {
        Instant date = u.getLastModified() == null ? null : u.getLastModified().toInstant();
        String title = null;
        ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata m : news) {
                if (m instanceof NewsAttributes n) {
                    if (n.getPublicationDateTime() != null) {
                        date = n.getPublicationDateTime().toInstant();
                    }
                    if (n.getTitle() != null && !n.getTitle().isBlank()) {
                        title = n.getTitle().replaceAll("\\s+", " ").trim();
                    }
                }
            }
        }
        URL url = u.getUrl();
        return new SourceEntry.Link(url.toString(), null, title, date);
    }

    /** The sitemaps robots.txt announces for the source's site; none is a failure of the source. */
    private List<String> announcedSitemaps(Source source) throws SourceReadException {
        String robotsUrl;
        try {
            robotsUrl = URI.create(source.url()).resolve("/robots.txt").toString();
        } catch (IllegalArgumentException e) {
            throw new SourceReadException("source " + source.id() + ": bad URL " + source.url(), e);
        }
        FetchResult r;
        try {
            r = fetcher.fetch(robotsUrl);
        } catch (FetchException e) {
            throw new SourceReadException("source " + source.id() + ": " + e.getMessage(), e);
        }
        BaseRobotRules rules = new SimpleRobotRulesParser().parseContent(robotsUrl, r.body(),
                r.contentType() == null ? "text/plain" : r.contentType(), List.of("newswatch"));
        List<String> sitemaps = rules.getSitemaps();
        if (sitemaps.isEmpty()) {
            throw new SourceReadException("source " + source.id() + ": " + robotsUrl + " announces no sitemap");
        }
        return List.copyOf(sitemaps);
    }
}
