package io.newswatch.broker.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads what a formatted Kafka log directory says about itself, and removes directories we own. */
public final class DataDirectories {

    private static final String META_PROPERTIES = "meta.properties";

    private DataDirectories() {
    }

    /**
     * The cluster id recorded by a previous format of {@code logDir}, if any. A cluster must reuse it when one of
     * its nodes' directories is already formatted, otherwise the nodes would disagree and refuse to start.
     *
     * @throws UncheckedIOException if {@code meta.properties} exists but cannot be read
     */
    public static Optional<String> existingClusterId(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    /**
     * Deletes {@code dir} and everything below it; a missing directory is fine.
     *
     * @throws UncheckedIOException if a file cannot be deleted
     */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
