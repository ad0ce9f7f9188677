package io.newswatch.streams.tagging;

import io.newswatch.streams.internal.PhraseMatcher;
import io.newswatch.streams.internal.YamlTree;
import io.newswatch.streams.internal.YamlTree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A validated set of rules, read from YAML ({@code rules/default.yaml} documents the format) together with the
 * gazetteer its entity codes refer to.
 *
 * <p>Validation happens on load and stops at the first problem, with a message of the form
 * {@code file:line:column: rule 'id': what is wrong}: unknown keys, missing keys, a bad or repeated rule id, an
 * unknown severity or scope, an entity code the gazetteer does not know, a malformed term pattern.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleSet {
    private static final String DEFAULT_RESOURCE = "/io/newswatch/streams/rules/default.yaml";
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final int FORMAT_VERSION = 1;

    private final List<Rule> rules;
    private final Gazetteer gazetteer;
    private final String version;

    private RuleSet(List<Rule> rules, Gazetteer gazetteer, String version) {
        this.rules = List.copyOf(rules);
        this.gazetteer = gazetteer;
        this.version = version;
    }

    /**
     * The shipped default ruleset and gazetteer, from the classpath.
     *
     * @throws IllegalStateException when the jar lacks them (a build error)
     */
    public static RuleSet defaults() {
        try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default ruleset " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE,
                    null);
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
        String[] ruleId = {null};
        try {
            Node root = YamlTree.parse(yaml);
            Map<String, Node> top = fields(root, Set.of("version", "entities", "rules"), Set.of("version", "rules"));
            Node versionNode = top.get("version");
            if (!String.valueOf(FORMAT_VERSION).equals(versionNode.text())) {
                throw versionNode.error("unsupported ruleset format version '" + versionNode.text()
                        + "' (this newswatch reads version " + FORMAT_VERSION + ")");
            }
            Gazetteer gazetteer = gazetteer(top.get("entities"), baseDir, sourceName);
            List<Rule> rules = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Node ruleNode : top.get("rules").items()) {
                ruleId[0] = declaredId(ruleNode);
                Map<String, Node> f = fields(ruleNode, Set.of("id", "title", "severity", "alert", "when"),
                        Set.of("id", "title", "when"));
                Node idNode = f.get("id");
                String id = idNode.text();
                if (!RULE_ID.matcher(id).matches()) {
                    throw idNode.error("rule id '" + id + "' must be lower-case letters, digits and hyphens");
                }
                if (!ids.add(id)) {
                    throw idNode.error("rule id '" + id + "' is used twice");
                }
                Severity severity = f.containsKey("severity") ? severity(f.get("severity")) : Severity.WARNING;
                boolean alert = f.containsKey("alert") && bool(f.get("alert"));
                Condition condition = condition(f.get("when"), gazetteer);
                String title = f.get("title").text();
                String ruleVersion = hash(id + "\u0000" + title + "\u0000" + severity + "\u0000" + alert + "\u0000"
                        + condition + "\u0000" + gazetteer.source());
                rules.add(new Rule(id, title, severity, alert, condition, ruleVersion));
                ruleId[0] = null;
            }
            if (rules.isEmpty()) {
                throw top.get("rules").error("the ruleset has no rules");
            }
            return new RuleSet(rules, gazetteer, hash(yaml + "\u0000" + gazetteer.source()));
        } catch (YamlTree.YamlError e) {
            String rule = ruleId[0] == null ? "" : "rule '" + ruleId[0] + "': ";
            throw new RuleSetException(sourceName + ":" + e.line() + ":" + e.column() + ": " + rule + e.getMessage(), e);
        }
    }

    /** The id a rule declares, if it declares a plausible one, so errors inside the rule can name it. */
    private static String declaredId(Node ruleNode) {
        if (ruleNode.kind() != Node.Kind.MAP) {
            return null;
        }
        Node id = ruleNode.entries().get("id");
        return id != null && id.kind() == Node.Kind.SCALAR && RULE_ID.matcher(id.text()).matches() ? id.text() : null;
    }

    private static Gazetteer gazetteer(Node entities, Path baseDir, String sourceName) {
        if (entities == null) {
            return Gazetteer.defaults();
        }
        if (baseDir == null) {
            throw entities.error("'entities' can only be used in a rules file on disk");
        }
        return Gazetteer.load(baseDir.resolve(entities.text()));
    }

    private static Condition condition(Node node, Gazetteer gazetteer) {
        Map<String, Node> f = node.entries();
        if (f.size() != 1) {
            throw node.error("a condition is exactly one of: together, sentence, any");
        }
        Map.Entry<String, Node> only = f.entrySet().iterator().next();
        Node body = only.getValue();
        return switch (only.getKey()) {
            case "together" -> together(body, gazetteer);
            case "sentence" -> sentence(body, gazetteer);
            case "any" -> {
                List<Condition> alternatives = new ArrayList<>();
                for (Node item : body.items()) {
                    alternatives.add(condition(item, gazetteer));
                }
                if (alternatives.isEmpty()) {
                    throw body.error("'any' needs at least one condition");
                }
                yield new Condition.AnyOf(alternatives);
            }
            default -> throw body.error("unknown condition '" + only.getKey()
                    + "' (known: together, sentence, any)");
        };
    }

    private static Condition together(Node node, Gazetteer gazetteer) {
        Map<String, Node> f = fields(node, Set.of("entities", "within"), Set.of("entities", "within"));
        List<String> entities = entityCodes(f.get("entities"), gazetteer);
        if (entities.size() < 2) {
            throw f.get("entities").error("'together' needs at least two different entities");
        }
        return new Condition.Together(entities, scope(f.get("within")));
    }

    private static Condition sentence(Node node, Gazetteer gazetteer) {
        Map<String, Node> f = fields(node, Set.of("all-of", "any-of", "none-of", "mentions"), Set.of());
        List<List<String>> allOf = new ArrayList<>();
        if (f.containsKey("all-of")) {
            for (Node item : f.get("all-of").items()) {
                allOf.add(item.kind() == Node.Kind.LIST ? terms(item) : List.of(term(item)));
            }
        }
        List<String> anyOf = f.containsKey("any-of") ? terms(f.get("any-of")) : List.of();
        List<String> noneOf = f.containsKey("none-of") ? terms(f.get("none-of")) : List.of();
        if (allOf.isEmpty() && anyOf.isEmpty()) {
            throw node.error("a sentence condition needs a non-empty 'all-of' or 'any-of'");
        }
        Condition.MentionRequirement mentions = null;
        if (f.containsKey("mentions")) {
            Map<String, Node> m = fields(f.get("mentions"), Set.of("any-of", "within"), Set.of("any-of", "within"));
            mentions = new Condition.MentionRequirement(entityCodes(m.get("any-of"), gazetteer), scope(m.get("within")));
        }
        return new Condition.SentenceTerms(allOf, anyOf, noneOf, mentions);
    }

    private static List<String> terms(Node list) {
        List<String> terms = new ArrayList<>();
        for (Node item : list.items()) {
            terms.add(term(item));
        }
        if (terms.isEmpty()) {
            throw list.error("an empty list of terms");
        }
        return terms;
    }

    private static String term(Node node) {
        String t = node.text();
        try {
            new PhraseMatcher(List.of(t));
        } catch (IllegalArgumentException e) {
            throw node.error("bad term " + e.getMessage());
        }
        return t.strip();
    }

    private static List<String> entityCodes(Node list, Gazetteer gazetteer) {
        Set<String> codes = new TreeSet<>();
        for (Node item : list.items()) {
            String code = item.text();
            if (!gazetteer.codes().contains(code)) {
                throw item.error("unknown entity '" + code + "' (the gazetteer knows " + new TreeSet<>(gazetteer.codes())
                        + ")");
            }
            codes.add(code);
        }
        if (codes.isEmpty()) {
            throw list.error("an empty list of entities");
        }
        return List.copyOf(codes);
    }

    private static Scope scope(Node node) {
        String s = node.text().toUpperCase(Locale.ROOT);
        for (Scope scope : Scope.values()) {
            if (scope.name().equals(s)) {
                return scope;
            }
        }
        throw node.error("unknown scope '" + node.text() + "' (sentence or paragraph)");
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

    private static Map<String, Node> fields(Node node, Set<String> allowed, Set<String> required) {
        Map<String, Node> entries = node.entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' (allowed: "
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

    /** The gazetteer the rules' entity codes refer to. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** A hash of the rules file and the gazetteer: changes whenever either does. */
    public String version() {
        return version;
    }
}
