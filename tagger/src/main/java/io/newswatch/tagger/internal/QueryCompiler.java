package io.newswatch.tagger.internal;

import io.newswatch.tagger.query.Query;
import io.newswatch.tagger.query.QuerySyntaxException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a parsed {@link Query} into a {@link QueryNode} whose words are leaves of a {@link TaggingEngineBuilder},
 * and rejects queries that could never be useful:
 * <ul>
 *   <li>an entity code the gazetteer does not define, or a list the ruleset does not define;</li>
 *   <li>a NEAR/ONEAR operand without positions (an AND, a NOT, a scope);</li>
 *   <li>{@code X AND NOT X}, which can never match;</li>
 *   <li>(for a whole rule, {@link #requireTrigger}) a query with nothing that must be present, such as
 *       {@code NOT war}: it would tag almost every text.</li>
 * </ul>
 * Each rejection is a {@link QuerySyntaxException} at the offending node's offset.
 */
final class QueryCompiler {
    private final TaggingEngineBuilder builder;
    private final Function<String, QueryNode> lists;
    /** Canonical forms ({@link Query#toString()}) of the parts a rule names as decisive; empty when it names none. */
    private final java.util.Set<String> decisive;
    private final java.util.Set<String> decisiveFound = new HashSet<>();
    private int negations;
    private int nears;

    QueryCompiler(TaggingEngineBuilder builder, Function<String, QueryNode> lists) {
        this(builder, lists, java.util.Set.of());
    }

    QueryCompiler(TaggingEngineBuilder builder, Function<String, QueryNode> lists, java.util.Set<String> decisive) {
        this.builder = builder;
        this.lists = lists;
        this.decisive = decisive;
    }

    /** The decisive parts (canonical forms) that were found in the query compiled so far. */
    java.util.Set<String> decisiveFound() {
        return decisiveFound;
    }

    QueryNode compile(Query q) {
        if (!decisive.isEmpty() && decisive.contains(q.toString())) {
            if (negations > 0) {
                throw new QuerySyntaxException("a decisive part cannot stand under NOT: " + q
                        + " proves nothing there", q.offset());
            }
            if (nears > 0) {
                throw new QuerySyntaxException("a decisive part cannot be one side of a NEAR/ONEAR: name the whole "
                        + "NEAR as decisive instead of " + q, q.offset());
            }
            decisiveFound.add(q.toString());
            return new WrapperNodes.Decisive(compileNode(q));
        }
        return compileNode(q);
    }

    private QueryNode compileNode(Query q) {
        if (q instanceof Query.Term t) {
            return new QueryNode.Leaf(builder.termLeaf(t.text(), t.prefix(), t.offset()));
        }
        if (q instanceof Query.EntityRef e) {
            int leaf = builder.entityLeaf(e.code());
            if (leaf < 0) {
                throw new QuerySyntaxException("unknown entity @" + e.code() + " (the gazetteer defines "
                        + String.join(", ", builder.entityCodes().stream().map(c -> "@" + c).toList()) + ")",
                        e.offset());
            }
            return new QueryNode.Leaf(leaf);
        }
        if (q instanceof Query.ListRef l) {
            QueryNode node = lists.apply(l.name());
            if (node == null) {
                throw new QuerySyntaxException("unknown list $" + l.name() + " (define it under 'lists:')",
                        l.offset());
            }
            return node;
        }
        if (q instanceof Query.Not n) {
            negations++;
            try {
                return new BooleanNodes.Not(compile(n.operand()));
            } finally {
                negations--;
            }
        }
        if (q instanceof Query.And a) {
            rejectContradiction(a);
            QueryNode[] ops = compileAll(a.operands());
            int[] best = null;
            for (QueryNode op : ops) {
                if (op.triggers != null && (best == null || cost(op.triggers) < cost(best))) {
                    best = op.triggers;
                }
            }
            return new BooleanNodes.And(ops, best, contextOperands(ops));
        }
        if (q instanceof Query.Or o) {
            QueryNode[] ops = compileAll(o.operands());
            boolean allLeaves = true;
            for (QueryNode op : ops) {
                allLeaves &= op instanceof QueryNode.Leaf || op instanceof QueryNode.LeafSet;
            }
            if (allLeaves) {
                return new QueryNode.LeafSet(union(ops), builder.newLeafSetSlot());
            }
            return new BooleanNodes.Or(ops, union(ops));
        }
        if (q instanceof Query.Near n) {
            nears++;
            QueryNode left;
            QueryNode right;
            try {
                left = requirePositional(n.left(), compile(n.left()));
                right = requirePositional(n.right(), compile(n.right()));
            } finally {
                nears--;
            }
            int[] t = left.triggers.length <= right.triggers.length ? left.triggers : right.triggers;
            return new ProximityNodes.Near(left, right, n.distance(), n.ordered(), t);
        }
        if (q instanceof Query.Scope s) {
            return new ProximityNodes.Scope(compile(s.operand()), s.unit() == Query.Unit.PARAGRAPH);
        }
        throw new IllegalStateException("unknown query node " + q);
    }

    /**
     * How often a trigger set is expected to fire: entity mentions are in most texts a ruleset is run on, words are
     * rare, so an AND is triggered by its words when it has any ({@code SENTENCE(@KP AND sabotage)} is looked at only
     * in texts that say "sabotage"), and by the smallest set otherwise.
     */
    private int cost(int[] triggers) {
        int entities = 0;
        for (int leaf : triggers) {
            if (leaf < builder.entityCodes().size()) {
                entities++;
            }
        }
        return entities * 1000 + triggers.length;
    }

    /**
     * Which operands of an AND only give context: its decisive part is the narrowest-scoped operand that is not an
     * entity condition ({@code (@KP OR @RU) AND SENTENCE(x)}: the sentence; {@code $CAP AND SENTENCE(x)}: the
     * sentence too), and entity conditions are context beside it. Null when every operand is decisive (nothing but
     * entity conditions, or all of one scope).
     */
    private boolean[] contextOperands(QueryNode[] ops) {
        int entities = builder.entityCodes().size();
        int narrowest = -1;
        for (QueryNode op : ops) {
            if (!op.entityOnly(entities)) {
                narrowest = Math.max(narrowest, op.narrowness());
            }
        }
        if (narrowest < 0) {
            return null;
        }
        boolean[] context = new boolean[ops.length];
        boolean any = false;
        for (int i = 0; i < ops.length; i++) {
            context[i] = !(ops[i] instanceof BooleanNodes.Not)
                    && (ops[i].entityOnly(entities) || ops[i].narrowness() < narrowest);
            any |= context[i];
        }
        return any ? context : null;
    }

    /** Rejects a whole rule's query when nothing in it must be present. */
    static void requireTrigger(Query q, QueryNode node) {
        if (node.triggers == null) {
            throw new QuerySyntaxException("this query can match a text that contains none of its words or "
                    + "entities (it is built from NOT alone); add a word, phrase or @ENTITY that must be present",
                    q.offset());
        }
    }

    private QueryNode[] compileAll(List<Query> operands) {
        QueryNode[] out = new QueryNode[operands.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(operands.get(i));
        }
        return out;
    }

    private static QueryNode requirePositional(Query q, QueryNode node) {
        if (!node.positional()) {
            throw new QuerySyntaxException("a NEAR/ONEAR operand must be a word, \"phrase\", @ENTITY, or an OR or "
                    + "NEAR of those, so its position is known; found " + q, q.offset());
        }
        return node;
    }

    private static void rejectContradiction(Query.And a) {
        Set<String> positive = new HashSet<>();
        for (Query op : a.operands()) {
            if (!(op instanceof Query.Not)) {
                positive.add(op.toString());
            }
        }
        for (Query op : a.operands()) {
            if (op instanceof Query.Not n && positive.contains(n.operand().toString())) {
                throw new QuerySyntaxException("this can never match: it requires " + n.operand() + " and NOT "
                        + n.operand() + " at once", op.offset());
            }
        }
    }

    private static int[] union(QueryNode[] ops) {
        int total = 0;
        for (QueryNode op : ops) {
            if (op.triggers == null) {
                return null;
            }
            total += op.triggers.length;
        }
        int[] all = new int[total];
        int i = 0;
        for (QueryNode op : ops) {
            System.arraycopy(op.triggers, 0, all, i, op.triggers.length);
            i += op.triggers.length;
        }
        return Arrays.stream(all).distinct().toArray();
    }
}
