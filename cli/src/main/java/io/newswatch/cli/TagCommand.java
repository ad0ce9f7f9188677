package io.newswatch.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.cli.internal.FileConfigOptions;
import io.newswatch.cli.internal.InputReader;
import io.newswatch.cli.internal.Rules;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.model.serde.Json;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Tags files offline. Output contract: one JSON object per input file on standard output, in input order, with the
 * members {@code {"source", "entities", "tags", "mentions", "evidence", "events"}} in that order. Each evidence
 * item is {@code {"tag", "role", "text", "start", "end", "matched"}} ({@link io.newswatch.model.Evidence}), role
 * {@code decisive} or {@code context}, ordered by tag with the decisive items of a tag first; each event is a
 * {@link io.newswatch.model.ViolationEvent} with its {@code evidence} as {@code {"text", "start", "end"}} (empty
 * unless the text is tagged {@code sanctions-violation}). An unreadable file gets a one-line message on standard
 * error, the others are still tagged, and the exit code is 3.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag text or HTML files offline and print one JSON object per file (entities, tags, mentions, evidence, events).",
                "HTML is detected and its main text extracted first."})
final class TagCommand implements Callable<Integer> {
    static final int SOME_INPUTS_UNREADABLE = 3;

    @Mixin
    FileConfigOptions configOptions;

    @Option(names = "--rules", paramLabel = "FILE", description = "Rules file (default: the shipped rules).")
    Path rules;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Plain-text (paragraphs separated by blank lines) or HTML files.")
    List<String> files;

    @Override
    public Integer call() {
        Tagger tagger = Rules.tagger(rules, configOptions.load());
        InputReader reader = new InputReader(null);
        ObjectWriter json = Json.mapper().writer();
        PrintStream out = System.out;
        int failures = 0;
        for (String file : files) {
            try {
                ExtractedArticle article = reader.read(file, null);
                TagResult result = tagger.tag(article.text());
                out.println(json.writeValueAsString(row(file, result)));
            } catch (InputReader.UnreadableInputException e) {
                failures++;
                System.err.println("newswatch tag: " + e.getMessage());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write JSON for " + file, e);
            }
            out.flush();
        }
        return failures == 0 ? 0 : SOME_INPUTS_UNREADABLE;
    }

    /** One file's output object, its members in contract order. */
    static Map<String, Object> row(String source, TagResult result) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("source", source);
        o.put("entities", result.entities());
        o.put("tags", result.tags());
        o.put("mentions", result.mentions());
        o.put("evidence", result.evidence());
        o.put("events", result.events());
        return o;
    }
}
