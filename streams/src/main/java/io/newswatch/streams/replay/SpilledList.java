package io.newswatch.streams.replay;

import java.util.AbstractList;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list whose elements live in a {@link SpillFile}: each {@link #get} reads and decodes one record,
 * so the list costs eight bytes of heap per element however large the elements are. Equality and hash code are the
 * elements' ({@link java.util.List}'s contract), so a spilled list equals the same elements held in memory.
 *
 * <p>The list keeps its file alive; the file is deleted once no list over it is reachable. A read error is thrown
 * as {@link java.io.UncheckedIOException}.
 *
 * @param <T> the element type
 */
final class SpilledList<T> extends AbstractList<T> implements RandomAccess {
    private final SpillFile file;
    private final long[] positions;
    private final Function<byte[], T> decode;

    /**
     * @param file      the file the records are in, written to its end ({@link SpillFile#finishWriting()})
     * @param positions each element's record position, in list order; not copied, so the caller must not change it
     * @param decode    turns a record back into an element
     */
    SpilledList(SpillFile file, long[] positions, Function<byte[], T> decode) {
        this.file = file;
        this.positions = positions;
        this.decode = decode;
    }

    @Override
    public T get(int index) {
        return decode.apply(file.read(positions[index]));
    }

    @Override
    public int size() {
        return positions.length;
    }
}
