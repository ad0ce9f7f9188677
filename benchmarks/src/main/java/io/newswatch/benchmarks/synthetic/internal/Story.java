package io.newswatch.benchmarks.synthetic.internal;

import io.newswatch.streams.stories.StoryIndex;
import io.newswatch.streams.stories.TextFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Everything an original article is made of, before any outlet's edit: its outlet, byline, publication time,
 * headline and sentences, and the style its paragraphs are grouped by.
 */
public record Story(int source, String byline, long publishedMillis, Sentence title, List<Sentence> body,
                    Style style) {
    /** How many edits a copy tries before it settles for the closest. */
    private static final int EDIT_ATTEMPTS = 8;

    /** The text as the original outlet published it. */
    public String text() {
        return text(-1, -1, null);
    }

    /**
     * The body in paragraphs separated by a blank line; sentence {@code changedSentence} has its slot
     * {@code changedSlot} drawn from {@code edit} (-1: no change). The grouping is drawn from the body itself, so a
     * copy is grouped as its original.
     */
    private String text(int changedSentence, int changedSlot, Random edit) {
        Random grouping = new Random(body.get(0).seed() ^ body.size());
        StringBuilder out = new StringBuilder();
        int left = 0;
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                out.append(left == 0 ? "\n\n" : " ");
            }
            if (left == 0) {
                left = style.paragraphLeast() + grouping.nextInt(style.paragraphMost() - style.paragraphLeast() + 1);
            }
            left--;
            out.append(i == changedSentence ? body.get(i).render(changedSlot, edit) : body.get(i).render());
        }
        return out.toString();
    }

    /**
     * The text with one slot of one neutral sentence changed, as a copy editor would. Edits are drawn until one
     * keeps the copy within {@link StoryIndex#MAX_DISTANCE} fingerprint bits of the original, so the pipeline can
     * group every copy; after a few failed draws the closest edit is kept, and a body with nothing to edit is
     * copied as it is.
     */
    public String editedText(Random edit) {
        List<Integer> editable = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (!body.get(i).fixed() && body.get(i).slots() > 0) {
                editable.add(i);
            }
        }
        String original = text();
        if (editable.isEmpty()) {
            return original;
        }
        long originalFingerprint = TextFingerprint.of(original);
        String closest = null;
        int closestDistance = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
            int sentence = editable.get(edit.nextInt(editable.size()));
            String candidate = text(sentence, edit.nextInt(body.get(sentence).slots()), edit);
            if (candidate.equals(original)) {
                continue;
            }
            int distance = TextFingerprint.distance(originalFingerprint, TextFingerprint.of(candidate));
            if (distance < closestDistance) {
                closest = candidate;
                closestDistance = distance;
            }
            if (distance <= StoryIndex.MAX_DISTANCE) {
                break;
            }
        }
        return closest != null ? closest : original;
    }
}
