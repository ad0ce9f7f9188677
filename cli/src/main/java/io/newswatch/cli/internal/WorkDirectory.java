package io.newswatch.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The scratch directory a self-contained command (demo, benchmarks) keeps its broker and state in. */
public final class WorkDirectory {
    private WorkDirectory() {
    }

    /**
     * Deletes the directory and everything under it, as far as it can: a file that cannot be deleted is left, since
     * a leftover in the temporary space is harmless and the command's result matters more.
     */
    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // see above: nothing the user can act on
        }
    }
}
