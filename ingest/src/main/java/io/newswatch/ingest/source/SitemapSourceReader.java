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
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>Every sitemap (the source's own, each child of an index, each one robots.txt announces) is fetched with a
 *       conditional GET (RFC 9110 section 13) once an ETag or Last-Modified is known for it. Validators are kept
 *       per source definition and sitemap URL, so a source whose definition changes (a wider date range, other
 *       patterns) is read in full again. They are stored only once a sitemap was parsed and, for a sitemap of
 *       URLs, all its URLs were handed to the sink: a sitemap that failed to parse, or whose reading the sink
 *       stopped, is fetched unconditionally next time.</li>
 *   <li>A 304 for a sitemap of URLs means its URLs were handed over at an earlier read: it lists nothing. A 304
 *       for an index means its list of children is unchanged, not that they are: the children it listed last time
 *       (those the date range lets through, at most {@value #MAX_SITEMAPS}) are followed again, each conditionally,
 *       since many sites leave an index untouched while its children grow. When every sitemap requested in a poll
 *       answered 304, {@link Sink#notModified} is called once, with the source's URL.</li>
 *   <li>At most {@value #MAX_REMEMBERED} sitemaps' validators are kept per reader, the least recently used
 *       dropped first, so a huge index or many sources cannot grow them without bound; a dropped sitemap is simply
 *       fetched in full at its next read.</li>
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
    static final int MAX_REMEMBERED = 4096;

    private final PoliteFetcher fetcher;
    private final Map<Key, Remembered> remembered;

    private record Pending(String url, int depth) {
    }

    /** The whole source definition is part of the key: a changed definition must not inherit a 304. */
    private record Key(Source source, String url) {
    }

    /**
     * What a conditional request needs, and for an index the children to follow when it answers 304.
     */
    private record Remembered(String etag, String lastModified, List<String> children) {
    }

    /** A fetched sitemap: parsed, with the validators it came with, or on 304 what was remembered of it. */
    private record Fetched(AbstractSiteMap map, String etag, String lastModified, Remembered unchanged) {
    }

    public SitemapSourceReader(PoliteFetcher fetcher) {
        this(fetcher, MAX_REMEMBERED);
    }

    /** With a smaller bound on remembered sitemaps, so tests can watch the eldest being dropped. */
    SitemapSourceReader(PoliteFetcher fetcher, int maxRemembered) {
        this.fetcher = fetcher;
        this.remembered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
                return size() > maxRemembered;
            }
        });
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
        int answered = 0;
        boolean allNotModified = true;
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
            Key key = new Key(source, next.url());
            Fetched fetched;
            try {
                fetched = fetchAndParse(parser, key);
            } catch (SourceReadException e) {
                allNotModified = false;
                if (first && !source.discoverRobots()) {
                    throw e;
                }
                LOG.warn("source {}: {}", source.id(), e.getMessage());
                continue;
            } finally {
                first = false;
            }
            answered++;
            if (fetched.unchanged() != null) {
                follow(source, queue, fetched.unchanged().children(), next.depth());
                continue;
            }
            allNotModified = false;
            if (fetched.map() instanceof SiteMapIndex index) {
                List<String> children = childrenOf(source, index);
                remember(key, fetched, children);
                follow(source, queue, children, next.depth());
            } else if (fetched.map() instanceof SiteMap urls) {
                for (SiteMapURL u : urls.getSiteMapUrls()) {
                    if (!sink.accept(linkOf(u))) {
                        return;
                    }
                }
                remember(key, fetched, List.of());
            }
        }
        if (answered == 0) {
            throw new SourceReadException("source " + source.id() + ": none of the sitemaps " + roots
                    + " could be read");
        }
        if (allNotModified) {
            sink.notModified(source.url());
        }
    }

    /** The children of an index worth following: each once, none last changed before the range starts. */
    private static List<String> childrenOf(Source source, SiteMapIndex index) {
        Set<String> children = new LinkedHashSet<>();
        for (AbstractSiteMap child : index.getSitemaps()) {
            Instant lastmod = child.getLastModified() == null ? null : child.getLastModified().toInstant();
            if (!source.range().endsBeforeStart(lastmod)) {
                children.add(child.getUrl().toString());
            }
            if (children.size() == MAX_SITEMAPS) {
                break; // no poll reads more, so remembering more would only cost memory
            }
        }
        return List.copyOf(children);
    }

    private static void follow(Source source, Deque<Pending> queue, List<String> children, int depth) {
        for (String child : children) {
            if (depth + 1 > MAX_DEPTH) {
                LOG.warn("source {}: sitemap index nested deeper than {} levels at {}, not followed",
                        source.id(), MAX_DEPTH, child);
                continue;
            }
            queue.add(new Pending(child, depth + 1));
        }
    }

    private void remember(Key key, Fetched fetched, List<String> children) {
        if (fetched.etag() != null || fetched.lastModified() != null) {
            remembered.put(key, new Remembered(fetched.etag(), fetched.lastModified(), children));
        }
    }

    /**
     * Fetches a sitemap, conditionally when validators are remembered for it. A 200 first forgets them, so that a
     * sitemap that then fails to parse, or is not handed over in full, is fetched unconditionally next time.
     */
    private Fetched fetchAndParse(SiteMapParser parser, Key key) throws SourceReadException {
        String url = key.url();
        Remembered known = remembered.get(key);
        try {
            PoliteFetcher f = fetcher.allowing(key.source().allowAddresses());
            FetchResult r = known == null ? f.fetch(url) : f.fetch(url, known.etag(), known.lastModified());
            if (r.notModified()) {
                if (known == null) {
                    throw new SourceReadException("sitemap " + url + " answered 304 to an unconditional request");
                }
                return new Fetched(null, null, null, known);
            }
            remembered.remove(key);
            String type = typeOf(r);
            AbstractSiteMap map = parser.parseSiteMap(type, r.body(), URI.create(r.url()).toURL());
            return new Fetched(map, r.etag(), r.lastModified(), null);
        } catch (FetchException e) {
            throw new SourceReadException(e.getMessage(), e);
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new SourceReadException("cannot read sitemap " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sitemap's type for the parser. A .gz sitemap served as application/gzip with Content-Encoding gzip (a
     * common server set-up) arrives already unpacked by the fetcher, so a gzip type without the gzip magic bytes
     * is taken for the file inside.
     */
    private static String typeOf(FetchResult r) {
        byte[] b = r.body();
        boolean gzipBytes = b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
        String declared = r.contentType() == null ? null : r.contentType().toLowerCase(java.util.Locale.ROOT);
        boolean gzipType = declared != null && (declared.startsWith("application/gzip")
                || declared.startsWith("application/x-gzip"));
        if (gzipType && !gzipBytes) {
            String url = r.url().endsWith(".gz") ? r.url().substring(0, r.url().length() - 3) : r.url();
            return guessType(url);
        }
        return declared == null ? guessType(r.url()) : r.contentType();
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
            r = fetcher.allowing(source.allowAddresses()).fetch(robotsUrl);
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
