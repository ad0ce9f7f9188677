package io.newswatch.cli.internal;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;

/** Which ruleset a command tags with: an explicit file, else {@code streams.rules.file}, else the default. */
public final class Rules {
    private Rules() {
    }

    public static Tagger tagger(Path explicit, NewswatchConfig config) {
        Path file = explicit != null ? explicit : config.get(ConfigKeys.RULES_FILE);
        return file == null ? Tagger.withDefaultRules() : Tagger.withRules(RuleSet.load(file));
    }
}
