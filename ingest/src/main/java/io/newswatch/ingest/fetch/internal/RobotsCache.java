package io.newswatch.ingest.fetch.internal;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt rules per origin (scheme, host and port), parsed with crawler-commons' {@link SimpleRobotRulesParser}
 * (RFC 9309) and cached for a fixed time.
 *
 * <p>RFC 9309 section 2.3.1: a 4xx robots.txt ("unavailable") allows everything; a 5xx or an unreachable host
 * ("unreachable") disallows everything. Parsed and 4xx answers are cached for the TTL; an unreachable robots.txt
 * for at most {@link #UNREACHABLE_TTL}, so a failing host is not asked again at every URL, yet a host that was down
 * for a minute is not shut out for a day. {@link #unreachableReason} says why a host is shut out.
 */
public final class RobotsCache {
    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);

    /** One robots.txt download: its status and body, or an I/O failure. */
    @FunctionalInterface
    public interface Loader {
        Response load(String robotsUrl) throws IOException, HostGate.ClosedException, InterruptedException;
    }

    /** What the loader got. */
    public record Response(int status, byte[] body, String contentType) {
    }

    /** How long an unreachable robots.txt keeps its host disallowed before it is asked again. */
    public static final Duration UNREACHABLE_TTL = Duration.ofMinutes(10);

    private record Entry(BaseRobotRules rules, Instant expires, String unreachable) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final String agentName;
    private final Duration ttl;
    private final Loader loader;
    private final Clock clock;

    public RobotsCache(String userAgent, Duration ttl, Loader loader, Clock clock) {
        this.agentName = productToken(userAgent);
        this.ttl = ttl;
        this.loader = loader;
        this.clock = clock;
    }

    /** The rules for the origin of the given robots.txt URL, loading them when absent or expired. */
    public BaseRobotRules rulesFor(String robotsUrl) throws HostGate.ClosedException, InterruptedException {
        return rulesFor(robotsUrl, loader);
    }

    /**
     * The rules for the origin of the given robots.txt URL, loading them with this loader when absent or expired
     * (a caller whose requests obey other limits than the cache's own loader).
     */
    public BaseRobotRules rulesFor(String robotsUrl, Loader loader) throws HostGate.ClosedException,
            InterruptedException {
        String key = robotsUrl.toLowerCase(Locale.ROOT);
        Entry cached = entries.get(key);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.rules();
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            cached = entries.get(key);
            if (cached != null && clock.instant().isBefore(cached.expires())) {
                return cached.rules();
            }
            String[] unreachable = new String[1];
            BaseRobotRules rules = load(robotsUrl, unreachable, loader);
            Duration keep = unreachable[0] != null && UNREACHABLE_TTL.compareTo(ttl) < 0 ? UNREACHABLE_TTL : ttl;
            entries.put(key, new Entry(rules, clock.instant().plus(keep), unreachable[0]));
            return rules;
        }
    }

    /**
     * Why the host of this robots.txt URL is shut out (its robots.txt could not be read, or answered 5xx), or null
     * when its cached rules come from a real answer (or nothing is cached).
     */
    public String unreachableReason(String robotsUrl) {
        Entry e = entries.get(robotsUrl.toLowerCase(Locale.ROOT));
        return e == null ? null : e.unreachable();
    }

    private BaseRobotRules load(String robotsUrl, String[] unreachable, Loader loader)
            throws HostGate.ClosedException, InterruptedException {
        Response r;
        try {
            r = loader.load(robotsUrl);
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                    : e.getMessage();
            LOG.warn("robots.txt {} unreachable ({}): not fetching from that host for now", robotsUrl, why);
            unreachable[0] = "robots.txt " + robotsUrl + " unreachable (" + why + ")";
            return new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
        }
        if (r.status() >= 200 && r.status() < 300) {
            return parser.parseContent(robotsUrl, r.body(),
                    r.contentType() == null ? "text/plain" : r.contentType(), List.of(agentName));
        }
        if (r.status() >= 400 && r.status() < 500) {
            return new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
        }
        LOG.warn("robots.txt {} answered {}: not fetching from that host for now", robotsUrl, r.status());
        unreachable[0] = "robots.txt " + robotsUrl + " answered " + r.status();
        return new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);
    }

    /** "newswatch/0.1 (+https://...)" -> "newswatch": the product token robots.txt groups name (RFC 9309 2.2.1). */
    static String productToken(String userAgent) {
        String token = userAgent.trim().split("[/\\s]")[0];
        return token.toLowerCase(Locale.ROOT);
    }
}
