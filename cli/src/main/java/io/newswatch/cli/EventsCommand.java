package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.LedgerFilter;
import io.newswatch.cli.internal.LedgerFormat;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch events}: the violations ledger. Reads {@code news.events} from its beginning to the end offsets it
 * has when the command starts, keeps the latest record of each event and prints those the filters select, newest
 * latest report first, as a table, JSON lines ({@code --json}) or CSV ({@code --csv}, see {@link LedgerFormat}).
 *
 * <p>Usage errors (an unknown commodity, a state that is not two letters, an unreadable {@code --since}, both
 * {@code --json} and {@code --csv}) exit with status 2 before anything is read; a cluster that cannot be read exits
 * with status 1.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"List the violations ledger on news.events: one line per breach of the sanctions on North "
                + "Korea or Russia (per story, commodity, from and to), revised as more outlets report it. Newest "
                + "latest report first. A count goes to standard error.",
                "Exit status: 0 on success (also when nothing matches), 1 when the cluster cannot be read, 2 on a "
                        + "usage error."})
final class EventsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--commodity", paramLabel = "COMMODITY",
            description = "Only this commodity: munitions, missiles, weapons, military-technology, petroleum, coal, "
                    + "minerals, luxury-goods, other-goods, workers, troops or funds.")
    String commodity;

    @Option(names = "--from", paramLabel = "CC",
            description = "Only events from this state (ISO 3166 alpha-2, e.g. KP).")
    String from;

    @Option(names = "--to", paramLabel = "CC", description = "Only events to this state (ISO 3166 alpha-2, e.g. RU).")
    String to;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only events whose latest report is this recent: "
            + "a duration back from now (7d, 12h) or an ISO 8601 date (2023-10-01, that day in UTC) or instant.")
    String since;

    @Option(names = "--vessel", paramLabel = "TEXT",
            description = "Only events with a vessel name or IMO number containing TEXT (ignoring case).")
    String vessel;

    @Option(names = "--place", paramLabel = "TEXT",
            description = "Only events with a place (port, city, region, facility) containing TEXT (ignoring case).")
    String place;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "Print one JSON object (the ledger record) per line.")
        boolean json;

        @Option(names = "--csv", description = "Print CSV (RFC 4180) with a header row; cells a spreadsheet would "
                + "run as formulas are prefixed with a single quote.")
        boolean csv;
    }

    @Override
    public Integer call() {
        LedgerFilter filter = filter(Instant.now());
        NewswatchConfig config = configOptions.load();
        Map<String, ViolationRecord> ledger;
        try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
            Properties p = kafka.clientProperties();
            // listing must never create the topic on a cluster that auto-creates topics
            p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
            ledger = CompactedTopicReader.read(p, config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-events-cli",
                    Topics.EVENTS);
        }
        List<ViolationRecord> selected = filter.select(ledger.values());
        print(selected, format, System.out);
        System.err.println(selected.size() + (selected.size() == 1 ? " event" : " events") + " (of "
                + ledger.size() + " on " + Topics.EVENTS.name() + ")");
        return 0;
    }

    static void print(List<ViolationRecord> records, Format format, PrintStream out) {
        if (format.json) {
            records.forEach(r -> out.println(LedgerFormat.json(r)));
        } else if (format.csv) {
            // CRLF line ends as RFC 4180 has them, whatever the platform's
            byte[] csv = LedgerFormat.csv(records).getBytes(StandardCharsets.UTF_8);
            out.write(csv, 0, csv.length);
            out.flush();
        } else {
            LedgerFormat.table(records).forEach(out::println);
        }
    }

    /** The filter the options give, {@code --since} durations counted back from {@code now}. */
    LedgerFilter filter(Instant now) {
        if (commodity != null && !ViolationEvent.COMMODITIES.contains(commodity.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--commodity must be one of "
                    + String.join(", ", ViolationEvent.COMMODITIES) + ", not '" + commodity + "'");
        }
        return new LedgerFilter(commodity == null ? null : commodity.toLowerCase(Locale.ROOT), state("--from", from),
                state("--to", to), since == null ? null : since(since, now), blankToNull(vessel), blankToNull(place));
    }

    private String state(String option, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[A-Za-z]{2}")) {
            throw new ParameterException(spec.commandLine(), option + " must be a two-letter ISO 3166 code such as "
                    + "KP or RU, not '" + value + "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /** A duration back from {@code now} ({@code 7d}, {@code PT12H}), or an ISO 8601 date or instant. */
    private Instant since(String value, Instant now) {
        try {
            return DateRange.parseBound(value, false);
        } catch (IllegalArgumentException notADate) {
            try {
                return now.minus(ConfigKey.parseDuration(value));
            } catch (IllegalArgumentException notADuration) {
                throw new ParameterException(spec.commandLine(), "--since must be a duration such as 7d or 12h, or "
                        + "an ISO 8601 date or instant such as 2023-10-01 or 2023-10-01T12:00:00Z, not '" + value
                        + "'");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
