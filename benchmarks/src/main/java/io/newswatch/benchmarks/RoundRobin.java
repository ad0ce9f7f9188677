package io.newswatch.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark thread's position in a fixed set of inputs (articles, pages): every invocation takes the next one,
 * wrapping around, so no input is favoured and the JIT sees the whole mix.
 */
@State(Scope.Thread)
public class RoundRobin {
    private int next;

    /** The index of the next input, wrapping around at {@code size}. */
    int next(int size) {
        int i = next;
        next = i + 1 == size ? 0 : i + 1;
        return i;
    }
}
