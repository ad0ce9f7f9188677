package io.newswatch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.alerts.silence.SilenceWriter;
import io.newswatch.alerts.silence.Silences;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.Durations;
import io.newswatch.cli.internal.ErrorReporting;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.Silence;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch silence add|list|expire}: silences on news.silences, which every alerts instance honours (and a
 * restarted one too, before it delivers anything).
 */
@Command(name = "silence", mixinStandardHelpOptions = true,
        description = {"Stop delivering the alerts that match some conditions for a while (planned maintenance, a "
                + "noisy source). Silences live on news.silences: every alerts instance honours them, and they "
                + "survive restarts."},
        subcommands = {SilenceCommand.Add.class, SilenceCommand.ListSilences.class, SilenceCommand.Expire.class})
final class SilenceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String clientId(NewswatchConfig config) {
        return config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-silence-cli";
    }

    /** {@code newswatch silence add}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Silence the alerts that match every given condition, from now on for a duration or "
                    + "until a time. Prints the new silence's id and when it ends.",
                    "Condition keys are those of a route's match: rule, severity, min_severity, source, language, "
                            + "tags, entities. A value may list several, comma-separated: --match severity=info,warning.",
                    "--match also takes a matcher with !=, =~ or !~, as a route's matchers: --match 'source!=tass' "
                            + "--match 'rule=~\"ru-.*\"' (regular expressions match the whole value; a field the "
                            + "alert lacks is empty, so a silence needs a condition that names a value).",
                    "Exit status: 0 when set, 1 when Kafka cannot be reached, 2 on a usage error."})
    static final class Add implements Callable<Integer> {
        /** Parses --for as configuration durations are parsed, so 30m, 2h, 1d and ISO-8601 all work. */
        private static final ConfigKey<Duration> LENGTH = ConfigKey.duration("--for");
        /** A condition written with an operator other than '=', kept whole as one of the silence's matchers. */
        private static final Pattern OPERATOR_MATCHER = Pattern.compile("\\s*[A-Za-z_]+\\s*(!=|=~|!~)");

        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOptions configOptions;

        @Option(names = "--rule", paramLabel = "ID", split = ",", description = "Silence this rule's alerts "
                + "(repeatable; same as --match rule=ID).")
        List<String> rules = new ArrayList<>();

        @Option(names = "--match", paramLabel = "KEY=VALUE", description = "A further condition (repeatable): "
                + "KEY=VALUE, or KEY!=VALUE, KEY=~REGEX, KEY!~REGEX.")
        List<String> matches = new ArrayList<>();

        @ArgGroup(exclusive = true, multiplicity = "1")
        End end;

        @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why it is set.")
        String comment;

        /** The one way the end is given. */
        static final class End {
            @Option(names = "--for", required = true, paramLabel = "DURATION",
                    description = "How long it lasts: 30m, 2h, 1d, ...")
            String duration;

            @Option(names = "--until", required = true, paramLabel = "DATE",
                    description = "When it ends, in UTC like every other time: 2026-03-14T18:00:00Z, "
                            + "2026-03-14T18:00 or 2026-03-14 (midnight UTC); an offset may be given: "
                            + "2026-03-14T18:00+09:00.")
            String until;
        }

        @Override
        public Integer call() {
            Instant now = Instant.now();
            Map<String, List<String>> conditions = conditions();
            try {
                Silences.matcher(conditions);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            Instant endsAt = end.duration != null ? now.plus(duration(end.duration)) : until(end.until, now);
            if (comment.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--comment must say why the silence is set");
            }
            NewswatchConfig config = configOptions.load();
            Silence silence = Silence.create(conditions, now, endsAt, comment.trim(), now);
            try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
                SilenceWriter.add(kafka.clientProperties(), clientId(config), silence);
            }
            System.out.println("silence " + silence.id() + " added: " + silence.conditionsText() + ", ends "
                    + endsAt.truncatedTo(ChronoUnit.SECONDS) + " (in " + human(Duration.between(now, endsAt)) + ")");
            return 0;
        }

        private Map<String, List<String>> conditions() {
            Map<String, List<String>> conditions = new LinkedHashMap<>();
            for (String rule : rules) {
                add(conditions, "rule", rule, "--rule " + rule);
            }
            for (String m : matches) {
                if (OPERATOR_MATCHER.matcher(m).lookingAt()) {
                    add(conditions, "matchers", m, "--match " + m);
                    continue;
                }
                int eq = m.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), "--match " + m + ": expected KEY=VALUE");
                }
                for (String value : m.substring(eq + 1).split(",", -1)) {
                    add(conditions, m.substring(0, eq).trim(), value, "--match " + m);
                }
            }
            if (conditions.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "a silence needs at least one condition: "
                        + "--rule ID or --match KEY=VALUE (a silence of everything is not allowed)");
            }
            return conditions;
        }

        private void add(Map<String, List<String>> conditions, String key, String value, String option) {
            if (value.isBlank()) {
                throw new ParameterException(spec.commandLine(), option + ": empty value");
            }
            List<String> values = conditions.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.contains(value.trim())) {
                values.add(value.trim());
            }
        }

        private Duration duration(String text) {
            Duration d;
            try {
                d = LENGTH.parse(text, "command line");
            } catch (ConfigException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            if (d.isNegative() || d.isZero()) {
                throw new ParameterException(spec.commandLine(), "--for " + text + ": must be longer than zero");
            }
            return d;
        }

        private Instant until(String text, Instant now) {
            Instant at = parseTime(text.trim());
            if (at == null) {
                throw new ParameterException(spec.commandLine(), "--until " + text + ": expected a time such as "
                        + "2026-03-14T18:00:00Z, 2026-03-14T18:00 or 2026-03-14");
            }
            if (!at.isAfter(now)) {
                throw new ParameterException(spec.commandLine(), "--until " + text + ": is not in the future");
            }
            return at;
        }

        /** The time, with its own offset, else in UTC (as every date of the CLI is); null when it is none. */
        static Instant parseTime(String text) {
            ZoneId zone = java.time.ZoneOffset.UTC;
            try {
                return OffsetDateTime.parse(text).toInstant(); // also takes the Z form
            } catch (DateTimeParseException e) {
                // not with an offset: the forms without one are UTC
            }
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // not a date-time either
            }
            try {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** {@code newswatch silence list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the silences that have not ended (with --all, ended ones too), newest first.",
                    "Exit status: 0, or 1 when Kafka cannot be reached."})
    static final class ListSilences implements Callable<Integer> {
        @Mixin
        ConfigOptions configOptions;

        @Option(names = "--all", description = "Include ended and expired silences.")
        boolean all;

        @Option(names = "--json", description = "Print one JSON object per silence (with \"active\") instead of "
                + "the table.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            NewswatchConfig config = configOptions.load();
            Instant now = Instant.now();
            List<Silence> silences;
            try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
                silences = Silences.read(kafka.clientProperties(), clientId(config)).values().stream()
                        .filter(s -> all || !s.endedBy(now)).sorted(Silences.NEWEST_FIRST).toList();
            }
            if (json) {
                for (Silence s : silences) {
                    ObjectNode node = Json.mapper().valueToTree(s);
                    node.put("active", s.activeAt(now));
                    System.out.println(Json.mapper().writeValueAsString(node));
                }
            } else if (silences.isEmpty()) {
                System.out.println(all ? "no silences on news.silences"
                        : "no active silences (--all shows ended ones)");
            } else {
                print(silences, now);
            }
            return 0;
        }

        private static void print(List<Silence> silences, Instant now) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "CONDITIONS", "ENDS", "BY", "COMMENT"});
            for (Silence s : silences) {
                String ends = s.endsAt().truncatedTo(ChronoUnit.SECONDS) + (s.endedBy(now) ? " (ended)"
                        : " (in " + human(Duration.between(now, s.endsAt())) + ")");
                rows.add(new String[] {s.id(), s.conditionsText(), ends, String.valueOf(s.createdBy()),
                        s.comment() == null ? "" : s.comment()});
            }
            int[] width = new int[4];
            for (String[] row : rows) {
                for (int i = 0; i < width.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
            String format = "%-" + width[0] + "s  %-" + width[1] + "s  %-" + width[2] + "s  %-" + width[3]
                    + "s  %s%n";
            for (String[] row : rows) {
                System.out.printf(format, (Object[]) row);
            }
        }
    }

    /** {@code newswatch silence expire ID}. */
    @Command(name = "expire", mixinStandardHelpOptions = true,
            description = {"End a silence now. It stays listed by 'silence list --all'.",
                    "Exit status: 0 when it has ended, 1 when no silence has this id or Kafka cannot be reached."})
    static final class Expire implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConfigOptions configOptions;

        @Parameters(paramLabel = "ID", description = "The silence's id, as 'silence list' shows it.")
        String id;

        @Override
        public Integer call() {
            NewswatchConfig config = configOptions.load();
            Instant now = Instant.now();
            Optional<Silence> after;
            try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
                after = SilenceWriter.expire(kafka.clientProperties(), clientId(config), id, now);
            }
            if (after.isEmpty()) {
                spec.commandLine().getErr().println("newswatch silence expire: no silence with id '" + id
                        + "' (see 'newswatch silence list --all')");
                return ErrorReporting.FAILURE;
            }
            Silence s = after.get();
            if (s.endsAt().isBefore(now)) { // expire() moves only a running silence's end to now
                System.out.println("silence " + id + " had already ended at " + s.endsAt().truncatedTo(
                        ChronoUnit.SECONDS));
            } else {
                System.out.println("silence " + id + " expired at " + s.endsAt().truncatedTo(ChronoUnit.SECONDS)
                        + ": " + s.conditionsText());
            }
            return 0;
        }
    }

    /** "45s", "12m", "3h 5m", "2d 4h". */
    static String human(Duration d) {
        return Durations.human(d);
    }
}
