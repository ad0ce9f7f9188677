package io.newswatch.tagger.internal;

import io.newswatch.tagger.query.Query;
import io.newswatch.tagger.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects aliases, exclusions and rule queries, then {@link #build()}s the engine. Entity leaves come first
 * (leaf id = code index), then one leaf per distinct word or phrase of the rules.
 *
 * <p>Kept apart from {@link TaggingEngine} because it is the ruleset's compile time: it folds and expands patterns,
 * numbers leaves and compiles queries ({@link QueryCompiler}), while the engine only matches texts against what it
 * was built from. Malformed aliases and unknown entities fail with {@link IllegalArgumentException}, malformed
 * query terms with {@link QuerySyntaxException} carrying the offset. A failure rolls nothing back (what was added
 * before it stays), so a builder that has thrown is not built from; the loaders stop at the first error. Not
 * thread-safe: one loader fills it, then builds.
 */
public final class TaggingEngineBuilder {
    // read by TaggingEngine's constructor
    final List<String> codes;
    final Map<String, PatternInfo> patterns = new LinkedHashMap<>();
    private final Map<String, Integer> termLeaves = new HashMap<>();
    final List<QueryNode> rules = new ArrayList<>();
    final List<Boolean> explicit = new ArrayList<>();
    int leafCount;
    int leafSets;
    int memos;

    public TaggingEngineBuilder(List<String> codes) {
        this.codes = List.copyOf(codes);
        this.leafCount = codes.size();
    }

    int newLeafSetSlot() {
        return leafSets++;
    }

    /**
     * Wraps a compiled named list so its whole-text verdict is computed once per text (see
     * {@link WrapperNodes.Memo}); the result is what rule queries referring to the list use.
     */
    public QueryNode memoized(QueryNode list) {
        return new WrapperNodes.Memo(list, memos++);
    }

    List<String> entityCodes() {
        return codes;
    }

    int entityLeaf(String code) {
        return codes.indexOf(code);
    }

    /**
     * Adds an alias naming one or more entities; {@code {a,b}} alternatives expand and a trailing {@code *}
     * makes it a prefix.
     *
     * @return what the alias conflicts with (an exclusion of the same text), or null when it was added
     * @throws IllegalArgumentException when it is malformed
     */
    public String alias(String text, List<String> entityCodes) {
        for (String form : forms(text)) {
            PatternInfo info = pattern(form);
            if (info.exclusion) {
                return "it is also an exclusion";
            }
            for (String code : entityCodes) {
                int idx = codes.indexOf(code);
                if (idx < 0) {
                    throw new IllegalArgumentException("unknown entity " + code);
                }
                if (!info.entities.contains(idx)) {
                    info.entities.add(idx);
                }
            }
        }
        return null;
    }

    /** Adds an exclusion; returns a conflict description or null, as {@link #alias}. */
    public String exclusion(String text) {
        for (String form : forms(text)) {
            PatternInfo info = pattern(form);
            if (!info.entities.isEmpty()) {
                return "it is also an alias of " + codes.get(info.entities.get(0));
            }
            info.exclusion = true;
        }
        return null;
    }

    int termLeaf(String text, boolean prefix, int offset) {
        List<String> forms;
        try {
            forms = Expansions.expand(text);
        } catch (IllegalArgumentException e) {
            throw new QuerySyntaxException(e.getMessage(), offset);
        }
        List<String> keys = new ArrayList<>();
        for (String form : forms) {
            String f = CharClasses.foldPattern(form);
            if (f.isEmpty()) {
                throw new QuerySyntaxException("'" + text + "' has nothing left to match once folded", offset);
            }
            keys.add(f + (prefix ? "*" : ""));
        }
        String key = String.join("|", keys);
        Integer leaf = termLeaves.get(key);
        if (leaf != null) {
            return leaf;
        }
        int id = leafCount++;
        termLeaves.put(key, id);
        for (String k : keys) {
            pattern(k).leaves.add(id);
        }
        return id;
    }

    /**
     * Compiles one query; list references are resolved through {@code lists} (null for an unknown list).
     *
     * @param wholeRule whether this is a rule's query (which must have something that must be present)
     * @throws QuerySyntaxException with the offset of the problem
     */
    public QueryNode compile(Query query, Function<String, QueryNode> lists, boolean wholeRule) {
        QueryNode node = new QueryCompiler(this, lists).compile(query);
        if (wholeRule) {
            QueryCompiler.requireTrigger(query, node);
        }
        return node;
    }

    /**
     * Compiles a rule's query whose {@code decisive} parts the rule names: each must be one of the query's parts
     * as written (compared in canonical form, {@link Query#toString()}), not under NOT. Evidence is then decisive
     * only where one of them matched.
     *
     * @return the compiled query
     * @throws QuerySyntaxException with the offset of the problem in the query, or, when a decisive part is not a
     *                              part of the query, the offset {@code -1 - i} for the {@code i}-th of them
     */
    public QueryNode compileRule(Query query, Function<String, QueryNode> lists, List<Query> decisive) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        decisive.forEach(q -> wanted.add(q.toString()));
        QueryCompiler compiler = new QueryCompiler(this, lists, wanted);
        QueryNode node = compiler.compile(query);
        QueryCompiler.requireTrigger(query, node);
        for (int i = 0; i < decisive.size(); i++) {
            if (!compiler.decisiveFound().contains(decisive.get(i).toString())) {
                throw new QuerySyntaxException("the decisive part " + decisive.get(i) + " is not a part of the "
                        + "query (write it as an operand of the query, e.g. a SENTENCE(...) or $LIST it uses)",
                        -1 - i);
            }
        }
        return node;
    }

    /** Adds a compiled rule query; rules are numbered in the order added. */
    public void rule(QueryNode root) {
        rule(root, false);
    }

    /**
     * Adds a compiled rule query; with {@code explicitDecisive} only the parts compiled as decisive
     * ({@link #compileRule}) give decisive evidence, everything else context.
     */
    public void rule(QueryNode root, boolean explicitDecisive) {
        rules.add(root);
        explicit.add(explicitDecisive);
    }

    public TaggingEngine build() {
        return new TaggingEngine(this);
    }

    private static List<String> forms(String text) {
        String t = text.strip();
        boolean prefix = t.endsWith("*");
        String body = prefix ? t.substring(0, t.length() - 1) : t;
        if (body.indexOf('*') >= 0) {
            throw new IllegalArgumentException("'*' may only end an alias");
        }
        List<String> out = new ArrayList<>();
        for (String form : Expansions.expand(body)) {
            String f = CharClasses.foldPattern(form);
            if (f.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has nothing left to match once folded");
            }
            out.add(f + (prefix ? "*" : ""));
        }
        return out;
    }

    private PatternInfo pattern(String key) {
        boolean prefix = key.endsWith("*");
        String folded = prefix ? key.substring(0, key.length() - 1) : key;
        return patterns.computeIfAbsent(key, k -> new PatternInfo(folded, prefix));
    }

    /** One distinct folded pattern and everything it stands for. */
    static final class PatternInfo {
        final String folded;
        final boolean prefix;
        final List<Integer> entities = new ArrayList<>();
        final List<Integer> leaves = new ArrayList<>();
        boolean exclusion;

        PatternInfo(String folded, boolean prefix) {
            this.folded = folded;
            this.prefix = prefix;
        }
    }
}
