package io.newswatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import io.newswatch.ingest.fetch.internal.AddressGuard;
import io.newswatch.ingest.fetch.internal.ContentDecoder;
import io.newswatch.ingest.fetch.internal.HostGate;
import io.newswatch.ingest.fetch.internal.LimitedBodySubscriber;
import io.newswatch.ingest.fetch.internal.RetryAfter;
import io.newswatch.ingest.fetch.internal.RobotsCache;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.net.AddressBlock;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches web pages and feeds politely, with {@link HttpClient}.
 *
 * <ul>
 *   <li>Only http and https URLs, on every redirect hop too.</li>
 *   <li>Only public addresses: before every request (every redirect hop, and robots.txt) the host is resolved and
 *       each of its addresses checked; a loopback, private (RFC 1918, fc00::/7), carrier-grade NAT, link-local
 *       (with the cloud metadata address 169.254.169.254), unspecified, multicast or reserved address
 *       ({@link io.newswatch.model.net.AddressRange}) refuses the fetch before any connection is opened, unless it
 *       lies in {@link FetcherSettings#allowedAddresses()} or in the blocks of an {@link #allowing} view (a
 *       source's own setting). The JDK HTTP client (Java 17) cannot be told which address to connect to, so it
 *       resolves the name again itself; both lookups go through the JVM's address cache (30 s by default,
 *       {@code networkaddress.cache.ttl}), which makes the connection use the address just checked unless the
 *       cached entry expires in between. A DNS server that rebinds a name in that instant is not stopped;
 *       literal addresses in URLs are not exposed to this.</li>
 *   <li>robots.txt (RFC 9309, parsed by crawler-commons) is read once per origin and cached for
 *       {@link FetcherSettings#robotsTtl()}: a 4xx robots.txt allows everything, a 5xx or an unreachable host
 *       disallows everything. Every hop of a redirect chain is checked against its own origin's rules.</li>
 *   <li>At most one request in flight per host and at least {@link FetcherSettings#hostDelay()} (or the
 *       robots.txt Crawl-delay, when larger) between the end of one request to a host and the start of the next;
 *       at most {@link FetcherSettings#maxConcurrency()} requests in flight overall.</li>
 *   <li>Redirects (301, 302, 303, 307, 308) are followed by hand, at most {@link FetcherSettings#maxRedirects()}.</li>
 *   <li>gzip and deflate are asked for ({@code Accept-Encoding}) and decoded, also when a server sends them
 *       unasked (RFC 9110 section 8.4); any other Content-Encoding (br, zstd, ...) refuses the page, and so does a
 *       corrupt or truncated compressed body. The body is streamed and decoded as it arrives, and the download
 *       cancelled as soon as the bytes received or the bytes decoded pass {@link FetcherSettings#maxBodyBytes()},
 *       so a gzip bomb costs at most that much; one request, headers and body, may take at most
 *       {@link FetcherSettings#timeout()}.</li>
 *   <li>Only HTML, XHTML, RSS, Atom, XML and plain-text responses, and gzip files (sitemaps.org allows
 *       gzipped sitemaps), are accepted; a response without a Content-Type is accepted and left for the parser to
 *       judge.</li>
 *   <li>Conditional GET (RFC 9110 section 13): with an ETag or Last-Modified a 304 comes back as a result with
 *       status 304 and an empty body.</li>
 * </ul>
 *
 * <p>Every failure is a {@link FetchException} naming the URL; HTTP errors carry the status and, for 429 and
 * 503, the server's Retry-After. After a 429 or 503 with a Retry-After (delay-seconds or HTTP-date) the next
 * request to that host, whoever makes it, waits at least that long (at most {@link #MAX_RETRY_AFTER}). Thread
 * safe. {@link #close()} makes waiting and later calls fail promptly.
 */
public final class PoliteFetcher implements AutoCloseable {
    private static final Set<String> ACCEPTED_TYPES = Set.of("text/html", "application/xhtml+xml",
            "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "text/plain",
            "application/gzip", "application/x-gzip");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final long ROBOTS_MAX_BYTES = 500 * 1024;
    /**
     * The longest a 429 or 503 Retry-After holds back the next request to its host; a server asking for more is
     * waited on for this long (a waiting fetch blocks its caller's thread, and {@link #close()} ends the wait).
     */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final String ACCEPT_ENCODING = "gzip, deflate";
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final String ALLOW_REMEDY = "add {} (or a block holding it) to "
            + ConfigKeys.FETCH_ALLOW_ADDRESSES.name() + ", or to the source's allow_addresses";
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,"
            + "application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1";

    private final FetcherSettings settings;
    private final ExecutorService executor;
    private final HttpClient client;
    private final HostGate gate;
    private final Semaphore inFlight;
    private final RobotsCache robots;
    private final AddressGuard guard;
    private final List<AddressBlock> allowed;
    private final boolean owner;

    /** A fetcher with its own HTTP client and threads, resolving names with the system resolver; close it. */
    public PoliteFetcher(FetcherSettings settings) {
        this(settings, HostResolver.SYSTEM);
    }

    /**
     * A fetcher with its own HTTP client and threads; close it to release them.
     *
     * @param resolver resolves names for the address check (tests stand in for DNS with it)
     */
    public PoliteFetcher(FetcherSettings settings, HostResolver resolver) {
        this.settings = settings;
        this.owner = true;
        this.allowed = settings.allowedAddresses();
        this.guard = new AddressGuard(resolver, ALLOW_REMEDY);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "newswatch-fetch-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout())
                .executor(executor)
                .build();
        this.gate = new HostGate();
        this.inFlight = new Semaphore(settings.maxConcurrency(), true);
        this.robots = new RobotsCache(settings.userAgent(), settings.robotsTtl(), this::loadRobots,
                Clock.systemUTC());
    }

    private PoliteFetcher(PoliteFetcher shared, List<AddressBlock> allowed) {
        this.settings = shared.settings;
        this.executor = shared.executor;
        this.client = shared.client;
        this.inFlight = shared.inFlight;
        this.gate = shared.gate;
        this.robots = shared.robots;
        this.guard = shared.guard;
        this.allowed = allowed;
        this.owner = false;
    }

    /**
     * This fetcher, also allowing the given non-public address blocks (a source's own setting): it shares the
     * client, the politeness per host and the robots.txt cache, and closing it does nothing.
     */
    public PoliteFetcher allowing(List<AddressBlock> blocks) {
        if (blocks.isEmpty()) {
            return this;
        }
        List<AddressBlock> all = new ArrayList<>(allowed);
        all.addAll(blocks);
        return new PoliteFetcher(this, List.copyOf(all));
    }

    /** Fetches a URL unconditionally. */
    public FetchResult fetch(String url) throws FetchException {
        return fetch(url, null, null);
    }

    /**
     * Fetches a URL, conditionally when an ETag or Last-Modified value from an earlier fetch is given.
     *
     * @param etag         value for If-None-Match, or null
     * @param lastModified value for If-Modified-Since, or null
     * @return the final response: 2xx with its body, or 304 with an empty body
     * @throws FetchException naming the URL for every kind of failure listed in the class description
     */
    public FetchResult fetch(String url, String etag, String lastModified) throws FetchException {
        String current = url;
        for (int hop = 0; ; hop++) {
            URI uri = checkedUri(current);
            checkAddress(uri); // before robots.txt, which would connect to the same host
            BaseRobotRules rules = rulesFor(uri);
            if (!rules.isAllowed(uri.toString())) {
                String unreachable = robots.unreachableReason(robotsUrl(uri));
                throw unreachable != null ? FetchException.hostUnreachable(current,
                        unreachable + ", so nothing is fetched from that host for now: " + current)
                        : new FetchException(current, "disallowed by robots.txt: " + current);
            }
            HttpResponse<byte[]> response = send(uri, etag, lastModified, settings.maxBodyBytes(), true,
                    delayFor(rules));
            int status = response.statusCode();
            if (REDIRECTS.contains(status)) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new FetchException(current, "redirect " + status + " without Location from " + current,
                            status, null, null);
                }
                if (hop >= settings.maxRedirects()) {
                    throw new FetchException(url, "too many redirects (more than " + settings.maxRedirects()
                            + ") starting at " + url, status, null, null);
                }
                current = resolve(uri, location, current);
                continue;
            }
            HttpHeaders h = response.headers();
            String contentType = h.firstValue("Content-Type").orElse(null);
            if (status == 304) {
                return new FetchResult(current, status, contentType, new byte[0],
                        h.firstValue("ETag").orElse(etag), h.firstValue("Last-Modified").orElse(lastModified));
            }
            if (status < 200 || status >= 300) {
                Duration retryAfter = status == 429 || status == 503
                        ? RetryAfter.parse(h.firstValue("Retry-After").orElse(null), Instant.now()) : null;
                throw new FetchException(current, "HTTP " + status + " from " + current
                        + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + "s)"),
                        status, retryAfter, null);
            }
            if (!acceptable(contentType)) {
                throw new FetchException(current, "unwanted content type '" + contentType + "' from " + current,
                        status, null, null);
            }
            return new FetchResult(current, status, contentType, response.body(),
                    h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<byte[]> send(URI uri, String etag, String lastModified, long limit, boolean checkType,
                                      Duration delay) throws FetchException {
        String url = uri.toString();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        checkAddress(uri);
        try {
            gate.acquire(host);
        } catch (HostGate.ClosedException e) {
            throw new FetchException(url, "fetcher is closed, not fetching " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted before fetching " + url, e);
        }
        Duration pause = delay;
        try {
            inFlight.acquire();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                        .timeout(settings.timeout())
                        .header("User-Agent", settings.userAgent())
                        .header("Accept", ACCEPT)
                        .header("Accept-Encoding", ACCEPT_ENCODING);
                if (etag != null) {
                    request.header("If-None-Match", etag);
                }
                if (lastModified != null) {
                    request.header("If-Modified-Since", lastModified);
                }
                var future = client.sendAsync(request.build(), handler(limit, checkType));
                try {
                    HttpResponse<byte[]> r = future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    pause = pauseAfter(r, delay);
                    return r;
                } catch (TimeoutException e) {
                    future.cancel(true);
                    throw new FetchException(url, "timed out after " + settings.timeout().toMillis()
                            + " ms fetching " + url, e);
                } catch (ExecutionException e) {
                    throw failure(url, e.getCause());
                }
            } finally {
                inFlight.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted while fetching " + url, e);
        } finally {
            gate.release(host, pause);
        }
    }

    /**
     * The pause before the next request to the same host: the politeness delay, or for a 429 or 503 the server's
     * Retry-After (seconds or HTTP-date) when longer, at most {@link #MAX_RETRY_AFTER}.
     */
    private static Duration pauseAfter(HttpResponse<byte[]> response, Duration delay) {
        int status = response.statusCode();
        if (status != 429 && status != 503) {
            return delay;
        }
        Duration asked = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        if (asked == null || asked.compareTo(delay) <= 0) {
            return delay;
        }
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }

    private BodyHandler<byte[]> handler(long limit, boolean checkType) {
        return info -> {
            int status = info.statusCode();
            String type = info.headers().firstValue("Content-Type").orElse(null);
            boolean wanted = status >= 200 && status < 300 && (!checkType || acceptable(type));
            if (!wanted) {
                return BodySubscribers.replacing(new byte[0]);
            }
            ContentDecoder decoder;
            try {
                List<String> codings = info.headers().allValues("Content-Encoding");
                decoder = ContentDecoder.forEncoding(codings.isEmpty() ? null : String.join(", ", codings));
            } catch (ContentDecoder.DecodingException e) {
                return LimitedBodySubscriber.rejecting(e);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                // fail before downloading a byte; the subscriber cancels the exchange at once
                decoder.close();
                return LimitedBodySubscriber.rejecting(limit);
            }
            return new LimitedBodySubscriber(limit, decoder);
        };
    }

    private static FetchException failure(String url, Throwable cause) {
        Throwable c = cause instanceof IOException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof LimitedBodySubscriber.TooLargeException || c instanceof ContentDecoder.DecodingException) {
            return new FetchException(url, c.getMessage() + ": " + url, c);
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FetchException(url, "cannot fetch " + url + ": " + reason, cause);
    }

    private BaseRobotRules rulesFor(URI uri) throws FetchException {
        try {
            return owner ? robots.rulesFor(robotsUrl(uri)) : robots.rulesFor(robotsUrl(uri), this::loadRobots);
        } catch (HostGate.ClosedException e) {
            throw new FetchException(uri.toString(), "fetcher is closed, not fetching " + uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri.toString(), "interrupted reading robots.txt for " + uri, e);
        }
    }

    /** The host delay, or the robots.txt Crawl-delay (crawler-commons gives it in milliseconds) when larger. */
    private Duration delayFor(BaseRobotRules rules) {
        long crawlDelayMs = rules.getCrawlDelay();
        return crawlDelayMs > settings.hostDelay().toMillis() ? Duration.ofMillis(crawlDelayMs) : settings.hostDelay();
    }

    /** Robots.txt is requested through the same host gate, so it obeys the same politeness as pages. */
    private RobotsCache.Response loadRobots(String robotsUrl) throws IOException {
        URI uri = URI.create(robotsUrl);
        String current = robotsUrl;
        try {
            for (int hop = 0; hop <= FetcherSettings.DEFAULT_MAX_REDIRECTS; hop++) {
                HttpResponse<byte[]> r = sendRobots(URI.create(current));
                if (REDIRECTS.contains(r.statusCode()) && r.headers().firstValue("Location").isPresent()) {
                    current = resolve(URI.create(current), r.headers().firstValue("Location").get(), current);
                    continue;
                }
                return new RobotsCache.Response(r.statusCode(), r.body(),
                        r.headers().firstValue("Content-Type").orElse(null));
            }
        } catch (FetchException e) {
            throw new IOException(e.getMessage(), e);
        }
        throw new IOException("too many redirects reading " + uri);
    }

    private HttpResponse<byte[]> sendRobots(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(uri.toString(), "robots.txt redirected to a non-http(s) URL: " + uri);
        }
        return send(uri, null, null, ROBOTS_MAX_BYTES, false, settings.hostDelay());
    }

    private static String robotsUrl(URI uri) {
        int port = uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (port < 0 ? "" : ":" + port) + "/robots.txt";
    }

    /**
     * The URL as a URI, refused with one message for any scheme but http and https whether or not the rest of it
     * parses (file: and ftp: alike), then with "not a valid URL" for a malformed http(s) URL.
     */
    private static URI checkedUri(String url) throws FetchException {
        var scheme = SCHEME.matcher(url == null ? "" : url.trim());
        String name = scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
        if (!name.equals("http") && !name.equals("https")) {
            throw new FetchException(url, "only http and https URLs are fetched, not "
                    + (name.isEmpty() ? "URLs without a scheme" : name + ": URLs") + ": " + url);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (Exception e) {
            throw new FetchException(url, "not a valid URL: " + url, e);
        }
        if (uri.getHost() == null) {
            throw new FetchException(url, "URL has no host: " + url);
        }
        return uri;
    }

    /** Refuses a host with a non-public address that is not allowed, before anything connects to it. */
    private void checkAddress(URI uri) throws FetchException {
        try {
            guard.check(uri.getHost(), allowed);
        } catch (AddressGuard.RefusedException e) {
            throw new FetchException(uri.toString(), "refused " + uri + ": " + e.getMessage(), e);
        } catch (UnknownHostException e) {
            throw new FetchException(uri.toString(), "cannot fetch " + uri + ": unknown host " + uri.getHost(), e);
        }
    }

    private static String resolve(URI base, String location, String current) throws FetchException {
        try {
            return base.resolve(location.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new FetchException(current, "bad redirect Location '" + location + "' from " + current, e);
        }
    }

    private static boolean acceptable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String mime = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return ACCEPTED_TYPES.contains(mime);
    }

    /**
     * Stops the fetcher: waiting and later fetches fail with a FetchException; the HTTP threads end. Does nothing
     * on a view made by {@link #allowing}.
     */
    @Override
    public void close() {
        if (!owner) {
            return;
        }
        gate.close();
        executor.shutdownNow();
    }
}
