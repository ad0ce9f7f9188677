package io.newswatch.cli;

import io.newswatch.cli.internal.ConfigOptions;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicWriter;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.RuleRecords;
import io.newswatch.tagger.RuleChecker;
import io.newswatch.tagger.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code newswatch rules push FILE}: validates a rules file, runs its examples, and makes news.rules exactly its
 * rules, which every running streams instance then uses without a restart.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Validate a rules file, run its examples, and make news.rules exactly its rules: new and "
                + "changed rules are written, rules it no longer has are removed. Every running streams instance "
                + "puts them in force for the next article, without a restart.",
                "Rules on news.rules use the gazetteer the streams instances run with; a file naming its own "
                        + "'entities:' file is refused.",
                "Exit status: 0 on success, 1 when the file is invalid or an example fails (nothing is written) "
                        + "or Kafka cannot be reached."})
final class RulesPushCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions configOptions;

    @Parameters(paramLabel = "FILE", description = "The rules file.")
    Path file;

    @Override
    public Integer call() throws Exception {
        String yaml = Files.readString(file);
        Map<String, String> records = RuleRecords.split(yaml, file.toString());
        List<RuleChecker.Outcome> failed = RuleChecker.run(RuleSet.load(file)).stream()
                .filter(o -> !o.passed()).toList();
        if (!failed.isEmpty()) {
            for (RuleChecker.Outcome o : failed) {
                System.err.println("FAIL " + o.rule().id() + " (line " + o.example().line() + "): should "
                        + (o.example().shouldMatch() ? "" : "not ") + "match: " + o.example().text());
            }
            System.err.println("newswatch rules push: " + failed.size() + " example(s) fail; nothing was pushed "
                    + "(see `newswatch rules check " + file + "`)");
            return 1;
        }
        NewswatchConfig config = configOptions.load();
        try (KafkaConnection kafka = KafkaConnection.reachable(config)) {
            var result = CompactedTopicWriter.sync(kafka.clientProperties(),
                    config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-rules-cli", Topics.RULES, records);
            System.out.println(Topics.RULES.name() + ": " + result);
        }
        return 0;
    }
}
