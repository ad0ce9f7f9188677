package io.newswatch.tagger.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The query nodes that constrain where their operands hold ({@link QueryNode}): NEAR/ONEAR by word distance between
 * the spans of two positional operands, SENTENCE/PARAGRAPH by evaluating the operand inside one sentence or
 * paragraph at a time.
 *
 * <p>A NEAR is itself positional (its spans are the pairs it found); a scope is not, and {@code spans} on it throws
 * {@link IllegalStateException}, as the base does. Both read the document's units and hits only through
 * {@link DocumentIndex}. Not instantiable: only the nested node classes are.
 */
final class ProximityNodes {
    private ProximityNodes() {
    }

    /** NEAR/n and ONEAR/n: word positions differ by at most n (adjacent words are 1 apart). */
    static final class Near extends QueryNode {
        final QueryNode left;
        final QueryNode right;
        final int distance;
        final boolean ordered;

        Near(QueryNode left, QueryNode right, int distance, boolean ordered, int[] triggers) {
            super(triggers);
            this.left = left;
            this.right = right;
            this.distance = distance;
            this.ordered = ordered;
        }

        @Override
        boolean positional() {
            return true;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            List<Span> found = new ArrayList<>(2);
            pairs(d, from, to, found, w == null);
            if (w != null) {
                for (Span s : found) {
                    for (int e : s.entries()) {
                        w.add(e);
                    }
                }
            }
            return !found.isEmpty();
        }

        @Override
        void spans(DocumentIndex d, int from, int to, List<Span> out) {
            pairs(d, from, to, out, false);
        }

        private void pairs(DocumentIndex d, int from, int to, List<Span> out, boolean firstOnly) {
            // most NEARs fail because one side is absent: find that out before building any span
            if (!right.eval(d, from, to, null) || !left.eval(d, from, to, null)) {
                return;
            }
            List<Span> as = new ArrayList<>();
            left.spans(d, from, to, as);
            if (as.isEmpty()) {
                return;
            }
            List<Span> bs = new ArrayList<>();
            right.spans(d, from, to, bs);
            for (Span a : as) {
                for (Span b : bs) {
                    if (close(a, b)) {
                        int[] entries = new int[a.entries().length + b.entries().length];
                        System.arraycopy(a.entries(), 0, entries, 0, a.entries().length);
                        System.arraycopy(b.entries(), 0, entries, a.entries().length, b.entries().length);
                        out.add(new Span(Math.min(a.start(), b.start()), Math.max(a.end(), b.end()),
                                Math.min(a.ws(), b.ws()), Math.max(a.we(), b.we()), entries));
                        if (firstOnly) {
                            return;
                        }
                    }
                }
            }
        }

        private boolean close(Span a, Span b) {
            if (a.start() == b.start() && a.end() == b.end()) {
                return false;
            }
            if (a.we() < b.ws()) {
                return b.ws() - a.we() <= distance;
            }
            if (ordered) {
                return false;
            }
            if (b.we() < a.ws()) {
                return a.ws() - b.we() <= distance;
            }
            return true;
        }
    }

    /** SENTENCE(q) / PARAGRAPH(q): some unit overlapping the range satisfies q within the overlap. */
    static final class Scope extends QueryNode {
        /** Evidence is gathered from at most this many units per scope, so one tag never drags in a whole book. */
        static final int MAX_EVIDENCE_UNITS = 8;
        final QueryNode operand;
        final boolean paragraph;

        final int[][] required;
        final int[] requiredSlots;

        @Override
        int[][] required() {
            return required;
        }

        @Override
        int[] requiredSlots() {
            return requiredSlots;
        }

        Scope(QueryNode operand, boolean paragraph) {
            super(operand.triggers);
            this.operand = operand;
            this.paragraph = paragraph;
            this.required = operand.required();
            this.requiredSlots = operand.requiredSlots();
        }

        @Override
        boolean entityOnly(int entityCount) {
            return operand.entityOnly(entityCount);
        }

        @Override
        int narrowness() {
            return paragraph ? 1 : 2;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            int[] units = required.length == 0 ? d.candidateUnits(null, paragraph, from, to)
                    : unitsOf(d, 0, from, to);
            for (int i = 1; i < required.length && units.length > 0; i++) {
                units = intersect(units, unitsOf(d, i, from, to));
            }
            boolean any = false;
            int proven = 0;
            for (int u : units) {
                int s = Math.max(from, paragraph ? d.paragraphStart(u) : d.sentenceStart(u));
                int e = Math.min(to, paragraph ? d.paragraphEnd(u) : d.sentenceEnd(u));
                if (s >= e) {
                    continue;
                }
                if (operand.eval(d, s, e, w)) {
                    if (w == null) {
                        return true;
                    }
                    any = true;
                    if (++proven == MAX_EVIDENCE_UNITS) {
                        break;
                    }
                }
            }
            return any;
        }

        private int[] unitsOf(DocumentIndex d, int i, int from, int to) {
            return requiredSlots[i] >= 0 ? d.unitsOfWordList(requiredSlots[i], required[i], paragraph, from, to)
                    : d.candidateUnits(required[i], paragraph, from, to);
        }

        private static int[] intersect(int[] a, int[] b) {
            int[] out = new int[Math.min(a.length, b.length)];
            int n = 0;
            for (int i = 0, j = 0; i < a.length && j < b.length; ) {
                if (a[i] == b[j]) {
                    out[n++] = a[i];
                    i++;
                    j++;
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return n == out.length ? out : java.util.Arrays.copyOf(out, n);
        }
    }
}
