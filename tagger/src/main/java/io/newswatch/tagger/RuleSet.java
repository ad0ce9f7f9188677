package io.newswatch.tagger;

import io.newswatch.model.topics.RuleIds;
import io.newswatch.tagger.internal.QueryNode;
import io.newswatch.tagger.internal.TaggingEngine;
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
 * A validated set of rules, read from YAML ({@code rules/default.yaml} documents the format), compiled together
 * with the gazetteer its {@code @CODE}s refer to.
 *
 * <p>Validation happens on load and stops at the first problem, with a message of the form
 * {@code file:line:column: rule 'id': what is wrong} followed by the line and a caret ({@link RuleSetException}):
 * unknown or missing keys, a bad or repeated id, an unknown severity, a query that does not parse
 * ({@link QueryParser}), an unknown {@code @CODE} or {@code $LIST}, a list that refers to itself, a NEAR over
 * something without positions, a query that can never match or needs nothing to be present, a {@code decisive:}
 * part that is not a part of the query or stands under NOT. Examples are not run on load; {@link RuleChecker} runs
 * them.
 *
 * <p>Evidence roles. Every evidence sentence of a tag is {@code decisive} (the rule's decisive part matched in it)
 * or {@code context} (it only satisfies another condition, such as an entity named elsewhere in the paragraph). By
 * default the decisive part of an AND is its narrowest-scoped operand that is not an entity condition: in
 * {@code (@KP OR @RU) AND SENTENCE(x)} and in {@code PARAGRAPH(@KP AND SENTENCE(x))} the sentence where {@code x}
 * holds is decisive and the sentences that only name the entities are context; a query made of entity conditions
 * alone ({@code SENTENCE(@RU AND @KP)}) is decisive throughout. A rule may name its decisive parts instead:
 * <pre>
 *   query:    $CAP AND SENTENCE(@KP AND $FUEL)
 *   decisive: SENTENCE(@KP AND $FUEL)          # or a list of such parts
 * </pre>
 * Each part must be written as it stands in the query, as one of its operands (compared in canonical form, so
 * spacing and line breaks do not matter), not under NOT; the sentences matched inside a named part are decisive and
 * every other sentence of the rule is context.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleSet {
    /** The ruleset format this class reads. */
    public static final int FORMAT_VERSION = 2;
    private static final String DEFAULT_RESOURCE = "/io/newswatch/tagger/rules/default.yaml";
    static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final Pattern LIST_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final List<Rule> rules;
    private final Map<String, Query> lists;
    private final Gazetteer gazetteer;
    private final TaggingEngine engine;
    private final String version;

    RuleSet(List<Rule> rules, Map<String, Query> lists, Gazetteer gazetteer, TaggingEngine engine,
                    String version) {
        this.rules = List.copyOf(rules);
        this.lists = lists;
        this.gazetteer = gazetteer;
        this.engine = engine;
        this.version = version;
    }

    /**
     * The shipped default ruleset and gazetteer, from the classpath.
     *
     * @throws IllegalStateException when the jar lacks them (a build error)
     */
    public static RuleSet defaults() {
        return parse(defaultsText(), "classpath:" + DEFAULT_RESOURCE, null);
    }

    /**
     * The text of the shipped default ruleset, for a tool that edits or pushes it as a file.
     *
     * @throws IllegalStateException when the jar lacks it (a build error)
     */
    public static String defaultsText() {
        try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default ruleset " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default ruleset", e);
        }
    }

    /**
     * Loads a user's rules file. Its optional {@code entities:} key names a gazetteer file, relative to the rules
     * file; without it the shipped gazetteer is used.
     *
     * @throws RuleSetException when the file cannot be read or is invalid (file, rule id, line:column)
     */
    public static RuleSet load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new RuleSetException(file + ": cannot read the rules file: " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * Parses ruleset YAML. An {@code entities:} key is resolved against {@code baseDir}; with a null
     * {@code baseDir} it is refused.
     *
     * @throws RuleSetException on the first problem
     */
    public static RuleSet parse(String yaml, String sourceName, Path baseDir) {
        return new RuleSetLoader(yaml, sourceName, baseDir).load();
    }




    /** The entries of a map node, refusing unknown keys, empty values and missing required keys. */
    static Map<String, Node> only(Node node, Set<String> allowed, Set<String> required) {
        Map<String, Node> entries = node.entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw node.keyError(e.getKey(), "unknown key '" + e.getKey() + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
            if (e.getValue().kind() == Node.Kind.NULL) {
                throw e.getValue().error("'" + e.getKey() + "' has no value");
            }
        }
        for (String r : new TreeSet<>(required)) {
            if (!entries.containsKey(r)) {
                throw node.error("missing key '" + r + "'");
            }
        }
        return entries;
    }

    static String hash(String content) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The rules, in file order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id, if any. */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The named lists, by name. */
    public Map<String, Query> lists() {
        return lists;
    }

    /** Every tag some rule can give, sorted. */
    public List<String> tags() {
        return rules.stream().flatMap(r -> r.tags().stream()).distinct().sorted().toList();
    }

    /** The gazetteer the rules' entity codes refer to. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** A hash of the rules file and the gazetteer: changes whenever either does. */
    public String version() {
        return version;
    }

    TaggingEngine engine() {
        return engine;
    }
}
