package io.newswatch.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Scores {@link ArticleExtractor} on the extraction benchmark's development half, the way its README defines the
 * score: 4-word shingles of {@code [\p{L}\p{N}_]+} words, per-page precision and recall over shingle multisets,
 * precision averaged over pages with a non-empty prediction, recall over all pages, F1 the harmonic mean of the
 * two means. Not a test: it prints the figure.
 *
 * <p>Run from the repository root ({@code --worst N} also lists the N lowest-scoring pages):
 * <pre>
 * ./mvnw -B -o -q -pl ingest test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp \
 *     -Dmdep.includeScope=test
 * java -cp ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/test.cp) \
 *     io.newswatch.ingest.extract.ExtractionBenchmark /work/shared/bench/extraction/dev
 * </pre>
 * Throughput is measured by {@code benchmarks/}' {@code ExtractionBenchmarkReport} (JMH), not here.
 */
public final class ExtractionBenchmark {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
                : "/work/shared/bench/extraction/dev");
        int worst = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--worst")) {
                worst = Integer.parseInt(args[i + 1]);
            }
        }
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        ArticleExtractor extractor = new ArticleExtractor();
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        int exact = 0;
        List<String> perPage = new ArrayList<>();
        long started = System.nanoTime();
        var ids = truth.fieldNames();
        while (ids.hasNext()) {
            String id = ids.next();
            JsonNode entry = truth.get(id);
            byte[] html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
                html = in.readAllBytes();
            }
            String predicted = extractor.extract(html, "text/html; charset=utf-8", entry.get("url").asText()).text();
            List<String> predictedWords = words(predicted);
            List<String> truthWords = words(entry.get("articleBody").asText());
            if (predictedWords.equals(truthWords)) {
                exact++;
            }
            Map<String, Integer> p = shingles(predictedWords);
            Map<String, Integer> t = shingles(truthWords);
            int tp = 0;
            int fp = 0;
            for (var e : p.entrySet()) {
                int shared = Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
                tp += shared;
                fp += e.getValue() - shared;
            }
            int fn = 0;
            for (var e : t.entrySet()) {
                fn += e.getValue() - Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
            }
            double precision = fp == 0 && fn == 0 ? 1 : tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = fp == 0 && fn == 0 ? 1 : tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            if (!p.isEmpty()) {
                precisionSum += precision;
                precisionPages++;
            }
            if (!t.isEmpty()) {
                recallSum += recall;
                recallPages++;
            }
            perPage.add(String.format("%.3f p=%.3f r=%.3f %s %s", 2 * precision * recall
                    / Math.max(1e-9, precision + recall), precision, recall, id.substring(0, Math.min(12, id.length())),
                    entry.get("url").asText()));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double precision = precisionSum / Math.max(1, precisionPages);
        double recall = recallSum / Math.max(1, recallPages);
        double f1 = 2 * precision * recall / (precision + recall);
        if (worst > 0) {
            perPage.sort(null);
            perPage.stream().limit(worst).forEach(System.out::println);
        }
        System.out.printf("pages=%d precision=%.3f recall=%.3f F1=%.3f exact=%.3f (%.1f s)%n", recallPages,
                precision, recall, f1, (double) exact / recallPages, seconds);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> shingles(List<String> words) {
        Map<String, Integer> out = new HashMap<>();
        if (words.isEmpty()) {
            return out;
        }
        if (words.size() < 4) {
            out.put(String.join(" ", words), 1);
            return out;
        }
        for (int i = 0; i + 4 <= words.size(); i++) {
            out.merge(String.join(" ", words.subList(i, i + 4)), 1, Integer::sum);
        }
        return out;
    }
}
