package io.newswatch.cli;

import io.newswatch.model.Evidence;
import io.newswatch.tagger.RuleChecker;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.RuleSetException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Validates rule files and runs every rule's {@code examples}, printing PASS or FAIL per example (in the manner of
 * {@code promtool test rules}). A file that does not load prints its error (file:line:column, the line, a caret)
 * on standard output with the report, and the next file is still checked. Exit code 0 when every file loads and every example passes, 1 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate rule files and run the examples of every rule.",
                "Prints PASS/FAIL per example; exits 1 if any file is invalid or any example fails."})
final class RulesCheckCommand implements Callable<Integer> {
    private static final int EXCERPT = 72;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files (YAML, format version 2).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        boolean ok = true;
        for (Path file : files) {
            RuleSet rules;
            try {
                rules = RuleSet.load(file);
            } catch (RuleSetException e) {
                out.println(e.getMessage());
                out.println(file + ": INVALID");
                ok = false;
                continue;
            }
            List<RuleChecker.Outcome> outcomes = RuleChecker.run(rules);
            out.printf("%s: %d rules, %d lists, %d examples%n", file, rules.rules().size(), rules.lists().size(),
                    outcomes.size());
            int width = rules.rules().stream().mapToInt(r -> r.id().length()).max().orElse(10);
            int failed = 0;
            for (RuleChecker.Outcome o : outcomes) {
                out.printf("  %s  %-" + width + "s  %-8s  line %-4d  %s%n", o.passed() ? "PASS" : "FAIL",
                        o.rule().id(), o.example().shouldMatch() ? "match" : "no-match", o.example().line(),
                        excerpt(o.example().text()));
                if (!o.passed()) {
                    failed++;
                    explain(out, o);
                }
            }
            if (failed == 0) {
                out.println(file + ": SUCCESS");
            } else {
                out.printf("%s: FAILED (%d of %d examples)%n", file, failed, outcomes.size());
                ok = false;
            }
        }
        return ok ? 0 : 1;
    }

    private static void explain(PrintStream out, RuleChecker.Outcome o) {
        String pad = "        ";
        if (o.example().shouldMatch()) {
            out.println(pad + "expected the rule to match; it did not. Entities found: " + o.result().entities()
                    + ", tags: " + o.result().tags());
        } else {
            out.println(pad + "expected no match; the rule matched because of:");
            for (String tag : o.rule().tags()) {
                for (Evidence e : o.result().evidenceFor(tag)) {
                    out.println(pad + "  [" + e.start() + "," + e.end() + ") " + excerpt(e.text()) + "  matched "
                            + e.matched());
                }
            }
        }
    }

    private static String excerpt(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT - 3) + "...";
    }
}
