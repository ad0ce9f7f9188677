package io.newswatch.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hand-labelled regression corpus in {@code src/test/resources/io/newswatch/tagger/regression/} (format in its
 * README): texts with the entities, tags and sanctions kinds docs/rules.md gives them.
 */
final class RegressionCorpus {
    static final List<String> FILES = List.of("entities-aliases", "exclusions", "segmentation", "sanctions-positive",
            "sanctions-negative", "mixed-articles", "edge-cases", "multilingual-ru", "multilingual-uk",
            "multilingual-ko", "multilingual-zh", "sanctions-dev-1", "sanctions-dev-2",
            "realistic-dev-1", "realistic-dev-2", "indirect-dev", "page-dev");
    /** The five core tags of the default ruleset; the sanctions kinds are reported beside them. */
    static final List<String> CORE_TAGS = List.of("ru-kp", "cn-kp", "ru-cn", "triangle", "sanctions-violation");

    record Case(String file, String id, String why, Set<String> entities, Set<String> tags, Set<String> kinds,
                String text) {
    }

    private RegressionCorpus() {
    }

    /** The held-out set: written apart from the rules and never used to tune them (see its README). */
    static final List<String> HOLDOUT_FILES = List.of("news-en-1", "news-en-2", "news-en-3", "news-multilingual");

    static List<Case> load() {
        return load("regression", FILES);
    }

    static List<Case> loadHoldout() {
        return load("holdout", HOLDOUT_FILES);
    }

    static List<Case> load(String folder, List<String> files) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Case> all = new ArrayList<>();
        for (String file : files) {
            String resource = "/io/newswatch/tagger/" + folder + "/" + file + ".yaml";
            try (InputStream in = RegressionCorpus.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing");
                }
                for (JsonNode c : yaml.readTree(in)) {
                    all.add(new Case(file, c.get("id").asText(), c.path("why").asText(), set(c.get("entities")),
                            set(c.get("tags")), set(c.get("kinds")), c.get("text").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(resource, e);
            }
        }
        return all;
    }

    private static Set<String> set(JsonNode list) {
        Set<String> out = new TreeSet<>();
        if (list != null) {
            list.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
