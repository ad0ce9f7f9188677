package io.newswatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newswatch routes ...}: tools for the subscriptions file. */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = "Work with the subscriptions file's routing tree.",
        subcommands = {RoutesTestCommand.class})
final class RoutesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
