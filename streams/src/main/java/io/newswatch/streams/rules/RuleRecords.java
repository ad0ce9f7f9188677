package io.newswatch.streams.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newswatch.tagger.RuleSet;
import io.newswatch.tagger.RuleSetException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rules as records of the compacted {@code news.rules} topic, and back.
 *
 * <p>Each record is keyed by rule id and holds a complete ruleset document in the rules file format (version 2)
 * with that one rule and the file's lists, so every record can be read and checked on its own and a rule never
 * depends on another record. The gazetteer is not carried: rules on the topic are matched with the gazetteer the
 * streams instance was started with (the shipped one, or {@code streams.rules.file}'s); a file that names its own
 * {@code entities:} file is refused by {@link #split}.
 */
public final class RuleRecords {
    private static final Logger LOG = LoggerFactory.getLogger(RuleRecords.class);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private RuleRecords() {
    }

    /**
     * Validates a rules file (all of it, as {@code newswatch rules check} does, examples aside) and splits it into
     * one record per rule.
     *
     * @param sourceName names the file in messages
     * @return rule id to record value, in file order
     * @throws RuleSetException when the file is invalid (file:line:column) or names its own gazetteer
     */
    public static Map<String, String> split(String yaml, String sourceName) {
        JsonNode tree = tree(yaml, sourceName);
        if (tree.has("entities")) {
            throw new RuleSetException(sourceName + ": rules on news.rules use the gazetteer the streams instances "
                    + "run with; this file names its own ('entities: " + tree.get("entities").asText()
                    + "'): start streams with --rules FILE instead, or remove the key");
        }
        RuleSet.parse(yaml, sourceName, null);
        Map<String, String> records = new LinkedHashMap<>();
        for (JsonNode rule : tree.path("rules")) {
            ObjectNode doc = YAML.createObjectNode();
            doc.put("version", RuleSet.FORMAT_VERSION);
            if (tree.has("lists")) {
                doc.set("lists", tree.get("lists"));
            }
            doc.putArray("rules").add(rule);
            records.put(rule.path("id").asText(), write(doc));
        }
        return records;
    }

    /**
     * The ruleset the records make together: their rules in id order, their lists merged (records written from one
     * file agree; where two disagree the one of the rule that sorts first wins, with a WARN naming the list).
     *
     * @return null when there are no records
     * @throws RuleSetException when the merged rules do not compile
     */
    public static RuleSet merge(Map<String, String> records) {
        if (records.isEmpty()) {
            return null;
        }
        ObjectNode lists = YAML.createObjectNode();
        ArrayNode rules = YAML.createArrayNode();
        for (Map.Entry<String, String> e : new TreeMap<>(records).entrySet()) {
            JsonNode doc = tree(e.getValue(), "news.rules/" + e.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("lists").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> list = it.next();
                JsonNode earlier = lists.get(list.getKey());
                if (earlier == null) {
                    lists.set(list.getKey(), list.getValue());
                } else if (!earlier.equals(list.getValue())) {
                    LOG.warn("news.rules: list {} differs in rule {}; the earlier definition is used", list.getKey(),
                            e.getKey());
                }
            }
            doc.path("rules").forEach(rules::add);
        }
        ObjectNode merged = YAML.createObjectNode();
        merged.put("version", RuleSet.FORMAT_VERSION);
        merged.set("lists", lists);
        merged.set("rules", rules);
        return RuleSet.parse(write(merged), "news.rules", null);
    }

    private static JsonNode tree(String yaml, String sourceName) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || !tree.isObject()) {
                throw new RuleSetException(sourceName + ": a rules document must be a map with 'version' and 'rules'");
            }
            return tree;
        } catch (JsonProcessingException e) {
            // RuleSet.parse reports YAML errors with line:column; let it
            RuleSet.parse(yaml, sourceName, null);
            throw new RuleSetException(sourceName + ": not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String write(JsonNode doc) {
        try {
            return YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
