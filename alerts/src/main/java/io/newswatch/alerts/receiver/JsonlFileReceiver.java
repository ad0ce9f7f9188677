package io.newswatch.alerts.receiver;

import io.newswatch.model.Alert;
import io.newswatch.model.serde.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Appends each alert to a file as one line of JSON (the {@link JsonSerde} form of {@link Alert}, the JSON Lines
 * format of https://jsonlines.org/): UTF-8, one object per line, {@code \n} after each.
 *
 * <p>Each line is written with a single append-mode write under a lock, so lines from several threads (and, on
 * POSIX file systems, from several processes appending to the same file) never interleave, and the line is in
 * the operating system's hands before {@link #deliver} returns: it survives a crash of this JVM, not a power
 * cut. The file and its parent directories are created when missing; existing content is kept.
 *
 * <p>Failure behaviour: the constructor throws {@link UncheckedIOException} naming the file when it cannot be
 * opened, so a wrong path fails at start-up. A failed write is a retryable {@link DeliveryException} (a full disk
 * may be cleared); the file is reopened on the next attempt.
 */
public final class JsonlFileReceiver implements AlertReceiver {
    private static final JsonSerde<Alert> SERDE = JsonSerde.of(Alert.class);

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

    @Override
    public synchronized void deliver(Alert alert) throws DeliveryException {
        byte[] json;
        try {
            json = SERDE.toBytes(alert);
        } catch (SerializationException e) {
            throw new DeliveryException("alert " + alert.id() + " cannot be written as JSON: " + e.getMessage(),
                    false, null, e);
        }
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            if (channel == null) {
                channel = open();
            }
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            closeQuietly();
            throw new DeliveryException("cannot append to " + file + ": " + e, true, null, e);
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
