package io.newswatch.tagger;

import static io.newswatch.tagger.RuleSet.FORMAT_VERSION;
import static io.newswatch.tagger.RuleSet.LIST_NAME;
import static io.newswatch.tagger.RuleSet.RULE_ID;
import static io.newswatch.tagger.RuleSet.hash;
import static io.newswatch.tagger.RuleSet.only;

import io.newswatch.model.topics.RuleIds;
import io.newswatch.tagger.internal.QueryNode;
import io.newswatch.tagger.internal.TaggingEngineBuilder;
import io.newswatch.model.yaml.YamlTree;
import io.newswatch.model.yaml.YamlTree.Node;
import io.newswatch.tagger.query.Query;
import io.newswatch.tagger.query.QueryParser;
import io.newswatch.tagger.query.QuerySyntaxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one rules file into a {@link RuleSet} (format version {@value RuleSet#FORMAT_VERSION}): its lists, rules and
 * examples, checked as it goes; keeps the context (file text, current rule) that error messages need.
 *
 * <p>Failure behaviour: the first problem throws {@link RuleSetException} with {@code file:line:column}, the rule
 * or list it is in, and the offending line with a caret.
 */
final class RuleSetLoader {
    private final String yaml;
    private final String sourceName;
    private final Path baseDir;
    private final Map<String, Query> lists = new LinkedHashMap<>();
    private final Map<String, Node> listNodes = new HashMap<>();
    private final Map<String, QueryNode> compiledLists = new HashMap<>();
    private final Deque<String> compiling = new ArrayDeque<>();
    private TaggingEngineBuilder builder;
    private String context = "";

    RuleSetLoader(String yaml, String sourceName, Path baseDir) {
        this.yaml = yaml;
        this.sourceName = sourceName;
        this.baseDir = baseDir;
    }

    RuleSet load() {
        try {
            Node root = YamlTree.parse(yaml);
            if (root.kind() != Node.Kind.MAP) {
                throw root.error("a ruleset is a map with the keys 'version' and 'rules'");
            }
            Map<String, Node> top = only(root, Set.of("version", "entities", "lists", "rules"),
                    Set.of("version", "rules"));
            Node versionNode = top.get("version");
            if (!String.valueOf(FORMAT_VERSION).equals(versionNode.text())) {
                throw versionNode.error("unsupported ruleset format version '" + versionNode.text()
                        + "' (this newswatch reads version " + FORMAT_VERSION + ": rules with a 'query:')");
            }
            Gazetteer gazetteer = gazetteer(top.get("entities"));
            builder = new TaggingEngineBuilder(gazetteer.codes());
            gazetteer.addTo(builder);
            if (top.containsKey("lists")) {
                for (Map.Entry<String, Node> e : top.get("lists").entries().entrySet()) {
                    context = "list $" + e.getKey() + ": ";
                    if (!LIST_NAME.matcher(e.getKey()).matches()) {
                        throw e.getValue().error("list name '" + e.getKey()
                                + "' must be upper-case letters, digits and underscores");
                    }
                    lists.put(e.getKey(), parseList(e.getValue()));
                    listNodes.put(e.getKey(), e.getValue());
                }
                for (String name : lists.keySet()) {
                    list(name);
                }
            }
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new LinkedHashSet<>();
            for (Node ruleNode : top.get("rules").items()) {
                context = "";
                rules.add(rule(ruleNode, ids, gazetteer));
            }
            context = "";
            if (rules.isEmpty()) {
                throw top.get("rules").error("the ruleset has no rules");
            }
            return new RuleSet(rules, Map.copyOf(lists), gazetteer, builder.build(),
                    hash(yaml + "\u0000" + gazetteer.source()));
        } catch (YamlTree.YamlError e) {
            throw RuleSetException.at(sourceName, yaml, e.line(), e.column(), context + e.getMessage(), e);
        }
    }

    private Rule rule(Node ruleNode, Set<String> ids, Gazetteer gazetteer) {
        context = declaredId(ruleNode);
        Map<String, Node> f = only(ruleNode, Set.of("id", "title", "severity", "alert", "tags", "query",
                "decisive", "examples"), Set.of("id", "title", "query"));
        Node idNode = f.get("id");
        String id = idNode.text();
        if (!RULE_ID.matcher(id).matches()) {
            throw idNode.error("rule id '" + id + "' must be lower-case letters, digits and hyphens");
        }
        if (RuleIds.isReserved(id)) {
            throw idNode.error("rule id '" + id + "' is reserved (its alert topic would be a catalogue topic)");
        }
        if (!ids.add(id)) {
            throw idNode.error("rule id '" + id + "' is used twice");
        }
        Severity severity = f.containsKey("severity") ? severity(f.get("severity")) : Severity.WARNING;
        boolean alert = f.containsKey("alert") && bool(f.get("alert"));
        List<String> tags = new ArrayList<>();
        if (f.containsKey("tags")) {
            for (Node t : f.get("tags").items()) {
                if (!RULE_ID.matcher(t.text()).matches()) {
                    throw t.error("tag '" + t.text() + "' must be lower-case letters, digits and hyphens");
                }
                if (!tags.contains(t.text())) {
                    tags.add(t.text());
                }
            }
            if (tags.isEmpty()) {
                throw f.get("tags").error("'tags' is empty: list the tags this rule gives, or leave it out "
                        + "to tag with the rule id");
            }
        } else {
            tags.add(id);
        }
        Node queryNode = f.get("query");
        Query query = parseQuery(queryNode);
        List<Node> decisiveNodes = f.containsKey("decisive") ? decisiveNodes(f.get("decisive")) : List.of();
        List<Query> decisive = new ArrayList<>();
        decisiveNodes.forEach(n -> decisive.add(parseQuery(n)));
        QueryNode compiled;
        try {
            compiled = decisive.isEmpty() ? builder.compile(query, this::list, true)
                    : builder.compileRule(query, this::list, decisive);
        } catch (QuerySyntaxException e) {
            if (e.offset() < 0) {
                throw decisiveNodes.get(-1 - e.offset()).error(e.getMessage());
            }
            throw queryError(queryNode, e);
        }
        builder.rule(compiled, !decisive.isEmpty());
        List<RuleExample> examples = f.containsKey("examples") ? examples(f.get("examples")) : List.of();
        String title = f.get("title").text();
        StringBuilder content = new StringBuilder(id).append('\u0000').append(title).append('\u0000')
                .append(severity).append('\u0000').append(alert).append('\u0000').append(tags).append('\u0000')
                .append(query).append('\u0000').append(decisive);
        for (String name : referencedLists(query, new TreeSet<>())) {
            content.append('\u0000').append(name).append('=').append(lists.get(name));
        }
        content.append('\u0000').append(gazetteer.source());
        return new Rule(id, title, severity, alert, tags, query, queryNode.text(), examples,
                hash(content.toString()), decisive);
    }

    /** {@code decisive:} holds one query or a list of them. */
    private static List<Node> decisiveNodes(Node node) {
        if (node.kind() != Node.Kind.LIST) {
            return List.of(node);
        }
        if (node.items().isEmpty()) {
            throw node.error("'decisive' is empty: name a part of the query, or leave it out");
        }
        return node.items();
    }

    private Set<String> referencedLists(Query q, Set<String> into) {
        if (q instanceof Query.ListRef l) {
            if (into.add(l.name()) && lists.containsKey(l.name())) {
                referencedLists(lists.get(l.name()), into);
            }
        } else if (q instanceof Query.And a) {
            a.operands().forEach(o -> referencedLists(o, into));
        } else if (q instanceof Query.Or o) {
            o.operands().forEach(x -> referencedLists(x, into));
        } else if (q instanceof Query.Not n) {
            referencedLists(n.operand(), into);
        } else if (q instanceof Query.Near n) {
            referencedLists(n.left(), into);
            referencedLists(n.right(), into);
        } else if (q instanceof Query.Scope s) {
            referencedLists(s.operand(), into);
        }
        return into;
    }

    /** The compiled query of a list, compiling it (and the lists it uses) on first use. */
    private QueryNode list(String name) {
        QueryNode done = compiledLists.get(name);
        if (done != null) {
            return done;
        }
        Query q = lists.get(name);
        if (q == null) {
            return null;
        }
        if (compiling.contains(name)) {
            List<String> cycle = new ArrayList<>(compiling);
            java.util.Collections.reverse(cycle);
            cycle.add(name);
            Node node = listNodes.get(cycle.get(0));
            throw RuleSetException.at(sourceName, yaml, node.line(), node.column(), "list $" + cycle.get(0)
                    + " refers to itself: " + String.join(" -> ", cycle.stream().map(c -> "$" + c).toList()),
                    null);
        }
        compiling.push(name);
        try {
            QueryNode node = builder.memoized(builder.compile(q, this::list, false));
            compiledLists.put(name, node);
            return node;
        } catch (QuerySyntaxException e) {
            String saved = context;
            context = "list $" + name + ": ";
            RuleSetException error = queryError(listNodes.get(name), e);
            context = saved;
            throw error;
        } finally {
            compiling.pop();
        }
    }

    /**
     * A list is a query, or a YAML sequence of items OR-ed together; a sequence item is one word or phrase
     * as written (no quotes needed, a trailing * allowed), or a query when it starts with @, $ or (.
     */
    private Query parseList(Node node) {
        if (node.kind() != Node.Kind.LIST) {
            return parseQuery(node);
        }
        List<Query> items = new ArrayList<>();
        for (Node item : node.items()) {
            String text = item.text().strip();
            if (text.startsWith("@") || text.startsWith("$") || text.startsWith("(")) {
                items.add(parseQuery(item));
                continue;
            }
            try {
                Query q = QueryParser.parse("\"" + text.replace("\"", " ") + "\"");
                items.add(q);
            } catch (QuerySyntaxException e) {
                throw queryError(item, new QuerySyntaxException(e.getMessage(), Math.max(0, e.offset() - 1)));
            }
        }
        if (items.isEmpty()) {
            throw node.error("the list is empty");
        }
        return items.size() == 1 ? items.get(0) : new Query.Or(items, 0);
    }

    private Query parseQuery(Node node) {
        try {
            return QueryParser.parse(node.text());
        } catch (QuerySyntaxException e) {
            throw queryError(node, e);
        }
    }

    private RuleSetException queryError(Node node, QuerySyntaxException e) {
        int[] at = QueryLocator.locate(yaml, node, e.offset());
        return RuleSetException.at(sourceName, yaml, at[0], at[1], context + e.getMessage(), e);
    }

    private List<RuleExample> examples(Node node) {
        Map<String, Node> f = only(node, Set.of("match", "no-match"), Set.of());
        List<RuleExample> out = new ArrayList<>();
        for (String key : List.of("match", "no-match")) {
            if (f.containsKey(key)) {
                for (Node ex : f.get(key).items()) {
                    String text = ex.text();
                    if (text.isBlank()) {
                        throw ex.error("an example text is empty");
                    }
                    out.add(new RuleExample(text, key.equals("match"), ex.line()));
                }
            }
        }
        return out;
    }

    private Gazetteer gazetteer(Node entities) {
        if (entities == null) {
            return Gazetteer.defaults();
        }
        if (baseDir == null) {
            throw entities.error("'entities' can only be used in a rules file on disk");
        }
        return Gazetteer.load(baseDir.resolve(entities.text()));
    }

    /** "rule 'id': " for a rule that declares a plausible id, so errors inside it can name it. */
    private static String declaredId(Node ruleNode) {
        if (ruleNode.kind() != Node.Kind.MAP) {
            return "";
        }
        Node id = ruleNode.entries().get("id");
        return id != null && id.kind() == Node.Kind.SCALAR && RULE_ID.matcher(id.text()).matches()
                ? "rule '" + id.text() + "': " : "";
    }

    private static Severity severity(Node node) {
        String s = node.text().toUpperCase(Locale.ROOT);
        for (Severity v : Severity.values()) {
            if (v.name().equals(s)) {
                return v;
            }
        }
        throw node.error("unknown severity '" + node.text() + "' (info, warning or critical)");
    }

    private static boolean bool(Node node) {
        return switch (node.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw node.error("'alert' must be true or false, not '" + node.text() + "'");
        };
    }
}
