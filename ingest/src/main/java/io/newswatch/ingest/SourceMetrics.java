package io.newswatch.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Binds each source's counters to Micrometer, tagged {@code source=<id>}, and removes them when the source goes
 * away (removed from the sources, or handed to another instance), so a scrape shows the sources this instance polls.
 *
 * <p>Meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code newswatch.ingest.polls} [{@code newswatch_ingest_polls_total}], tag {@code result}: {@code ok},
 *       {@code not_modified} (a 304 for the feed, sitemap or index page), {@code failed};</li>
 *   <li>{@code newswatch.ingest.pages.fetched}, {@code newswatch.ingest.pages.failed},
 *       {@code newswatch.ingest.articles.published}, {@code newswatch.ingest.pages.retried} (fetched on a retry),
 *       {@code newswatch.ingest.pages.given.up} (no more retries): counters;</li>
 *   <li>{@code newswatch.ingest.pages.retry.waiting}: pages waiting for a retry, a gauge;</li>
 *   <li>{@code newswatch.ingest.source.healthy} (1 or 0) and {@code newswatch.ingest.source.last.success}
 *       (seconds since the epoch; NaN before the first good poll): gauges.</li>
 * </ul>
 * The counters read the source's own counts, so they never disagree with the logs or {@code news.sources.status}.
 */
final class SourceMetrics {
    private final MeterRegistry registry;
    private final Map<String, List<Meter>> meters = new ConcurrentHashMap<>();

    SourceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds the state's meters; an earlier state of the same source id is unbound first. */
    void register(SourceState state) {
        String id = state.source().id();
        remove(id); // a registry hands back an existing meter of the same name and tags, bound to the old state
        Tags tags = Tags.of("source", id);
        List<Meter> m = new ArrayList<>();
        // ok polls are derived so the three results add up to the polls made
        m.add(counter("newswatch.ingest.polls", "polls of the source", tags.and("result", "ok"), state,
                s -> s.polls.get() - s.notModified.get() - s.pollFailures.get()));
        m.add(counter("newswatch.ingest.polls", "polls of the source", tags.and("result", "not_modified"), state,
                s -> s.notModified.get()));
        m.add(counter("newswatch.ingest.polls", "polls of the source", tags.and("result", "failed"), state,
                s -> s.pollFailures.get()));
        m.add(counter("newswatch.ingest.pages.fetched", "article pages requested", tags, state,
                s -> s.pagesFetched.get()));
        m.add(counter("newswatch.ingest.pages.failed", "entries whose page failed or held no text", tags, state,
                s -> s.pageFailures.get()));
        m.add(counter("newswatch.ingest.articles.published", "article versions published", tags, state,
                s -> s.published.get()));
        m.add(counter("newswatch.ingest.pages.retried", "pages fetched on a retry after a transient failure", tags,
                state, s -> s.retries.succeeded()));
        m.add(counter("newswatch.ingest.pages.given.up", "pages given up after transient failures", tags, state,
                s -> s.retries.givenUp()));
        m.add(Gauge.builder("newswatch.ingest.pages.retry.waiting", state, s -> s.retries.waiting())
                .description("pages waiting for a retry after a transient failure").tags(tags).register(registry));
        m.add(Gauge.builder("newswatch.ingest.source.healthy", state, s -> s.healthy() ? 1 : 0)
                .description("1 while the source is healthy, 0 after several failed polls in a row")
                .tags(tags).register(registry));
        m.add(Gauge.builder("newswatch.ingest.source.last.success", state, SourceState::lastSuccessEpochSeconds)
                .description("when the last good poll ended, seconds since the epoch").baseUnit("seconds")
                .tags(tags).register(registry));
        meters.put(id, m);
    }

    void remove(String sourceId) {
        List<Meter> m = meters.remove(sourceId);
        if (m != null) {
            m.forEach(registry::remove);
        }
    }

    private FunctionCounter counter(String name, String description, Tags tags, SourceState state,
                                    ToDoubleFunction<SourceState> value) {
        return FunctionCounter.builder(name, state, value).description(description).tags(tags).register(registry);
    }
}
