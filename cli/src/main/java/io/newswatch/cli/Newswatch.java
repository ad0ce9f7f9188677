package io.newswatch.cli;

import io.newswatch.cli.internal.ErrorReporting;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The one {@code newswatch} command. Every service (ingest, streams, alerts, an embedded broker) can run alone
 * against any Kafka cluster; {@code run} and {@code demo} run them together; {@code tag}, {@code rules}, {@code extract}
 * and {@code topics} are offline or administrative tools.
 *
 * <p>Exit codes: 0 success; 1 a runtime failure (one line on standard error names it); 2 a usage error (an
 * unknown option, a bad value); 3 some inputs of {@code tag}/{@code extract} could not be read.
 */
@Command(name = "newswatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches the news for the Russia-North Korea-China triangle and sanctions breaches, over Apache Kafka.",
        subcommands = {
                RunCommand.class,
                DemoCommand.class,
                IngestCommand.class,
                ReplayCommand.class,
                BenchCommand.class,
                StreamsCommand.class,
                AlertsCommand.class,
                ConsoleCommand.class,
                BrokerCommand.class,
                TagCommand.class,
                RulesCommand.class,
                SourcesCommand.class,
                SubscribeCommand.class,
                RoutesCommand.class,
                SilenceCommand.class,
                ExtractCommand.class,
                TopicsCommand.class,
                DlqCommand.class,
                EventsCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Newswatch implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting: what tests call. */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    /** The configured picocli command line (error handlers, case-insensitive enums). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Newswatch());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(ErrorReporting::onUsageError);
        cl.setExecutionExceptionHandler(ErrorReporting::onExecutionError);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
