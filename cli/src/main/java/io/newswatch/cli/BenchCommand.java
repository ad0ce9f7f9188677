package io.newswatch.cli;

import picocli.CommandLine.Command;

/** {@code newswatch bench}: end-to-end benchmarks on an embedded broker. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on an embedded broker (or kafka.bootstrap.servers): the whole pipeline against raw Kafka, a replay of a synthetic archive, a backfill of a WARC archive, and the console under load.",
        subcommands = {BenchPipelineCommand.class, BenchReplayCommand.class, BenchBackfillCommand.class,
                BenchConsoleCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("newswatch bench: give a benchmark: pipeline, replay, backfill or console");
    }
}
