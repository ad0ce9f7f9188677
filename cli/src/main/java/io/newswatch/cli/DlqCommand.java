package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.DeadLetters.Letter;
import io.newswatch.model.topics.DeadLetters.NotSent;
import io.newswatch.model.topics.DeadLetters.RedriveReport;
import io.newswatch.model.topics.DeadLetters.Sent;
import io.newswatch.model.topics.DeadLetters;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newswatch dlq}: lists the records on a dead-letter topic and, with {@code --redrive}, writes the selected
 * ones back to the topic they came from once the cause is fixed. The topic is news.dlq (records a service could not
 * process) or, with {@code --alerts} or {@code --dlq news.alerts.dlq}, news.alerts.dlq (alerts a receiver gave up
 * on; each line names the receiver). An alert re-driven from news.alerts.dlq goes back to news.alerts, and the
 * alerts service delivers it only to the receivers that have not had it yet.
 *
 * <p>Usage errors (conflicting options, a {@code --dlq} that is not one of the two) exit with status 2 before
 * anything is read.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = {"List the dead letters on news.dlq, or with --alerts on news.alerts.dlq (alerts a receiver "
                + "gave up on): offset, when it failed, where it came from, the error, the receiver (alerts) and the "
                + "key. A summary by source topic goes to standard error.",
                "With --redrive, write the selected ones back to their source topic (original key, value and "
                        + "headers, plus nw.redriven.from); it needs a filter or --all. A re-driven alert goes back "
                        + "to news.alerts and is delivered again only to the receivers that have not had it.",
                "Exit status: 0 on success, 1 when a dead letter was refused or not acknowledged, 2 on a usage error."})
final class DlqCommand implements Callable<Integer> {
    /** Lines of the listing stay within this width, so one dead letter is one terminal line. */
    static final int LINE_WIDTH = 160;
    private static final int KEY_WIDTH = 40;
    private static final int RECEIVER_WIDTH = 24;
    private static final int HEX_BYTES = 16;
    private static final Set<String> PARSED_HEADERS = Set.of(DeadLetterHeaders.ERROR_CLASS,
            DeadLetterHeaders.ERROR_MESSAGE, DeadLetterHeaders.SOURCE_TOPIC, DeadLetterHeaders.SOURCE_PARTITION,
            DeadLetterHeaders.SOURCE_OFFSET, DeadLetterHeaders.APPLICATION_ID, DeadLetterHeaders.FAILED_AT,
            DeadLetterHeaders.RECEIVER);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--dlq", paramLabel = "TOPIC", description = "The dead-letter topic to read: news.dlq "
            + "(default) or news.alerts.dlq.")
    String deadLetterTopic;

    @Option(names = "--alerts", description = "Read news.alerts.dlq, the alerts a receiver gave up on "
            + "(the same as --dlq news.alerts.dlq).")
    boolean alertsDeadLetters;

    @Option(names = "--topic", paramLabel = "SOURCE_TOPIC", description = "Only dead letters from this topic.")
    String sourceTopic;

    @Option(names = "--error", paramLabel = "TEXT",
            description = "Only dead letters whose error class or message contains TEXT (ignoring case).")
    String errorText;

    @Option(names = "--from", paramLabel = "OFFSET",
            description = "First offset on the chosen dead-letter topic (--dlq), inclusive.")
    Long fromOffset;

    @Option(names = "--to", paramLabel = "OFFSET",
            description = "Last offset on the chosen dead-letter topic (--dlq), inclusive.")
    Long toOffset;

    @Option(names = "--json", description = "Print one JSON object per dead letter (value as UTF-8 text, "
            + "or base64 when it is not UTF-8).")
    boolean json;

    @Option(names = "--redrive", description = "Write the selected dead letters back to their source topic.")
    boolean redrive;

    @Option(names = "--all", description = "With --redrive: select every dead letter (required when no filter is given).")
    boolean all;

    @Option(names = "--dry-run", description = "With --redrive: show what would be sent, send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        DeadLetters.Filter filter = new DeadLetters.Filter(sourceTopic, errorText, fromOffset, toOffset);
        checkUsage(filter);
        TopicSpec<byte[], byte[]> topic = chosenTopic();
        NewswatchConfig config = configOptions.load();
        try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
            DeadLetters dlq = new DeadLetters(kafka.clientProperties(),
                    config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-dlq-cli", topic);
            List<Letter> letters = dlq.read(filter);
            if (redrive) {
                return report(dlq.redrive(letters, dryRun));
            }
            for (Letter letter : letters) {
                System.out.println(json ? toJson(letter) : line(letter));
            }
            System.err.println(summary(letters));
            return 0;
        }
    }

    private void checkUsage(DeadLetters.Filter filter) {
        if (fromOffset != null && toOffset != null && fromOffset > toOffset) {
            throw new ParameterException(spec.commandLine(), "--from " + fromOffset + " is after --to " + toOffset);
        }
        if (redrive && filter.selectsAll() && !all) {
            throw new ParameterException(spec.commandLine(), "--redrive needs a filter (--topic, --error, --from, "
                    + "--to) or --all, so that no dead letter is re-driven by accident");
        }
        if (!redrive && (dryRun || all)) {
            throw new ParameterException(spec.commandLine(), (dryRun ? "--dry-run" : "--all") + " needs --redrive");
        }
        if (redrive && json) {
            throw new ParameterException(spec.commandLine(), "--json lists dead letters; it does not go with --redrive");
        }
    }

    /** The topic {@code --dlq} or {@code --alerts} names, news.dlq when neither is given. */
    private TopicSpec<byte[], byte[]> chosenTopic() {
        if (alertsDeadLetters && deadLetterTopic != null) {
            throw new ParameterException(spec.commandLine(), "--alerts is short for --dlq "
                    + Topics.ALERTS_DLQ.name() + "; give one of them, not both");
        }
        if (alertsDeadLetters) {
            return Topics.ALERTS_DLQ;
        }
        if (deadLetterTopic == null) {
            return Topics.DLQ;
        }
        return DeadLetters.DEAD_LETTER_TOPICS.stream().filter(t -> t.name().equals(deadLetterTopic)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--dlq must be "
                        + DeadLetters.DEAD_LETTER_TOPICS.stream().map(TopicSpec::name)
                        .collect(Collectors.joining(" or ")) + ", not '" + deadLetterTopic + "'"));
    }

    private static int report(RedriveReport report) {
        for (Sent s : report.sent()) {
            Letter l = s.letter();
            System.out.println(s.offset() < 0
                    ? "would re-drive dlq " + l.dlqOffset() + " (" + l.source() + ", key " + keyText(l.key()) + ") to "
                    + s.topic()
                    : "re-drove dlq " + l.dlqOffset() + " (" + l.source() + ") to " + s.topic() + "-" + s.partition()
                    + "@" + s.offset());
        }
        for (NotSent n : report.refused()) {
            System.err.println("refused dlq " + n.letter().dlqOffset() + " (" + n.letter().source() + "): " + n.reason());
        }
        for (NotSent n : report.failed()) {
            System.err.println("failed dlq " + n.letter().dlqOffset() + " (" + n.letter().source() + "): " + n.reason());
        }
        boolean dry = report.sent().stream().anyMatch(s -> s.offset() < 0);
        Map<String, Long> byTopic = report.sent().stream()
                .collect(Collectors.groupingBy(Sent::topic, TreeMap::new, Collectors.counting()));
        StringBuilder sb = new StringBuilder(dry ? "would re-drive " : "re-drove ");
        sb.append(byTopic.isEmpty() ? "0" : byTopic.entrySet().stream()
                .map(e -> e.getValue() + " to " + e.getKey()).collect(Collectors.joining(", ")));
        if (!report.refused().isEmpty()) {
            sb.append("; ").append(report.refused().size()).append(" refused");
        }
        if (!report.failed().isEmpty()) {
            sb.append("; ").append(report.failed().size()).append(" not acknowledged");
        }
        System.out.println(sb);
        return report.refused().isEmpty() && report.failed().isEmpty() ? 0 : 1;
    }

    /** "N dead letters (by source topic: news.alerts 1, news.articles 2)". */
    static String summary(List<Letter> letters) {
        String count = letters.size() + (letters.size() == 1 ? " dead letter" : " dead letters");
        if (letters.isEmpty()) {
            return count;
        }
        Map<String, Long> byTopic = letters.stream().collect(Collectors.groupingBy(
                l -> l.sourceTopic() == null ? "(unknown)" : l.sourceTopic(), TreeMap::new, Collectors.counting()));
        return count + " (by source topic: " + byTopic.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * One dead letter on one line of at most {@link #LINE_WIDTH} characters, ending with the receiver (when the
     * letter names one) and the key; the error message is what gives.
     */
    static String line(Letter l) {
        Instant at = l.failedAt() == null ? null : l.failedAt().truncatedTo(ChronoUnit.SECONDS);
        String prefix = String.format("%-6d %-20s %-28s ", l.dlqOffset(), at == null ? "-" : at, l.source());
        String tail = (l.receiver() == null ? "" : "receiver=" + shorten(l.receiver(), RECEIVER_WIDTH) + "  ")
                + "key=" + keyText(l.key());
        String error = (l.errorClass() == null ? "?" : simpleName(l.errorClass()))
                + (l.errorMessage() == null ? "" : ": " + l.errorMessage());
        return prefix + shorten(error, Math.max(20, LINE_WIDTH - prefix.length() - 2 - tail.length())) + "  " + tail;
    }

    /** The key as text when it is printable UTF-8, else {@code hex:} and its first bytes. */
    static String keyText(byte[] key) {
        if (key == null) {
            return "(none)";
        }
        String text = utf8(key);
        if (text != null && text.codePoints().noneMatch(Character::isISOControl)) {
            return shorten(text, KEY_WIDTH);
        }
        String hex = HexFormat.of().formatHex(key, 0, Math.min(key.length, HEX_BYTES));
        return "hex:" + hex + (key.length > HEX_BYTES ? "..." : "");
    }

    static String toJson(Letter l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dlqOffset", l.dlqOffset());
        m.put("timestamp", l.timestamp());
        m.put("failedAt", l.failedAt());
        m.put("sourceTopic", l.sourceTopic());
        m.put("sourcePartition", l.sourcePartition());
        m.put("sourceOffset", l.sourceOffset());
        m.put("applicationId", l.applicationId());
        m.put("receiver", l.receiver());
        m.put("errorClass", l.errorClass());
        m.put("errorMessage", l.errorMessage());
        putBytes(m, "key", l.key());
        putBytes(m, "value", l.value());
        List<Map<String, Object>> headers = new ArrayList<>();
        for (Header h : l.headers()) {
            if (!PARSED_HEADERS.contains(h.key())) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("name", h.key());
                putBytes(hm, "value", h.value());
                headers.add(hm);
            }
        }
        m.put("headers", headers);
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write dead letter " + l.dlqOffset() + " as JSON", e);
        }
    }

    /** {@code name} as UTF-8 text, or base64 when the bytes are not UTF-8; {@code nameEncoding} says which. */
    private static void putBytes(Map<String, Object> m, String name, byte[] bytes) {
        String text = bytes == null ? null : utf8(bytes);
        m.put(name, bytes == null ? null : text != null ? text : Base64.getEncoder().encodeToString(bytes));
        m.put(name + "Encoding", bytes == null ? null : text != null ? "utf-8" : "base64");
    }

    /** The bytes as text when they are valid UTF-8, else null (a lenient decode would hide the damage). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String shorten(String s, int width) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= width ? oneLine : oneLine.substring(0, Math.max(0, width - 3)) + "...";
    }
}
