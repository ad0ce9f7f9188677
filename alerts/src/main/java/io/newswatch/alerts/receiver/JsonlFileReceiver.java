package io.newswatch.alerts.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Appends each alert to a file as one line of JSON (the {@link JsonSerde} form of {@link Alert}, the JSON Lines
 * format of https://jsonlines.org/): UTF-8, one object per line, {@code \n} after each. The alerts of a group or
 * reminder notification are written as one line each, marked with the notification they came in.
 *
 * <p>Each notification's lines are written with a single append-mode write under a lock, so lines from several
 * threads (and, on POSIX file systems, from several processes appending to the same file) never interleave, and
 * the lines are in the operating system's hands before {@link #deliver} returns: they survive a crash of this
 * JVM, not a power cut. The file and its parent directories are created when missing; existing content is kept.
 *
 * <p>Failure behaviour: the constructor throws {@link UncheckedIOException} naming the file when it cannot be
 * opened, so a wrong path fails at start-up. A failed write is a retryable {@link DeliveryException} (a full disk
 * may be cleared); the file is reopened on the next attempt.
 */
public final class JsonlFileReceiver implements AlertReceiver {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private FileChannel channel;

    /**
     * Opens (creating when needed) the file for appending.
     *
     * @throws UncheckedIOException when the file or its directories cannot be created or opened
     */
    public JsonlFileReceiver(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        try {
            this.channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open alerts file " + file + " for appending: " + e, e);
        }
    }

    /** The file alerts are appended to. */
    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return "file(" + file + ")";
    }


    /**
     * Appends one line per alert; for a group or reminder each line also carries
     * {@code "notification":{"kind":"group"|"reminder","key":...,"group":...}}, so a reader can tell which alerts
     * came in one message. All lines of a notification go out in one write, so they are never split by another
     * writer's line.
     */
    @Override
    public synchronized void deliver(Notification notification) throws DeliveryException {
        byte[] tag = notification.isSingle() ? null : notificationField(notification);
        ByteArrayOutputStream lines = new ByteArrayOutputStream(1024 * notification.alerts().size());
        for (Alert alert : notification.alerts()) {
            byte[] json;
            try {
                json = SERDE.toBytes(alert);
            } catch (SerializationException e) {
                throw new DeliveryException("alert " + alert.id() + " cannot be written as JSON: "
                        + e.getMessage(), false, null, e);
            }
            if (tag == null) {
                lines.write(json, 0, json.length);
            } else {
                // the alert's own object with one more member: its closing brace gives way to the member and a new one
                lines.write(json, 0, json.length - 1);
                lines.write(tag, 0, tag.length);
            }
            lines.write('\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
        try {
            if (channel == null) {
                channel = open();
            }
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new DeliveryException("cannot append to " + file + ": " + e, true, null, e);
        }
    }

    /** {@code ,"notification":{"kind":..,"key":..,"group":..}} and the closing brace of the alert's object. */
    private static byte[] notificationField(Notification notification) throws DeliveryException {
        ObjectNode field = JSON.createObjectNode()
                .put("kind", notification.kind().name().toLowerCase(Locale.ROOT))
                .put("key", notification.key())
                .put("group", notification.group());
        try {
            return (",\"notification\":" + JSON.writeValueAsString(field) + "}").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("notification " + notification.key() + " cannot be written as JSON: "
                    + e.getMessage(), false, null, e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private FileChannel open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private void closeQuietly() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the channel is unusable either way; the next delivery reopens the file
        }
        channel = null;
    }
}
