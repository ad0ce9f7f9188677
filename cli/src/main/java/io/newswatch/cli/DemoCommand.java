package io.newswatch.cli;

import io.newswatch.cli.demo.DemoRun;
import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.ConsoleServer;
import io.newswatch.cli.internal.WorkDirectory;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The offline main job: a sample news site through the whole pipeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline over a sample news site, offline, and print each alert.",
                "The sample site is served on 127.0.0.1; ingest, streams and alerts run on an embedded Kafka broker "
                        + "(or the configured cluster); the alerts also go to a JSONL file; it exits 0 with a summary "
                        + "once every sample article went through. Needs no network."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "demo-alerts.jsonl",
            description = "Where to write the alerts as JSON lines (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up when the pipeline has not finished after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--keep", description = "Keep the demo's broker and state directory and print its path.")
    boolean keep;

    @Option(names = "--console", description = "After the demo, serve the console (console.port, 127.0.0.1:8080) "
            + "with its alerts, articles and ledger, and keep the pipeline up until Ctrl-C.")
    boolean console;

    private void print(DemoRun.Summary summary) {
        try {
            DemoRun.print(summary, out, System.out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + out, e);
        }
    }

    @Override
    public Integer call() throws Exception {
        NewswatchConfig config = configOptions.load();
        Path work = Files.createTempDirectory("newswatch-demo-");
        try {
            DemoRun run = new DemoRun(config, out, work, Duration.ofSeconds(timeoutSeconds), System.out);
            if (console) {
                run.thenServeConsole(ConsoleServer.options(config), summary -> print(summary));
                run.run();
            } else {
                DemoRun.Summary summary = run.run();
                print(summary);
                DemoRun.printLedgerHint(run.bootstrapServers(), config.get(ConfigKeys.BROKER_PORT), System.out);
            }
            return 0;
        } finally {
            if (keep) {
                System.out.println("Demo state kept in " + work);
            } else {
                WorkDirectory.delete(work);
            }
        }
    }
}
