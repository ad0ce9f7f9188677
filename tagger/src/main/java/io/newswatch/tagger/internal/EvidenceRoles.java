package io.newswatch.tagger.internal;

import io.newswatch.model.Evidence;
import io.newswatch.tagger.Segmentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns one tag's evidence sentences into {@link Evidence} items with their roles, in the order every reader relies
 * on: decisive items first, in text order, then context items, in text order. Whatever shows a single sentence as
 * the proof of a tag (an alert, a digest line) therefore shows the first decisive one.
 */
public final class EvidenceRoles {
    private EvidenceRoles() {
    }

    /**
     * Appends the evidence of {@code tag} to {@code out}.
     *
     * @param units the tag's sentences, in text order, one per sentence
     * @param text  the tagged text the units point into
     * @param seg   its segmentation
     */
    public static void add(String tag, Collection<TaggingEngine.EvidenceUnit> units, String text, Segmentation seg,
                           List<Evidence> out) {
        List<Evidence> context = new ArrayList<>();
        for (TaggingEngine.EvidenceUnit u : units) {
            boolean decisive = u.decisive();
            Evidence e = new Evidence(tag, decisive ? Evidence.DECISIVE : Evidence.CONTEXT,
                    text.substring(u.start(), u.end()), u.start(), u.end(), u.matched());
            if (decisive) {
                out.add(e);
            } else {
                context.add(e);
            }
        }
        out.addAll(context);
    }
}
