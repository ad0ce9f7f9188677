package io.newswatch.tagger;

import io.newswatch.tagger.internal.TaggingEngineBuilder;
import io.newswatch.model.yaml.YamlTree;
import io.newswatch.model.yaml.YamlTree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The entities the rules talk about (ISO 3166 alpha-2 codes such as {@code RU}, {@code KP}, {@code CN}), their
 * aliases and their exclusions, read from a gazetteer file ({@code rules/entities.yaml} documents the format).
 *
 * <p>An alias may be written with alternatives ({@code Северн{ая,ой,ую} Коре{я,и,е,ю,ей}}) and may end in
 * {@code *} to match inflected forms; the same alias may name two entities ({@code 中俄} is China and Russia).
 * Matching itself (folding, word boundaries, overlaps) is the tagger's; see {@link Tagger}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Gazetteer {
    private static final String DEFAULT_RESOURCE = "/io/newswatch/tagger/rules/entities.yaml";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    /** An alias or exclusion as written, with the entity it names (null for an exclusion) and where it stands. */
    record Entry(String text, List<String> codes, int line, int column) {
    }

    private final Map<String, String> names;
    private final List<Entry> entries;
    private final String source;
    private final String sourceName;

    private Gazetteer(Map<String, String> names, List<Entry> entries, String source, String sourceName) {
        this.names = names;
        this.entries = List.copyOf(entries);
        this.source = source;
        this.sourceName = sourceName;
    }

    /**
     * The shipped gazetteer ({@code rules/entities.yaml}, loaded from the classpath).
     *
     * @throws IllegalStateException when the jar lacks it (a build error)
     */
    public static Gazetteer defaults() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default gazetteer " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default gazetteer", e);
        }
    }

    /**
     * Loads a gazetteer file.
     *
     * @throws RuleSetException naming the file, line and column of the first problem, or why it cannot be read
     */
    public static Gazetteer load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new RuleSetException(file + ": cannot read the gazetteer: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses gazetteer YAML; {@code sourceName} prefixes every error message.
     *
     * @throws RuleSetException on the first problem: unknown or missing keys, a bad or repeated code, an alias
     *                          that is also an exclusion, a misplaced {@code *} or brace
     */
    public static Gazetteer parse(String yaml, String sourceName) {
        try {
            Node root = YamlTree.parse(yaml);
            if (root.kind() != Node.Kind.MAP) {
                throw root.error("a gazetteer is a map with the key 'entities'");
            }
            Map<String, String> names = new LinkedHashMap<>();
            List<Entry> entries = new ArrayList<>();
            Map<String, Node> top = RuleSet.only(root, Set.of("entities", "compounds"), Set.of("entities"));
            Node entities = top.get("entities");
            for (Node entity : entities.items()) {
                Map<String, Node> fields = RuleSet.only(entity, Set.of("code", "name", "aliases", "exclusions"),
                        Set.of("code", "name", "aliases"));
                Node codeNode = fields.get("code");
                String code = codeNode.text();
                if (!CODE.matcher(code).matches()) {
                    throw codeNode.error("entity code '" + code + "' must be upper-case letters and digits (ISO 3166)");
                }
                if (names.putIfAbsent(code, fields.get("name").text()) != null) {
                    throw codeNode.error("entity " + code + " is defined twice");
                }
                for (Node alias : phraseNodes(fields.get("aliases"))) {
                    entries.add(new Entry(alias.text(), List.of(code), alias.line(), alias.column()));
                }
                if (fields.containsKey("exclusions")) {
                    for (Node exclusion : phraseNodes(fields.get("exclusions"))) {
                        entries.add(new Entry(exclusion.text(), List.of(), exclusion.line(), exclusion.column()));
                    }
                }
            }
            if (top.containsKey("compounds")) {
                for (Map.Entry<String, Node> c : top.get("compounds").entries().entrySet()) {
                    List<String> codes = new ArrayList<>();
                    for (Node codeNode : c.getValue().items()) {
                        if (!names.containsKey(codeNode.text())) {
                            throw codeNode.error("unknown entity " + codeNode.text() + " (defined: "
                                    + String.join(", ", names.keySet()) + ")");
                        }
                        codes.add(codeNode.text());
                    }
                    if (codes.size() < 2) {
                        throw top.get("compounds").keyError(c.getKey(), "a compound names at least two entities; list a single "
                                + "entity's alias under that entity");
                    }
                    YamlTree.YamlError at = top.get("compounds").keyError(c.getKey(), "");
                    entries.add(new Entry(c.getKey(), codes, at.line(), at.column()));
                }
            }
            Gazetteer g = new Gazetteer(java.util.Collections.unmodifiableMap(names), entries, yaml, sourceName);
            g.addTo(new TaggingEngineBuilder(List.copyOf(names.keySet())));
            return g;
        } catch (YamlTree.YamlError e) {
            throw RuleSetException.at(sourceName, yaml, e.line(), e.column(), e.getMessage(), e);
        }
    }

    /** Aliases are a list, or a map from a language tag to a list (the language is documentation only). */
    private static List<Node> phraseNodes(Node node) {
        if (node.kind() == Node.Kind.LIST) {
            return node.items();
        }
        List<Node> all = new ArrayList<>();
        for (Node list : node.entries().values()) {
            all.addAll(list.items());
        }
        return all;
    }

    /** Adds every alias and exclusion to an engine under construction, failing at the first bad one. */
    void addTo(TaggingEngineBuilder builder) {
        for (Entry entry : entries) {
            String conflict;
            try {
                conflict = entry.codes().isEmpty() ? builder.exclusion(entry.text())
                        : builder.alias(entry.text(), entry.codes());
            } catch (IllegalArgumentException e) {
                throw RuleSetException.at(sourceName, source, entry.line(), entry.column(), e.getMessage(), e);
            }
            if (conflict != null) {
                throw RuleSetException.at(sourceName, source, entry.line(), entry.column(),
                        "'" + entry.text() + "' cannot be used: " + conflict, null);
            }
        }
    }

    /** The entity codes this gazetteer knows, in file order. */
    public List<String> codes() {
        return List.copyOf(names.keySet());
    }

    /** The display name of an entity, or null when unknown. */
    public String name(String code) {
        return names.get(code);
    }

    /** How many aliases and exclusions the file lists (before expanding alternatives). */
    public int size() {
        return entries.size();
    }

    /** The gazetteer's source text, for versioning. */
    String source() {
        return source;
    }
}
