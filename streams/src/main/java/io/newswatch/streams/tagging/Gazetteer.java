package io.newswatch.streams.tagging;

import io.newswatch.model.Mention;
import io.newswatch.streams.internal.FoldedText;
import io.newswatch.streams.internal.PhraseMatcher;
import io.newswatch.streams.internal.YamlTree;
import io.newswatch.streams.internal.YamlTree.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds mentions of the watched entities (ISO 3166 alpha-2 codes such as {@code RU}, {@code KP}, {@code CN}) in a
 * text, from a gazetteer file ({@code rules/entities.yaml}; format documented in that file).
 *
 * <p>Matching: every alias and exclusion is folded ({@link FoldedText}: NFKC, case, hyphen/space/apostrophe
 * variants, line breaks) and compiled into one Aho–Corasick automaton, so the cost of {@link #find} does not grow
 * with the number of aliases. Aliases match whole words ({@code Prussia} is not Russia, {@code Chinatown} is not
 * China); a possessive ({@code Russia's}) matches its name; an alias ending in {@code *} matches inflected forms.
 * Overlapping candidates are resolved leftmost-longest, and an exclusion wins over an alias of the same span, so
 * "South China Sea", "Chinese Taipei", "朝鲜族" and "조선소" produce no mention while "Democratic People's Republic
 * of Korea" is still North Korea although it contains the exclusion "Republic of Korea".
 *
 * <p>Immutable and thread-safe.
 */
public final class Gazetteer {
    private static final String DEFAULT_RESOURCE = "/io/newswatch/streams/rules/entities.yaml";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    private final Map<String, String> names;
    private final List<String> phraseEntity;
    private final PhraseMatcher matcher;
    private final String source;

    private Gazetteer(Map<String, String> names, List<String> phrases, List<String> phraseEntity, String source) {
        this.names = names;
        this.phraseEntity = phraseEntity;
        this.matcher = new PhraseMatcher(phrases);
        this.source = source;
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
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new RuleSetException(file + ": cannot read the gazetteer: " + e.getMessage(), e);
        }
    }

    /**
     * Parses gazetteer YAML; {@code sourceName} prefixes every error message.
     *
     * @throws RuleSetException on the first problem: unknown keys, bad codes, an alias given to two entities or
     *                          listed as both alias and exclusion, a misplaced {@code *}
     */
    public static Gazetteer parse(String yaml, String sourceName) {
        try {
            Node root = YamlTree.parse(yaml);
            Map<String, String> names = new LinkedHashMap<>();
            List<String> phrases = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            Node entities = only(root, Set.of("entities"), Set.of("entities")).get("entities");
            for (Node entity : entities.items()) {
                Map<String, Node> fields = only(entity, Set.of("code", "name", "aliases", "exclusions"),
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
                    add(alias, code, phrases, owners, seen);
                }
                if (fields.containsKey("exclusions")) {
                    for (Node exclusion : phraseNodes(fields.get("exclusions"))) {
                        add(exclusion, null, phrases, owners, seen);
                    }
                }
            }
            return new Gazetteer(Map.copyOf(names), phrases, owners, yaml);
        } catch (YamlTree.YamlError e) {
            throw new RuleSetException(sourceName + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Node> only(Node node, Set<String> allowed, Set<String> required) {
        Map<String, Node> entries = node.entries();
        for (Map.Entry<String, Node> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key '" + e.getKey() + "' (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
        for (String r : required) {
            if (!entries.containsKey(r)) {
                throw node.error("missing key '" + r + "'");
            }
        }
        return entries;
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

    private static void add(Node node, String code, List<String> phrases, List<String> owners,
                            Map<String, String> seen) {
        String phrase = node.text();
        String key;
        try {
            key = FoldedText.foldPattern(phrase.replace("*", "")) + (phrase.strip().endsWith("*") ? "*" : "");
            new PhraseMatcher(List.of(phrase));
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        String owner = code == null ? "an exclusion" : "an alias of " + code;
        String previous = seen.putIfAbsent(key, owner);
        if (previous != null) {
            if (previous.equals(owner)) {
                return;
            }
            throw node.error("'" + phrase + "' is " + owner + " but already " + previous);
        }
        phrases.add(phrase);
        owners.add(code);
    }

    /** The entity codes this gazetteer knows. */
    public Set<String> codes() {
        return names.keySet();
    }

    /** The display name of an entity, or null when unknown. */
    public String name(String code) {
        return names.get(code);
    }

    /** The gazetteer's source text, for versioning. */
    String source() {
        return source;
    }

    /** Every mention in {@code text}, in text order; {@code seg} must be the segmentation of the same text. */
    public List<Mention> find(String text, Segmentation seg) {
        return find(FoldedText.of(text), seg);
    }

    List<Mention> find(FoldedText text, Segmentation seg) {
        List<PhraseMatcher.Match> candidates = new ArrayList<>(matcher.findAll(text));
        candidates.sort(Comparator.comparingInt(PhraseMatcher.Match::foldedStart)
                .thenComparing(Comparator.comparingInt(PhraseMatcher.Match::foldedEnd).reversed())
                .thenComparing(m -> phraseEntity.get(m.phrase()) == null ? 0 : 1));
        List<Mention> mentions = new ArrayList<>();
        int taken = 0;
        for (PhraseMatcher.Match m : candidates) {
            if (m.foldedStart() < taken) {
                continue;
            }
            taken = m.foldedEnd();
            String code = phraseEntity.get(m.phrase());
            if (code != null) {
                int sentence = seg.sentenceAt(m.start());
                int paragraph = sentence < 0 ? -1 : seg.sentences().get(sentence).paragraph();
                mentions.add(new Mention(code, text.original().substring(m.start(), m.end()), m.start(), m.end(),
                        sentence, paragraph));
            }
        }
        return mentions;
    }
}
