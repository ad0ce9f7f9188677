package io.newswatch.tagger;

import io.newswatch.model.Evidence;
import io.newswatch.model.yaml.YamlTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule's {@code examples} through a tagger built from the whole ruleset (so lists, the gazetteer and
 * segmentation are exercised exactly as in production), the way {@code promtool test rules} runs alerting-rule
 * tests: each example passes when the rule matches a {@code match:} text and does not match a {@code no-match:}
 * text. A failing {@code no-match} example is explained by its {@link Outcome#proof() proof}: the first decisive
 * sentence of the rule's tags, the one an alert would show.
 *
 * <p>A file given to the checker may also be a gazetteer ({@code entities.yaml}); {@link #isGazetteer} tells it
 * apart so that it is loaded as one ({@link Gazetteer#load}) instead of failing as a ruleset.
 */
public final class RuleChecker {
    private RuleChecker() {
    }

    /**
     * The outcome of one example.
     *
     * @param rule    the rule it belongs to
     * @param example the example
     * @param passed  whether the rule behaved as the example says
     * @param result  everything the tagger found in the example text, for explaining a failure
     */
    public record Outcome(Rule rule, RuleExample example, boolean passed, TagResult result) {
        /**
         * The sentence that proves the rule matched: the first decisive evidence of its tags (else the first
         * evidence); null when the rule did not match.
         */
        public Evidence proof() {
            if (!result.matched(rule.id())) {
                return null;
            }
            List<Evidence> evidence = new ArrayList<>();
            for (String tag : rule.tags()) {
                evidence.addAll(result.evidenceFor(tag));
            }
            evidence.sort((a, b) -> Boolean.compare(b.isDecisive(), a.isDecisive()));
            return Evidence.firstDecisive(evidence);
        }
    }

    /**
     * Whether a YAML text is a gazetteer rather than a ruleset: its top level has {@code entities:} holding a list
     * of entities (a ruleset's {@code entities:} names a file) and no {@code rules:}. Text that is not YAML is not a
     * gazetteer (loading it as a ruleset reports the error).
     */
    public static boolean isGazetteer(String yaml) {
        try {
            YamlTree.Node root = YamlTree.parse(yaml);
            if (root.kind() != YamlTree.Node.Kind.MAP) {
                return false;
            }
            YamlTree.Node entities = root.entries().get("entities");
            return entities != null && entities.kind() == YamlTree.Node.Kind.LIST
                    && !root.entries().containsKey("rules");
        } catch (YamlTree.YamlError e) {
            return false;
        }
    }

    /** Runs every example of every rule, in file order. */
    public static List<Outcome> run(RuleSet ruleSet) {
        Tagger tagger = Tagger.withRules(ruleSet);
        List<Outcome> out = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            for (RuleExample example : rule.examples()) {
                TagResult result = tagger.tag(example.text());
                boolean matched = result.matched(rule.id());
                out.add(new Outcome(rule, example, matched == example.shouldMatch(), result));
            }
        }
        return out;
    }
}
