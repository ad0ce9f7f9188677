package io.newswatch.streams.replay;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only temporary file of byte records, read back by position: what a replay keeps of each article between
 * its passes, so that its heap does not grow with the archive (a year of news is millions of articles; each keeps a
 * record of about a kilobyte here and a few dozen bytes in memory).
 *
 * <p>Records are written by one thread ({@link #append}); once {@link #finishWriting()} has been called they can be
 * read from any number of threads ({@link #read}, positional reads). The file is deleted when the spill file is
 * closed or, failing that, when it is no longer reachable (the lists over it keep it alive) or when the JVM exits.
 *
 * <p>Failure behaviour: an I/O error (a full disk) is thrown as {@link UncheckedIOException} naming the file.
 */
final class SpillFile implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BUFFER = 1 << 16;

    /** What the cleaner needs to delete the file: not the spill file itself, which would then never be unreachable. */
    private static final class Handle implements Runnable {
        private final Path path;
        private volatile FileChannel reader;

        Handle(Path path) {
            this.path = path;
        }

        @Override
        public synchronized void run() {
            try {
                if (reader != null) {
                    reader.close();
                    reader = null;
                }
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing for; the JVM's exit hook tries again
            }
        }
    }

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private DataOutputStream out;
    private long size;

    /** Creates the file in the temporary directory. */
    SpillFile(String prefix) {
        try {
            Path path = Files.createTempFile(prefix, ".spill");
            path.toFile().deleteOnExit();
            handle = new Handle(path);
            cleanable = CLEANER.register(this, handle);
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the replay: " + e.getMessage(), e);
        }
    }

    /** Appends a record and returns its position. */
    long append(byte[] record) {
        if (out == null) {
            throw new IllegalStateException("the spill file " + handle.path + " is no longer written");
        }
        long at = size;
        try {
            out.writeInt(record.length);
            out.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + handle.path + ": " + e.getMessage(), e);
        }
        size += Integer.BYTES + record.length;
        return at;
    }

    /** Ends the writing: every record appended is readable afterwards. */
    void finishWriting() {
        if (out == null) {
            return;
        }
        try {
            out.close();
            out = null;
            synchronized (handle) {
                handle.reader = FileChannel.open(handle.path, StandardOpenOption.READ);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + handle.path + ": " + e.getMessage(), e);
        }
    }

    /** The record at a position {@link #append} returned. */
    byte[] read(long at) {
        FileChannel reader = handle.reader;
        if (reader == null) {
            throw new IllegalStateException("the spill file " + handle.path + " is still being written, or closed");
        }
        try {
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            fill(reader, length, at);
            ByteBuffer record = ByteBuffer.allocate(length.getInt(0));
            fill(reader, record, at + Integer.BYTES);
            return record.array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + handle.path + " at " + at + ": " + e.getMessage(), e);
        }
    }

    private static void fill(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException("the file ends before the record does");
            }
        }
    }

    /** Where the records are. */
    Path path() {
        return handle.path;
    }

    /** Bytes written so far. */
    long size() {
        return size;
    }

    /** Deletes the file; lists over it can no longer be read. */
    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // closing to delete: nothing written matters any more
            }
            out = null;
        }
        cleanable.clean();
    }
}
