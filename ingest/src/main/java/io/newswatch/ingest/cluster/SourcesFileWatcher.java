package io.newswatch.ingest.cluster;

import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourcesException;
import io.newswatch.ingest.source.SourcesFile;
import io.newswatch.model.topics.CompactedTopicWriter;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link Topics#SOURCES} equal to a sources file: syncs it once at {@link #start()}, then checks the file
 * every {@code interval} and syncs it again when its modification time or size changed. Editing the file is thus
 * how an operator adds, changes or removes sources without restarting anything: the instance that owns a source
 * (see {@link SourceGroupMember}) picks the change up from the topic.
 *
 * <p>Polling the file's attributes, rather than a {@link java.nio.file.WatchService}, works the same on every file
 * system (network mounts and container volumes often deliver no events) and sees editors that replace the file.
 *
 * <p>Failure behaviour: a file that fails validation at {@link #start()} throws {@link SourcesException} (the
 * instance should not start on a broken list). Later, a broken or missing file is one ERROR line with the
 * file:line:column message, and the topic keeps the last good list; a Kafka failure is a WARN and the sync is tried
 * again at the next check.
 */
public final class SourcesFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SourcesFileWatcher.class);

    private final Path file;
    private final SourcesTopic topic;
    private final Duration interval;
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread thread;
    private Object lastSeen;
    private Object lastSynced;

    /**
     * @param interval how often the file's attributes are checked
     */
    public SourcesFileWatcher(Path file, SourcesTopic topic, Duration interval) {
        this.file = file;
        this.topic = topic;
        this.interval = interval;
    }

    /**
     * Syncs the file to the topic, then starts watching it.
     *
     * @return what the first sync changed
     * @throws SourcesException      when the file is missing or invalid
     * @throws IllegalStateException when Kafka cannot be written
     */
    public CompactedTopicWriter.SyncResult start() {
        Object stamp = stamp();
        List<Source> sources = SourcesFile.load(file);
        CompactedTopicWriter.SyncResult result = topic.sync(sources);
        lastSeen = stamp;
        lastSynced = stamp;
        LOG.info("sources file {} synced to {}: {}", file, Topics.SOURCES.name(), result);
        thread = new Thread(this::watch, "newswatch-sources-file");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private void watch() {
        try {
            while (!closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                checkOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Syncs when the file changed since the last check (or the last sync failed); for tests and the watch loop. */
    void checkOnce() {
        Object stamp = stamp();
        if (Objects.equals(stamp, lastSeen) && Objects.equals(stamp, lastSynced)) {
            return;
        }
        boolean changed = !Objects.equals(stamp, lastSeen);
        lastSeen = stamp;
        List<Source> sources;
        try {
            sources = SourcesFile.load(file);
        } catch (SourcesException e) {
            if (changed) {
                LOG.error("sources file changed but is not valid, {} keeps the last good list: {}",
                        Topics.SOURCES.name(), e.getMessage());
            }
            lastSynced = stamp; // nothing to retry until the file changes again
            return;
        }
        try {
            CompactedTopicWriter.SyncResult result = topic.sync(sources);
            lastSynced = stamp;
            LOG.info("sources file {} changed, synced to {}: {}", file, Topics.SOURCES.name(), result);
        } catch (RuntimeException e) {
            LOG.warn("cannot sync sources file {} to {}, retrying: {}", file, Topics.SOURCES.name(),
                    e.getMessage());
        }
    }

    /** Modification time and size, or a marker for a missing file. */
    private Object stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(a.lastModifiedTime().toMillis(), a.size(), a.fileKey() == null ? "" : a.fileKey());
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
