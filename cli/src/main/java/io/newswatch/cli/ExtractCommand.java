package io.newswatch.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.cli.internal.FileConfigOptions;
import io.newswatch.cli.internal.InputReader;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.model.serde.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Extracts the article from saved pages or URLs. Output contract: one JSON object per input, in
 * input order: {@code {"source", "url", "title", "byline", "publishedAt", "language", "text"}}. An unreadable
 * input gets a one-line message on standard error, the others are still extracted, and the exit code is 3.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract title, byline, date, language and main text from HTML files or URLs; one JSON object per input.",
                "URLs are fetched politely (robots.txt, User-Agent from ingest.user.agent)."})
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    FileConfigOptions configOptions;

    @Option(names = "--url", paramLabel = "URL", description = "The URL a saved FILE came from (for its canonical URL and relative links).")
    String url;

    @Parameters(paramLabel = "FILE|URL", arity = "1..*", description = "Saved HTML (or text) files, or http(s) URLs.")
    List<String> inputs;

    @Override
    public Integer call() throws Exception {
        boolean anyUrl = inputs.stream().anyMatch(InputReader::isUrl);
        int failures = 0;
        ObjectWriter json = Json.mapper().writer();
        try (PoliteFetcher fetcher = anyUrl ? new PoliteFetcher(FetcherSettings.from(configOptions.load())) : null) {
            InputReader reader = new InputReader(fetcher);
            for (String input : inputs) {
                try {
                    ExtractedArticle a = reader.read(input, url);
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("source", input);
                    o.put("url", a.url());
                    o.put("title", a.title());
                    o.put("byline", a.byline());
                    o.put("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
                    o.put("language", a.language());
                    o.put("text", a.text());
                    System.out.println(json.writeValueAsString(o));
                } catch (InputReader.UnreadableInputException e) {
                    failures++;
                    System.err.println("newswatch extract: " + e.getMessage());
                }
                System.out.flush();
            }
        }
        return failures == 0 ? 0 : TagCommand.SOME_INPUTS_UNREADABLE;
    }
}
