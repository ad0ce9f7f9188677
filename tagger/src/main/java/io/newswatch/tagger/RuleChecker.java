package io.newswatch.tagger;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule's {@code examples} through a tagger built from the whole ruleset (so lists, the gazetteer and
 * segmentation are exercised exactly as in production), the way {@code promtool test rules} runs alerting-rule
 * tests: each example passes when the rule matches a {@code match:} text and does not match a {@code no-match:}
 * text.
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
