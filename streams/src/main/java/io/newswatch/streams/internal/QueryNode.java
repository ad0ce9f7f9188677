package io.newswatch.streams.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled query: the {@link io.newswatch.streams.tagging.query.Query} tree with every word, phrase and entity
 * replaced by a leaf id of the ruleset's automaton, evaluated against one {@link DocumentIndex}.
 *
 * <p>Evaluation is over a character range (the whole text, a paragraph or a sentence): a leaf holds when one of
 * its hits starts inside the range. When a {@link Witnesses} collector is given, every hit that helped make the
 * query true is recorded (and taken back when a branch turns out false) so the tagger can show the sentences
 * behind a tag; without one, evaluation stops at the first proof.
 */
public abstract class QueryNode {
    /** Leaf ids of which at least one must have a hit in the range for this node to hold; null when none must. */
    final int[] triggers;

    QueryNode(int[] triggers) {
        this.triggers = triggers;
    }

    abstract boolean eval(DocumentIndex d, int from, int to, Witnesses w);

    /** Whether the node denotes positions (a leaf, an OR of such, a NEAR), so it can be an operand of NEAR. */
    boolean positional() {
        return false;
    }

    /** The positioned occurrences of a positional node inside the range. */
    void spans(DocumentIndex d, int from, int to, List<Span> out) {
        throw new IllegalStateException("not positional");
    }

    /** One occurrence: characters {@code [start, end)}, words {@code ws..we}, and the hits it is made of. */
    record Span(int start, int end, int ws, int we, int[] entries) {
    }

    /** A word, phrase or entity. */
    static final class Leaf extends QueryNode {
        final int leaf;

        Leaf(int leaf) {
            super(new int[] {leaf});
            this.leaf = leaf;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            boolean found = false;
            for (int e = d.first(leaf), end = e + d.count(leaf); e < end; e++) {
                int s = d.start(e);
                if (s >= from && s < to) {
                    if (w == null) {
                        return true;
                    }
                    w.add(e);
                    found = true;
                }
            }
            return found;
        }

        @Override
        boolean positional() {
            return true;
        }

        @Override
        void spans(DocumentIndex d, int from, int to, List<Span> out) {
            for (int e = d.first(leaf), end = e + d.count(leaf); e < end; e++) {
                int s = d.start(e);
                if (s >= from && s < to) {
                    out.add(new Span(s, d.end(e), d.wordStart(e), d.wordEnd(e), new int[] {e}));
                }
            }
        }
    }

    static final class And extends QueryNode {
        final QueryNode[] operands;

        And(QueryNode[] operands, int[] triggers) {
            super(triggers);
            this.operands = operands;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
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
    }

    static final class Or extends QueryNode {
        final QueryNode[] operands;

        Or(QueryNode[] operands, int[] triggers) {
            super(triggers);
            this.operands = operands;
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

    static final class Not extends QueryNode {
        final QueryNode operand;

        Not(QueryNode operand) {
            super(null);
            this.operand = operand;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            return !operand.eval(d, from, to, null);
        }
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

        Scope(QueryNode operand, boolean paragraph) {
            super(operand.triggers);
            this.operand = operand;
            this.paragraph = paragraph;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            int[] units = d.candidateUnits(operand.triggers, paragraph, from, to);
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
    }
}
