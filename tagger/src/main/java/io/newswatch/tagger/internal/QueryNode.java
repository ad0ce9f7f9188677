package io.newswatch.tagger.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled query: the {@link io.newswatch.tagger.query.Query} tree with every word, phrase and entity
 * replaced by a leaf id of the ruleset's automaton, evaluated against one {@link DocumentIndex}.
 *
 * <p>Evaluation is over a character range (the whole text, a paragraph or a sentence): a leaf holds when one of
 * its hits starts inside the range. When a {@link Witnesses} collector is given, every hit that helped make the
 * query true is recorded (and taken back when a branch turns out false) so the tagger can show the sentences
 * behind a tag; without one, evaluation stops at the first proof. Each witness carries the role of the part that
 * recorded it: an AND marks its entity conditions and its wider-scoped operands as context (see
 * {@code QueryCompiler#contextOperands}), a rule's named decisive part ({@link Decisive}) marks its hits decisive.
 */
public abstract class QueryNode {
    /** At most this many hits of one word or entity are kept as evidence per evaluation. */
    static final int MAX_WITNESSES_PER_LEAF = 3;
    /** Leaf ids of which at least one must have a hit in the range for this node to hold; null when none must. */
    final int[] triggers;

    QueryNode(int[] triggers) {
        this.triggers = triggers;
    }

    abstract boolean eval(DocumentIndex d, int from, int to, Witnesses w);

    /**
     * Sets of leaves that must each have a hit for this node to hold (one set per conjunct); empty when nothing
     * must. A scope intersects the units holding hits of every set, so {@code SENTENCE(@KP AND $ARMS)} only looks
     * at sentences with both a North Korea mention and an arms word.
     */
    int[][] required() {
        return triggers == null ? new int[0][] : new int[][] {triggers};
    }

    /**
     * For each set of {@link #required()}, the word-list slot whose merged hits it is ({@link LeafSet}), or -1: a
     * scope then reads the list's hits, sorted once per text, instead of seeking each of its words.
     */
    int[] requiredSlots() {
        return triggers == null ? new int[0] : new int[] {-1};
    }

    /**
     * Whether the entries from position {@code i} (below {@code limit}) include one starting before {@code to};
     * positions are entry numbers, or indexes into {@code entries} when it is given. Records every such entry as a
     * witness when {@code w} is given.
     */
    static boolean anyStartsIn(DocumentIndex d, int i, int limit, int[] entries, int to, Witnesses w) {
        if (i >= limit || d.start(entries == null ? i : entries[i]) >= to) {
            return false;
        }
        if (w != null) {
            // a few occurrences show why; every mention of a country in a long article would only bury the reason
            for (int taken = 0; i < limit && taken < MAX_WITNESSES_PER_LEAF; i++, taken++) {
                int e = entries == null ? i : entries[i];
                if (d.start(e) >= to) {
                    break;
                }
                w.add(e);
            }
        }
        return true;
    }

    /**
     * Whether the node is an entity condition: only entity leaves ({@code @KP}, {@code (@KP OR @RU)}), possibly
     * scoped or AND-ed with other such. Entity leaves are the ids below {@code entityCount}.
     */
    boolean entityOnly(int entityCount) {
        return false;
    }

    /**
     * How narrow the scope is that this node proves something in: 2 for a sentence, 1 for a paragraph, 0 for the
     * enclosing scope (words, NEAR); an AND is as narrow as its narrowest operand, an OR as its widest. NOT proves
     * nothing and is -1.
     */
    int narrowness() {
        return 0;
    }

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
        boolean entityOnly(int entityCount) {
            return leaf < entityCount;
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            return anyStartsIn(d, d.seek(leaf, from), d.limit(leaf), null, to, w);
        }

        @Override
        boolean positional() {
            return true;
        }

        @Override
        void spans(DocumentIndex d, int from, int to, List<Span> out) {
            for (int e = d.seek(leaf, from), end = d.limit(leaf); e < end && d.start(e) < to; e++) {
                out.add(new Span(d.start(e), d.end(e), d.wordStart(e), d.wordEnd(e), new int[] {e}));
            }
        }
    }

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
     * An OR of plain leaves (a word list): evaluated through the document's merged, sorted hits of all its leaves,
     * computed once per text, so a list of a hundred words costs one binary search per range instead of a hundred.
     */
    static final class LeafSet extends QueryNode {
        final int slot;

        LeafSet(int[] leaves, int slot) {
            super(leaves);
            this.slot = slot;
        }

        @Override
        boolean entityOnly(int entityCount) {
            for (int leaf : triggers) {
                if (leaf >= entityCount) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int[] requiredSlots() {
            return new int[] {slot};
        }

        @Override
        boolean eval(DocumentIndex d, int from, int to, Witnesses w) {
            int[] entries = d.setEntries(slot, triggers);
            return anyStartsIn(d, d.seekIn(entries, from), entries.length, entries, to, w);
        }

        @Override
        boolean positional() {
            return true;
        }

        @Override
        void spans(DocumentIndex d, int from, int to, List<Span> out) {
            int[] entries = d.setEntries(slot, triggers);
            for (int i = d.seekIn(entries, from); i < entries.length && d.start(entries[i]) < to; i++) {
                int e = entries[i];
                out.add(new Span(d.start(e), d.end(e), d.wordStart(e), d.wordEnd(e), new int[] {e}));
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
