package io.newswatch.streams.replay;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a replay found: every rule match and every alert the rules would have raised over the archived articles
 * published in {@code [since, until)}.
 *
 * <p>Deterministic: the same articles and rules give equal results. Matches are sorted by rule id, publication
 * time and article id; alerts in the order the story step raised them (publication order).
 *
 * @param name          the replay's name (its topics are {@code news.backtest.<name>.*})
 * @param since         first publication instant included
 * @param until         first publication instant excluded
 * @param rulesVersion  version of the ruleset used
 * @param rules         every rule of the ruleset, id to title, in ruleset order
 * @param articlesRead  records read from {@code news.articles} (every version, in range or not)
 * @param inRange       distinct articles published in the range (the latest version of each)
 * @param unreadable    records that could not be read as articles (skipped, with a WARN each)
 * @param matches       every (rule, article) match
 * @param alerts        the alerts (and updates) the story step raised
 * @param took          wall time of the replay
 */
public record ReplayResult(String name, Instant since, Instant until, String rulesVersion, Map<String, String> rules,
                           long articlesRead, long inRange, long unreadable, List<ReplayMatch> matches,
                           List<Alert> alerts, Duration took) {
    /** The order of {@link #matches}. */
    public static final Comparator<ReplayMatch> MATCH_ORDER = Comparator.comparing(ReplayMatch::ruleId)
            .thenComparing(ReplayMatch::publishedAt).thenComparing(ReplayMatch::articleId);

    public ReplayResult {
        rules = Map.copyOf(rules);
        // a replay hands over lists kept in files (matches already in order): copying them would bring a large
        // replay's matches and alerts back into the heap
        matches = matches instanceof SpilledList<ReplayMatch> ? matches : matches.stream().sorted(MATCH_ORDER).toList();
        alerts = alerts instanceof SpilledList<Alert> ? alerts : List.copyOf(alerts);
    }

    /** Matches per rule per UTC day; every rule of the ruleset appears, with an empty map when it matched nothing. */
    public SortedMap<String, SortedMap<LocalDate, Integer>> perRulePerDay() {
        SortedMap<String, SortedMap<LocalDate, Integer>> out = new TreeMap<>();
        rules.keySet().forEach(r -> out.put(r, new TreeMap<>()));
        for (ReplayMatch m : matches) {
            out.computeIfAbsent(m.ruleId(), r -> new TreeMap<>()).merge(m.day(), 1, Integer::sum);
        }
        return out;
    }

    /** Articles read per second of wall time. */
    public double rate() {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        return articlesRead / seconds;
    }
}
