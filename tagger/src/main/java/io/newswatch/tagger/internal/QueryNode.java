package io.newswatch.tagger.internal;

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
 * {@code QueryCompiler#contextOperands}), a rule's named decisive part ({@link WrapperNodes.Decisive}) marks its
 * hits decisive.
 *
 * <p>This class holds the base and the leaves, the nodes that read hits; the nodes built over other nodes are
 * grouped by role in {@link BooleanNodes}, {@link ProximityNodes} and {@link WrapperNodes}. Nodes are immutable
 * and may be shared between threads, each evaluating against its own index; {@link #spans} throws
 * {@link IllegalStateException} on a node that is not {@link #positional()}.
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
}
