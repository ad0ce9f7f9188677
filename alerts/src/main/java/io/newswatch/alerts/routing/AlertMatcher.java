package io.newswatch.alerts.routing;

import io.newswatch.model.Alert;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which alerts a route takes. Every condition given must hold; a condition left out holds for every alert.
 *
 * <ul>
 *   <li>{@code rule}, {@code severity}, {@code source}, {@code language}: the alert's value is one of the listed
 *       ones (a single value may be written without brackets). Language matches by primary subtag, so {@code en}
 *       takes {@code en-GB}.</li>
 *   <li>{@code min_severity}: the alert is at least this severe (info &lt; warning &lt; critical).</li>
 *   <li>{@code tags}, {@code entities}: the alert carries every listed tag / entity code.</li>
 * </ul>
 */
public record AlertMatcher(Set<String> rules, Set<String> severities, String minSeverity, Set<String> sources,
                           Set<String> languages, Set<String> tags, Set<String> entities) {
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
    }

    public boolean matches(Alert alert) {
        String severity = alert.severity() == null ? "info" : alert.severity().toLowerCase(Locale.ROOT);
        return (rules.isEmpty() || rules.contains(alert.ruleId()))
                && (severities.isEmpty() || severities.contains(severity))
                && (minSeverity == null || rank(severity) >= rank(minSeverity))
                && (sources.isEmpty() || sources.contains(alert.sourceId()))
                && (languages.isEmpty() || languages.contains(primary(alert.language())))
                && alert.tags().containsAll(tags)
                && alert.entities().containsAll(entities);
    }

    private static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? 0 : i;
    }

    private static String primary(String language) {
        if (language == null) {
            return "";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
