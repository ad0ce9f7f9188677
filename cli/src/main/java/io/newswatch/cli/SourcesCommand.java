package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.Durations;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.ingest.cluster.SourcesTopic;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newswatch sources}: the health of every source on news.sources, as the ingest instances polling them last
 * reported on news.sources.status. {@code newswatch sources push FILE} replaces the list.
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Show each source's health: who polls it, its last good poll, and its counters "
                + "(polls, 304 Not Modified, failed polls, pages fetched or read from files, articles published; "
                + "pages waiting for a retry after a 429, 5xx or timeout, pages a retry fetched, pages given up).",
                "HEALTH is ok; failing(N) when the last N polls failed, still retried at each interval; UNHEALTHY "
                        + "after 3 failed polls in a row, until a poll succeeds; pending before the first poll.",
                "Reads news.sources and news.sources.status, so it shows every ingest instance's sources.",
                "Exit status: 0 when every source is healthy, 1 when one is unhealthy, 2 on an error."},
        subcommands = {SourcesPushCommand.class})
final class SourcesCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--json", description = "Print one JSON object per source instead of the table.")
    boolean json;

    /** One source with its last status (null while no instance has polled it yet). */
    record Row(Source source, SourceStatus status) {
        String health() {
            if (status == null) {
                return "pending";
            }
            if (!status.healthy()) {
                return "UNHEALTHY";
            }
            return status.consecutiveFailures() > 0 ? "failing(" + status.consecutiveFailures() + ")" : "ok";
        }
    }

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        List<Row> rows = new ArrayList<>();
        try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
            SourcesTopic topic = new SourcesTopic(kafka.clientProperties(),
                    config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-sources-cli");
            topic.ensureTopics();
            Map<String, SourceStatus> statuses = topic.readStatuses();
            for (Source s : topic.read()) {
                rows.add(new Row(s, statuses.get(s.id())));
            }
            rows.sort(java.util.Comparator.comparing(r -> r.source().id())); // the topic's order is per partition
        }
        if (json) {
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.source().id());
                m.put("type", r.source().type());
                m.put("location", r.source().location());
                m.put("health", r.health());
                m.put("status", r.status());
                System.out.println(Json.mapper().writeValueAsString(m));
            }
        } else {
            print(rows, Instant.now());
        }
        return rows.stream().anyMatch(r -> r.status() != null && !r.status().healthy()) ? 1 : 0;
    }

    static void print(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            System.out.println("no sources on news.sources: start `newswatch ingest` with a sources file, or run "
                    + "`newswatch sources push FILE`");
            return;
        }
        String format = "%-24s %-10s %-10s %-13s %7s %6s %6s %8s %9s %5s %7s %7s  %s%n";
        System.out.printf(format, "SOURCE", "TYPE", "HEALTH", "LAST SUCCESS", "POLLS", "304", "FAILED", "PAGES",
                "PUBLISHED", "RETRY", "RETRIED", "GAVE UP", "INSTANCE / LAST ERROR");
        for (Row r : rows) {
            SourceStatus s = r.status();
            String last = s == null || s.lastSuccess() == null ? "never" : ago(Duration.between(s.lastSuccess(), now));
            String tail = s == null ? "" : s.instance() + (s.lastError() == null || s.consecutiveFailures() == 0 ? ""
                    : " / " + s.lastError());
            System.out.printf(format, r.source().id(), r.source().type(), r.health(), last,
                    s == null ? "-" : s.polls(), s == null ? "-" : s.notModified(), s == null ? "-" : s.pollFailures(),
                    s == null ? "-" : s.pagesFetched(), s == null ? "-" : s.published(),
                    s == null ? "-" : s.retryWaiting(), s == null ? "-" : s.retrySucceeded(),
                    s == null ? "-" : s.retryGivenUp(), tail);
        }
    }

    /** "45s ago", "12m ago", "3h 5m ago", "2d 4h ago". */
    static String ago(Duration d) {
        return Durations.human(d) + " ago";
    }
}
