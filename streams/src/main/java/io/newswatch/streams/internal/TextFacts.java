package io.newswatch.streams.internal;

import io.newswatch.model.Mention;
import io.newswatch.streams.tagging.Segmentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the rules look at in one text, indexed by sentence and paragraph: the segmentation, the entity
 * mentions and the term matches. Built once per text, read by every rule.
 */
public final class TextFacts {
    private final String text;
    private final Segmentation segmentation;
    private final List<List<Mention>> mentionsBySentence = new ArrayList<>();
    private final List<List<Mention>> mentionsByParagraph = new ArrayList<>();
    private final List<List<PhraseMatcher.Match>> termsBySentence = new ArrayList<>();

    public TextFacts(String text, Segmentation segmentation, List<Mention> mentions,
                     List<PhraseMatcher.Match> termMatches) {
        this.text = text;
        this.segmentation = segmentation;
        for (int i = 0; i < segmentation.sentences().size(); i++) {
            mentionsBySentence.add(new ArrayList<>());
            termsBySentence.add(new ArrayList<>());
        }
        for (int i = 0; i < segmentation.paragraphs().size(); i++) {
            mentionsByParagraph.add(new ArrayList<>());
        }
        for (Mention m : mentions) {
            if (m.sentence() >= 0) {
                mentionsBySentence.get(m.sentence()).add(m);
                mentionsByParagraph.get(m.paragraph()).add(m);
            }
        }
        List<PhraseMatcher.Match> ordered = new ArrayList<>(termMatches);
        ordered.sort((a, b) -> Integer.compare(a.start(), b.start()));
        for (PhraseMatcher.Match m : ordered) {
            int s = segmentation.sentenceAt(m.start());
            // a term that runs past its sentence's end is not inside it
            if (s >= 0 && m.end() <= segmentation.sentences().get(s).end()) {
                termsBySentence.get(s).add(m);
            }
        }
    }

    public String text() {
        return text;
    }

    public Segmentation segmentation() {
        return segmentation;
    }

    public List<Mention> mentionsInSentence(int sentence) {
        return mentionsBySentence.get(sentence);
    }

    public List<Mention> mentionsInParagraph(int paragraph) {
        return mentionsByParagraph.get(paragraph);
    }

    /** Term matches inside the sentence, in text order. */
    public List<PhraseMatcher.Match> termsInSentence(int sentence) {
        return termsBySentence.get(sentence);
    }
}
