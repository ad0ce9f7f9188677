package io.newswatch.tagger.events.internal;

import java.util.List;
import java.util.Set;

/**
 * Parts states play beyond a preposition before them: the host of people who stay or work there ("IT workers
 * operating from China"), the partner goods are shared with ("делится с КНДР", "与朝鲜分享"), and states written as
 * adjectives of one noun, which share its part ("Turkish and Emirati distributors supplied").
 */
final class Partners {
    private Partners() {
    }

    /** Verbs of sharing, whose partner after "с"/"з" receives: "делится с", "ділиться з". */
    static final java.util.regex.Pattern SHARE = java.util.regex.Pattern.compile(
            "(?iu)(?:по)?дел(?:ится|ятся|илась|ился|ились|иться)|(?:по)?діл(?:иться|яться|илася|ився|илися|итися)"
            + "|поделил\\p{L}*|поділил\\p{L}*");

    /** Whether a give word of sharing ("sharing", "shared") stands before the state. */
    static boolean shared(String text, Hit state, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= state.start()) {
                return false;
            }
            if (h.is(Lexicon.Kind.GIVE) && text.regionMatches(true, h.start(), "shar", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** Chinese verbs of sharing after their partner: "与朝鲜分享", "同俄罗斯共享". */
    static final java.util.regex.Pattern SHARE_ZH = java.util.regex.Pattern.compile("\\s?(?:分享|共享)");

    /** The prepositions after which a verb of staying names the host: "operate from", "based in", "працюють у". */
    static final Set<String> STAY_PREPOSITIONS = Set.of("in", "at", "from", "inside", "в", "во", "у", "на", "из", "з",
            "із");

    /**
     * Whether a verb of staying or working ends at the preposition that starts at {@code preposition} ("operate from")
     * or takes it in ("based in"), in a sentence that names people.
     */
    static boolean stayedAt(int preposition, int state, List<Hit> in) {
        boolean stay = false;
        boolean people = false;
        for (Hit h : in) {
            stay |= h.is(Lexicon.Kind.STAY) && h.end() <= state && h.end() >= preposition - 2;
            people |= h.is(Lexicon.Kind.COMMODITY) && Direction.PEOPLE.contains(h.value());
        }
        return stay && people;
    }

    /**
     * Whether two states of a list are both written as adjectives, so modify one noun: "Turkish and Emirati
     * distributors supplied", "китайские и турецкие компании поставляют" (not "Moscow and Pyongyang").
     */
    static boolean adjectives(String text, Hit one, Hit other) {
        return Roles.ADJECTIVE.matcher(text.substring(one.start(), one.end())).find()
                && Roles.ADJECTIVE.matcher(text.substring(other.start(), other.end())).find();
    }
}
