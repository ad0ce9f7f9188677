package io.newswatch.tagger.internal;

import io.newswatch.model.Evidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns one tag's evidence sentences into {@link Evidence} items with their roles, in the order every reader relies
 * on: decisive items first, in text order, then context items, in text order. Whatever shows a single sentence as
 * the proof of a tag (an alert, a digest line) therefore shows the first decisive one.
 *
 * <p>A sentence where the rule's decisive part matched is decisive, unless it is not prose ({@link PageLines}: a
 * headline with a counter and a date, a menu, a caption, a teaser of another story) and a prose sentence proves the
 * same tag: then it is context. Page furniture stays decisive only when it is all that states the tag.
 */
public final class EvidenceRoles {
    private EvidenceRoles() {
    }

    /**
     * Appends the evidence of {@code tag} to {@code out}.
     *
     * @param units the tag's sentences, in text order, one per sentence
     * @param text  the tagged text the units point into
     */
    public static void add(String tag, Collection<TaggingEngine.EvidenceUnit> units, String text,
                           List<Evidence> out) {
        List<Evidence> context = new ArrayList<>();
        int decisiveUnits = 0;
        for (TaggingEngine.EvidenceUnit u : units) {
            decisiveUnits += u.decisive() ? 1 : 0;
        }
        boolean[] furniture = new boolean[units.size()];
        boolean anyProse = false;
        if (decisiveUnits > 1) {
            int i = 0;
            for (TaggingEngine.EvidenceUnit u : units) {
                if (u.decisive()) {
                    furniture[i] = !PageLines.isProse(text, u.start(), u.end());
                    anyProse |= !furniture[i];
                }
                i++;
            }
        }
        int i = 0;
        for (TaggingEngine.EvidenceUnit u : units) {
            boolean decisive = u.decisive() && !(anyProse && furniture[i]);
            i++;
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
