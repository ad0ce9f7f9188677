package io.newswatch.alerts.routing;

import io.newswatch.model.Alert;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How a route batches alerts for its receivers, after Prometheus Alertmanager's route options, with news in mind.
 *
 * <ul>
 *   <li>{@code group_by}: the alert fields ({@link #FIELDS}) whose values make a group; {@code []} puts every alert
 *       of the route in one group. Without grouping ({@link #NONE}) each alert is sent on its own, at once.
 *       {@code tags} and {@code entities} hold several values: their group key is the alert's distinct values,
 *       sorted and joined with {@code +} ({@code entities=CN+RU}), so alerts group together when they carry the
 *       same set, in any order; an alert with none has the empty key. {@code language} groups by primary subtag
 *       ({@code en} for {@code en-GB}).</li>
 *   <li>{@code group_wait}: how long a new group collects alerts before its first message (default 30 s).</li>
 *   <li>{@code group_interval}: after a message, how long a group collects new alerts before the next one
 *       (default 5 min). A quiet group sends nothing.</li>
 *   <li>{@code repeat_interval}: when set, a group reminds its receivers of the alerts it already sent, every
 *       interval, for alerts whose latest revision arrived within {@code repeat_for} (default 24 h): news alerts
 *       never "resolve", so this bounds the reminders.</li>
 *   <li>{@code digest: 1h} is short for {@code group_by: []}, {@code group_wait} and {@code group_interval} of
 *       that length: one message per receiver per hour listing the hour's alerts.</li>
 * </ul>
 *
 * @param groupBy        fields that make a group; null for no grouping
 * @param groupWait      first message delay of a new group
 * @param groupInterval  minimum time between two messages of a group
 * @param repeatInterval time between reminders; zero for none
 * @param repeatFor      how long after an alert's latest revision it is still included in reminders
 */
public record Grouping(List<String> groupBy, Duration groupWait, Duration groupInterval, Duration repeatInterval,
                       Duration repeatFor) {
    /** The fields {@code group_by} may name. */
    public static final List<String> FIELDS = List.of("rule", "story", "severity", "source", "language", "tags",
            "entities");
    public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPEAT_FOR = Duration.ofHours(24);
    /** No grouping: every alert on its own, at once. */
    public static final Grouping NONE = new Grouping(null, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            DEFAULT_REPEAT_FOR);

    public Grouping {
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        Objects.requireNonNull(groupWait, "groupWait");
        Objects.requireNonNull(groupInterval, "groupInterval");
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        Objects.requireNonNull(repeatFor, "repeatFor");
        if (groupBy != null) {
            for (String f : groupBy) {
                if (!FIELDS.contains(f)) {
                    throw new IllegalArgumentException("cannot group by '" + f + "' (use " + String.join(", ", FIELDS)
                            + ")");
                }
            }
        }
    }

    /** Grouping by the given fields with the default waits and no reminders. */
    public static Grouping by(List<String> fields) {
        return new Grouping(fields, DEFAULT_GROUP_WAIT, DEFAULT_GROUP_INTERVAL, Duration.ZERO, DEFAULT_REPEAT_FOR);
    }

    /** One group for everything, one message per {@code every}. */
    public static Grouping digest(Duration every) {
        return new Grouping(List.of(), every, every, Duration.ZERO, DEFAULT_REPEAT_FOR);
    }

    /** Whether alerts wait to be sent in groups. */
    public boolean groups() {
        return groupBy != null;
    }

    /** Whether groups send reminders. */
    public boolean repeats() {
        return groups() && repeatInterval.compareTo(Duration.ZERO) > 0;
    }

    /**
     * The label of the alert's group, which is also its key: {@code rule=ru-kp, story=ab12} in {@code group_by}
     * order, or {@code all} when {@code group_by} is empty; a missing value shows as an empty string, a set of
     * tags or entities as its sorted distinct values joined with {@code +}.
     *
     * @throws IllegalStateException when this does not group
     */
    public String groupLabel(Alert alert) {
        if (groupBy == null) {
            throw new IllegalStateException("not grouping");
        }
        if (groupBy.isEmpty()) {
            return "all";
        }
        StringBuilder sb = new StringBuilder();
        for (String field : groupBy) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(field).append('=').append(value(alert, field));
        }
        return sb.toString();
    }

    private static String value(Alert alert, String field) {
        String v = switch (field) {
            case "rule" -> alert.ruleId();
            case "story" -> alert.storyId();
            case "severity" -> alert.severity();
            case "source" -> alert.sourceId();
            case "language" -> LanguageTags.primary(alert.language());
            case "tags" -> String.join("+", new TreeSet<>(alert.tags()));
            case "entities" -> String.join("+", new TreeSet<>(alert.entities()));
            default -> throw new IllegalStateException("unknown field " + field);
        };
        return v == null ? "" : v;
    }

    /** How the dry run and the logs show it. */
    public String describe() {
        if (!groups()) {
            return "each alert at once";
        }
        String by = groupBy.isEmpty() ? "one group" : "by " + String.join(", ", groupBy);
        String text = by + ", wait " + text(groupWait) + ", interval " + text(groupInterval);
        return repeats() ? text + ", repeat every " + text(repeatInterval) + " for " + text(repeatFor) : text;
    }

    private static String text(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
