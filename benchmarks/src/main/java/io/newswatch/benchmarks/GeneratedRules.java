package io.newswatch.benchmarks;

import io.newswatch.tagger.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A large ruleset for the scaling benchmark: the shipped default ruleset plus {@code count} generated rules.
 *
 * <p>Contract: deterministic for a given {@code (count, seed)}. The generated rules are shaped like hand-written
 * ones (entity plus keywords in a sentence, keywords within a paragraph with an exception, word proximity,
 * phrases, wildcards, references to the default lists such as {@code $SANCTIONS}) and are made of words from
 * {@link NewsVocabulary}, drawn uniformly (about two in five are real news words or their forms, the rest made-up
 * names), so that some rules match some articles and most match none. They are appended to
 * the default file's {@code rules:} list, which is that file's last top-level key, so the result holds every
 * default list and rule, uses the default gazetteer, and tags exactly as the default ruleset does for the default
 * rules' ids.
 */
public final class GeneratedRules {
    /** The number of generated rules in the benchmark. */
    public static final int DEFAULT_COUNT = 1_000;
    /** The seed of the benchmark's rules. */
    public static final long DEFAULT_SEED = 0x72756c6573L;
    /** Where the streams jar carries the default ruleset. */
    static final String DEFAULT_RULES_RESOURCE = "/io/newswatch/tagger/rules/default.yaml";

    private GeneratedRules() {
    }

    /** The benchmark's ruleset: the defaults plus {@value #DEFAULT_COUNT} generated rules. */
    public static RuleSet standard() {
        return ruleSet(DEFAULT_COUNT, DEFAULT_SEED);
    }

    /**
     * Parses the default ruleset extended by {@code count} generated rules.
     *
     * @throws io.newswatch.tagger.RuleSetException if a generated rule is invalid (a bug here)
     */
    public static RuleSet ruleSet(int count, long seed) {
        return RuleSet.parse(yaml(count, seed), "generated-" + count + "-rules.yaml", null);
    }

    /** The YAML text of the default ruleset extended by {@code count} generated rules. */
    public static String yaml(int count, long seed) {
        String defaults = defaultRulesText();
        String[] lines = defaults.split("\n");
        String lastTopLevel = "";
        for (String line : lines) {
            if (!line.isEmpty() && Character.isLetter(line.charAt(0))) {
                lastTopLevel = line;
            }
        }
        if (!lastTopLevel.startsWith("rules:")) {
            throw new IllegalStateException("the default ruleset no longer ends with its 'rules:' list (last key: '"
                    + lastTopLevel + "'); generated rules cannot be appended to it");
        }
        StringBuilder out = new StringBuilder(defaults.length() + count * 120);
        out.append(defaults);
        if (!defaults.endsWith("\n")) {
            out.append('\n');
        }
        out.append('\n').append(rules(count, seed));
        return out.toString();
    }

    /** Only the generated rule entries, as items of a {@code rules:} list (two spaces of indentation). */
    static String rules(int count, long seed) {
        Draw d = new Draw(NewsVocabulary.build(seed), new Random(seed));
        List<Supplier<String>> shapes = List.of(
                () -> "SENTENCE(" + d.entity() + " AND (" + d.word() + " OR " + d.word() + " OR \"" + d.word() + " "
                        + d.word() + "\"))",
                () -> "PARAGRAPH(" + d.entity() + " AND " + d.wildcard() + ") AND NOT " + d.word(),
                () -> d.word() + " NEAR/" + (2 + d.random.nextInt(7)) + " " + d.word(),
                () -> "SENTENCE((" + d.word() + " OR " + d.word() + ") AND NOT " + d.word() + ")",
                () -> "SENTENCE(" + d.entity() + " AND " + d.word() + " AND " + d.wildcard() + ")",
                () -> "\"" + d.word() + " " + d.word() + "\" OR " + d.wildcard(),
                () -> "PARAGRAPH(" + d.word() + " AND " + d.word() + " AND NOT " + d.entity() + ")",
                () -> "SENTENCE((@KP OR @RU) AND $SANCTIONS AND (" + d.word() + " OR " + d.wildcard() + "))",
                () -> d.word() + " ONEAR/" + (2 + d.random.nextInt(4)) + " (" + d.word() + " OR " + d.word() + ")",
                () -> "SENTENCE(" + d.entity() + " AND " + d.entity() + " AND " + d.word() + ")",
                () -> "(" + d.word() + " OR " + d.word() + " OR " + d.word() + ") AND " + d.word());
        StringBuilder out = new StringBuilder(count * 120);
        for (int i = 1; i <= count; i++) {
            int shape = d.random.nextInt(shapes.size());
            out.append(String.format("  - id: gen-%04d\n", i))
                    .append(String.format("    title: Generated rule %d (shape %d)\n", i, shape + 1))
                    .append("    severity: info\n")
                    .append("    query: '").append(shapes.get(shape).get()).append("'\n");
        }
        return out.toString();
    }

    /** Draws the parts of generated queries. */
    private record Draw(NewsVocabulary vocabulary, Random random) {
        String entity() {
            return List.of("@RU", "@KP", "@CN").get(random.nextInt(3));
        }

        String word() {
            return vocabulary.pick(random);
        }

        /** A word cut after at least five letters, with {@code *}: {@code harve*}, {@code tribun*}. */
        String wildcard() {
            String w = word();
            int keep = w.length() <= 6 ? w.length() : 5 + random.nextInt(w.length() - 5);
            return w.substring(0, keep) + "*";
        }
    }

    /** The text of the shipped default ruleset, read from the streams jar. */
    static String defaultRulesText() {
        try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULT_RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RULES_RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RULES_RESOURCE, e);
        }
    }
}
