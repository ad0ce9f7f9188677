package io.newswatch.alerts.routing;

import io.newswatch.model.Alert;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which alerts a route or a silence takes. Every condition given must hold; a condition left out holds for every
 * alert.
 *
 * <ul>
 *   <li>{@code rule}, {@code severity}, {@code source}, {@code language}: the alert's value is one of the listed
 *       ones (a single value may be written without brackets). Languages compare by primary subtag on both
 *       sides, in any case ({@link LanguageTags}), so {@code en} and {@code en-GB} both take {@code en},
 *       {@code en-GB} and {@code en-US}.</li>
 *   <li>{@code min_severity}: the alert is at least this severe (info &lt; warning &lt; critical).</li>
 *   <li>{@code tags}, {@code entities}: the alert carries every listed tag / entity code.</li>
 *   <li>{@code matchers}: Alertmanager-style conditions with {@code =}, {@code !=}, {@code =~}, {@code !~}
 *       ({@link FieldMatcher}).</li>
 * </ul>
 *
 * <p>An alert that lacks a field (no rule, source or language) does not satisfy a listed-values condition on it
 * and never makes matching fail: as in Alertmanager, a missing field is the empty string, so only a matcher such
 * as {@code source=""} or {@code source!="tass"} takes it. A missing severity counts as {@code info}.
 */
public record AlertMatcher(Set<String> rules, Set<String> severities, String minSeverity, Set<String> sources,
                           Set<String> languages, Set<String> tags, Set<String> entities,
                           List<FieldMatcher> matchers) {
    /** Severities in rising order. */
    public static final List<String> SEVERITIES = List.of("info", "warning", "critical");
    /** Matches every alert. */
    public static final AlertMatcher ANY = new AlertMatcher(Set.of(), Set.of(), null, Set.of(), Set.of(), Set.of(),
            Set.of());

    public AlertMatcher {
        rules = Set.copyOf(rules);
        severities = Set.copyOf(severities);
        sources = Set.copyOf(sources);
        languages = Set.copyOf(languages);
        tags = Set.copyOf(tags);
        entities = Set.copyOf(entities);
        matchers = List.copyOf(matchers);
    }

    /** Listed-values conditions only. */
    public AlertMatcher(Set<String> rules, Set<String> severities, String minSeverity, Set<String> sources,
                        Set<String> languages, Set<String> tags, Set<String> entities) {
        this(rules, severities, minSeverity, sources, languages, tags, entities, List.of());
    }

    /** The same conditions and these matchers too. */
    public AlertMatcher with(List<FieldMatcher> more) {
        return new AlertMatcher(rules, severities, minSeverity, sources, languages, tags, entities, more);
    }

    /** Whether every condition holds; never throws for an alert that lacks a field. */
    public boolean matches(Alert alert) {
        String severity = alert.severity() == null ? "info" : alert.severity().toLowerCase(Locale.ROOT);
        return (rules.isEmpty() || (alert.ruleId() != null && rules.contains(alert.ruleId())))
                && (severities.isEmpty() || severities.contains(severity))
                && (minSeverity == null || rank(severity) >= rank(minSeverity))
                && (sources.isEmpty() || (alert.sourceId() != null && sources.contains(alert.sourceId())))
                && (languages.isEmpty() || (alert.language() != null
                        && languages.stream().anyMatch(l -> LanguageTags.same(alert.language(), l))))
                && alert.tags().containsAll(tags)
                && alert.entities().containsAll(entities)
                && matchers.stream().allMatch(m -> m.matches(alert));
    }

    private static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? 0 : i;
    }
}
