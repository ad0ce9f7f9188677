package io.newswatch.streams.tagging;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import java.util.List;

/**
 * What the tagger found in one text.
 *
 * @param entities entity codes mentioned, sorted, each once
 * @param tags     tags given (rule ids), sorted
 * @param mentions every entity mention, in text order
 * @param evidence for each tag, the sentences or paragraphs that made it true, ordered by tag then offset
 */
public record TagResult(List<String> entities, List<String> tags, List<Mention> mentions, List<Evidence> evidence) {
    public TagResult {
        entities = List.copyOf(entities);
        tags = List.copyOf(tags);
        mentions = List.copyOf(mentions);
        evidence = List.copyOf(evidence);
    }

    /** The evidence behind one tag; empty when the text does not carry it. */
    public List<Evidence> evidenceFor(String tag) {
        return evidence.stream().filter(e -> e.tag().equals(tag)).toList();
    }
}
