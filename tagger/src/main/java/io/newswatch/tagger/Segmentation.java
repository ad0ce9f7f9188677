package io.newswatch.tagger;

import java.util.List;

/**
 * The paragraphs and sentences of one text, as character offsets (UTF-16 units) into it. Spans exclude the
 * surrounding whitespace; sentences never cross a paragraph boundary; both lists are in text order.
 *
 * @param paragraphs the paragraphs
 * @param sentences  the sentences of every paragraph, numbered through the whole text
 */
public record Segmentation(List<Paragraph> paragraphs, List<Sentence> sentences) {

    /** A paragraph: {@code [start, end)}. */
    public record Paragraph(int index, int start, int end) {
        public String text(String source) {
            return source.substring(start, end);
        }
    }

    /** A sentence: {@code [start, end)}, inside paragraph {@code paragraph}. */
    public record Sentence(int index, int paragraph, int start, int end) {
        public String text(String source) {
            return source.substring(start, end);
        }
    }

    public Segmentation {
        paragraphs = List.copyOf(paragraphs);
        sentences = List.copyOf(sentences);
    }

    /**
     * The sentence holding {@code offset}; an offset between two sentences belongs to the earlier one.
     *
     * @return the sentence index, or -1 when the offset precedes every sentence
     */
    public int sentenceAt(int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).start() <= offset) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The paragraph holding {@code offset}, the same way; -1 when it precedes every paragraph. */
    public int paragraphAt(int offset) {
        int s = sentenceAt(offset);
        return s < 0 ? -1 : sentences.get(s).paragraph();
    }
}
