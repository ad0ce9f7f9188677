package io.newswatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newswatch rules ...}: tools for rule authors. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Work with rule files: validate them and run their examples.",
        subcommands = {RulesCheckCommand.class, RulesPushCommand.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
