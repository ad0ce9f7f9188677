package io.newswatch.cli;

import io.newswatch.model.Evidence;
import io.newswatch.tagger.Gazetteer;
import io.newswatch.tagger.RuleChecker;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.RuleSetException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Validates rule files and runs every rule's {@code examples}, printing PASS or FAIL per example (in the manner of
 * {@code promtool test rules}). A file that does not load prints its error (file:line:column, the line, a caret)
 * on standard output with the report, and the next file is still checked. A gazetteer ({@code entities.yaml}, found
 * by {@link RuleChecker#isGazetteer}) is loaded and validated as one, so {@code rules check rules/*.yaml} checks
 * both kinds. A failing no-match example shows its proof, the first decisive sentence (what an alert would show),
 * then the rest of the evidence with its roles. Exit code 0 when every file loads and every example passes, 1
 * otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate rule files (and gazetteers) and run the examples of every rule.",
                "Prints PASS/FAIL per example; exits 1 if any file is invalid or any example fails."})
final class RulesCheckCommand implements Callable<Integer> {
    private static final int EXCERPT = 72;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files (YAML, format version 2) or gazetteers (entities files).")
    List<Path> files;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        boolean ok = true;
        for (Path file : files) {
            if (isGazetteer(file)) {
                ok &= checkGazetteer(out, file);
                continue;
            }
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

    private static boolean isGazetteer(Path file) {
        try {
            return RuleChecker.isGazetteer(Files.readString(file));
        } catch (IOException | UncheckedIOException e) {
            // unreadable: loading it as a ruleset reports why
            return false;
        }
    }

    private static boolean checkGazetteer(PrintStream out, Path file) {
        try {
            Gazetteer g = Gazetteer.load(file);
            out.printf("%s: gazetteer, %d entities (%s), %d aliases and exclusions%n", file, g.codes().size(),
                    String.join(", ", g.codes()), g.size());
            out.println(file + ": VALID");
            return true;
        } catch (RuleSetException e) {
            out.println(e.getMessage());
            out.println(file + ": INVALID (gazetteer)");
            return false;
        }
    }

    private static void explain(PrintStream out, RuleChecker.Outcome o) {
        String pad = "        ";
        if (o.example().shouldMatch()) {
            out.println(pad + "expected the rule to match; it did not. Entities found: " + o.result().entities()
                    + ", tags: " + o.result().tags());
        } else {
            Evidence proof = o.proof();
            if (proof == null) {
                out.println(pad + "expected no match; the rule matched (no evidence kept)");
                return;
            }
            out.println(pad + "expected no match; the rule matched. Proof: [" + proof.start() + "," + proof.end()
                    + ") " + excerpt(proof.text()) + "  matched " + proof.matched());
            for (String tag : o.rule().tags()) {
                for (Evidence e : o.result().evidenceFor(tag)) {
                    if (!e.equals(proof)) {
                        out.println(pad + "  " + e.role() + " [" + e.start() + "," + e.end() + ") "
                                + excerpt(e.text()) + "  matched " + e.matched());
                    }
                }
            }
        }
    }

    private static String excerpt(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= EXCERPT ? one : one.substring(0, EXCERPT - 3) + "...";
    }
}
