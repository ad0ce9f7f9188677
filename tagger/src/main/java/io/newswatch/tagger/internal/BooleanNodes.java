package io.newswatch.tagger.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The boolean combinators of a compiled query ({@link QueryNode}): AND, OR and NOT, each evaluated over the same
 * range as its operands, so they combine verdicts without looking at positions themselves.
 *
 * <p>Witnesses follow the verdict: a false AND takes back whatever its operands recorded, and NOT never records
 * any. An OR is {@link QueryNode#positional()} when all its operands are, and then its spans are theirs; on any
 * other combinator {@code spans} throws {@link IllegalStateException}, as the base does. Not instantiable: only the
 * nested node classes are.
 */
final class BooleanNodes {
    private BooleanNodes() {
    }

    /** AND: every operand holds over the range; operands marked as context record their witnesses as context. */
    static final class And extends QueryNode {
        final QueryNode[] operands;
        /** Per operand, whether its hits are context rather than decisive evidence; null when none are. */
        final boolean[] context;

        And(QueryNode[] operands, int[] triggers, boolean[] context) {
            super(triggers);
            this.operands = operands;
            this.context = context;
        }

        @Override
        boolean entityOnly(int entityCount) {
            for (QueryNode op : operands) {
                if (!(op instanceof Not) && !op.entityOnly(entityCount)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int narrowness() {
            int n = -1;
            for (QueryNode op : operands) {
                n = Math.max(n, op.narrowness());
            }
            return n;
        }

        @Override
        int[][] required() {
            java.util.List<int[]> sets = new ArrayList<>();
            for (QueryNode op : operands) {
                for (int[] set : op.required()) {
                    sets.add(set);
                }
            }
            return sets.toArray(new int[0][]);
        }

        @Override
        int[] requiredSlots() {
            java.util.List<Integer> slots = new ArrayList<>();
            for (QueryNode op : operands) {
                for (int slot : op.requiredSlots()) {
                    slots.add(slot);
                }
            }
            return slots.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            if (w != null && context != null) {
                return evalWithRoles(d, from, to, w);
            }
            int mark = w == null ? 0 : w.size();
            for (QueryNode op : operands) {
                if (!op.eval(d, from, to, w)) {
                    if (w != null) {
                        w.truncate(mark);
                    }
                    return false;
                }
            }
            return true;
        }

        private boolean evalWithRoles(DocumentIndex d, int from, int to, Witnesses w) {
            int mark = w.size();
            for (int i = 0; i < operands.length; i++) {
                boolean previous = context[i] ? w.contextMode(true) : false;
                boolean holds = operands[i].eval(d, from, to, w);
                if (context[i]) {
                    w.contextMode(previous);
                }
                if (!holds) {
                    w.truncate(mark);
                    return false;
                }
            }
            return true;
        }
    }

    /** OR: some operand holds; with a collector every operand is evaluated, so each proof is shown. */
    static final class Or extends QueryNode {
        final QueryNode[] operands;

        Or(QueryNode[] operands, int[] triggers) {
            super(triggers);
            this.operands = operands;
        }

        @Override
        boolean entityOnly(int entityCount) {
            for (QueryNode op : operands) {
                if (!op.entityOnly(entityCount)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int narrowness() {
            int n = Integer.MAX_VALUE;
            for (QueryNode op : operands) {
                n = Math.min(n, op.narrowness());
            }
            return n;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            boolean any = false;
            for (QueryNode op : operands) {
                if (op.eval(d, from, to, w)) {
                    if (w == null) {
                        return true;
                    }
                    any = true;
                }
            }
            return any;
        }

        @Override
        boolean positional() {
            for (QueryNode op : operands) {
                if (!op.positional()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void spans(DocumentIndex d, int from, int to, List<Span> out) {
            for (QueryNode op : operands) {
                op.spans(d, from, to, out);
            }
        }
    }

    /** NOT: the operand does not hold over the range; an absence has no witnesses, so none are recorded. */
    static final class Not extends QueryNode {
        final QueryNode operand;

        Not(QueryNode operand) {
            super(null);
            this.operand = operand;
        }

        @Override
        int narrowness() {
            return -1;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            return !operand.eval(d, from, to, null);
        }
    }
}
