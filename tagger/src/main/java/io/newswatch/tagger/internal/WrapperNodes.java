package io.newswatch.tagger.internal;

import java.util.List;

/**
 * The query nodes that wrap one other node ({@link QueryNode}) and change only how it is evaluated: in which
 * evidence role its witnesses are recorded ({@link Decisive}), or whether its whole-text verdict is computed once per
 * text ({@link Memo}). Everything the engine plans with (required leaves, narrowness, positions) is the inner node's,
 * so wrapping never changes which rules are candidates for a text, and {@code spans} on a wrapper throws
 * {@link IllegalStateException} exactly where the inner node's does. Not instantiable: only the nested node classes
 * are.
 */
final class WrapperNodes {
    private WrapperNodes() {
    }

    /** A node that changes only how its inner node is evaluated: everything else is the inner node's. */
    abstract static class Wrapper extends QueryNode {
        final QueryNode inner;

        Wrapper(QueryNode inner) {
            super(inner.triggers);
            this.inner = inner;
        }

        @Override
        int[][] required() {
            return inner.required();
        }

        @Override
        int[] requiredSlots() {
            return inner.requiredSlots();
        }

        @Override
        boolean entityOnly(int entityCount) {
            return inner.entityOnly(entityCount);
        }

        @Override
        int narrowness() {
            return inner.narrowness();
        }

        @Override
        boolean positional() {
            return inner.positional();
        }

        @Override
        void spans(DocumentIndex d, int from, int to, List<Span> out) {
            inner.spans(d, from, to, out);
        }
    }

    /**
     * A query part a rule names as decisive ({@code decisive:}): hits recorded inside it are decisive while the rest
     * of the rule's query only gives context.
     */
    static final class Decisive extends Wrapper {
        Decisive(QueryNode inner) {
            super(inner);
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            if (w == null) {
                return inner.eval(d, from, to, null);
            }
            boolean previous = w.contextMode(false);
            try {
                return inner.eval(d, from, to, w);
            } finally {
                w.contextMode(previous);
            }
        }

    }

    /**
     * A named list as used by rules: its verdict over the whole text is remembered for the rest of the text, so the
     * rules that share a list (the sanctions kinds and sanctions-violation) evaluate it once.
     */
    static final class Memo extends Wrapper {
        final int slot;

        Memo(QueryNode inner, int slot) {
            super(inner);
            this.slot = slot;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            if (from != 0 || to != d.text().length()) {
                return inner.eval(d, from, to, w);
            }
            int known = d.memo(slot);
            // a false verdict leaves no witnesses, so it is as good with a collector as without
            if (known == 0 || known == 1 && w == null) {
                return known == 1;
            }
            if (known == 1) {
                // a list that several rules share (every sanctions kind is also part of sanctions-violation): the
                // same evaluation in the same mode records the same witnesses, so the first one's are replayed
                int[] replay = d.memoWitnesses(slot, w.contextMode());
                if (replay != null) {
                    w.addPacked(replay);
                    return true;
                }
            }
            int before = w == null ? 0 : w.size();
            boolean mode = w != null && w.contextMode();
            boolean result = inner.eval(d, from, to, w);
            d.remember(slot, result);
            if (result && w != null) {
                d.rememberWitnesses(slot, mode, w.packed(before));
            }
            return result;
        }

    }
}
