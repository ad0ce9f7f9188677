package io.newswatch.tagger.events.internal;

import java.util.List;
import java.util.Set;

/**
 * The small tests {@link Roles} asks of the words around a state: what stands right before or after it (a give or
 * get word, people, goods, a supplier noun), whether it opens a Korean headline as its topic, whether its body
 * speaks. Each looks only at the lexicon's hits of one sentence. Stateless.
 */
final class RoleCues {
    private RoleCues() {
    }

    /** Agent nouns of a give word whose possessor receives: "Russia's supplier", "Moscow's arms providers". */
    static final java.util.regex.Pattern CLIENT_OF = java.util.regex.Pattern.compile("(?iu).*(?:supplier|provider).*");

    static boolean clientOf(String text, Hit give) {
        return CLIENT_OF.matcher(text.substring(give.start(), give.end())).matches();
    }

    /** Whether a supplier noun stands right after the goods: "arms supplier", "ammunition providers". */
    static boolean clientAfter(String text, Hit goods, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= goods.end()) {
                return h.is(Lexicon.Kind.GIVE) && h.start() - goods.end() <= 1 && clientOf(text, h);
            }
        }
        return false;
    }

    /** Words before "in" or "at" that make the state where people work: "found working in Chinese factories". */
    static final Set<String> WORKING = Set.of("working", "work", "works", "worked", "employed", "toiling",
            "stationed", "living");

    /** Whether workers or troops are named before the state. */
    static boolean peopleBefore(Hit state, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= state.start()) {
                return false;
            }
            if (h.is(Lexicon.Kind.COMMODITY) && Direction.PEOPLE.contains(h.value())) {
                return true;
            }
        }
        return false;
    }

    /** A give word that sends people abroad: "work abroad", "sent abroad". */
    static final java.util.regex.Pattern ABROAD = java.util.regex.Pattern.compile("(?i)abroad");

    /** What may stand between the people or "abroad" and the host's preposition: ", mainly". */
    static final java.util.regex.Pattern ABROAD_GAP = java.util.regex.Pattern.compile(
            "(?i)\\s{0,2}(?:,\\s*(?:mainly|mostly|chiefly|largely|including|especially)\\s+)?");

    /** Whether workers or troops (or a word sending them abroad) stand right before the preposition at {@code preposition}. */
    static boolean hosted(String text, int preposition, List<Hit> in) {
        for (Hit h : in) {
            if (h.end() <= preposition && (h.is(Lexicon.Kind.COMMODITY) && Direction.PEOPLE.contains(h.value())
                    || h.is(Lexicon.Kind.GIVE) && ABROAD.matcher(text).region(h.start(), h.end()).find())
                    && ABROAD_GAP.matcher(text).region(h.end(), preposition).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a Korean state opens the sentence (past quotes and brackets) and a comma follows it: the topic of a
     * headline ("北, 러시아에 포탄 수출"), the subject of its verb, not the head of a list of states.
     */
    static boolean koreanTopic(String text, int start, int end, Hit state) {
        if (Character.UnicodeScript.of(text.charAt(state.start())) != Character.UnicodeScript.HANGUL
                && !(text.charAt(state.start()) == '北' && state.end() - state.start() == 1) || state.end() >= end) {
            return false;
        }
        boolean tag = false;
        for (int i = start; i < state.start(); i++) {
            char c = text.charAt(i);
            // a tag in brackets may open a headline: "[단독]", "【속보】"
            tag = tag ? c != ']' && c != '】' : c == '[' || c == '【';
            if (!tag && !Character.isWhitespace(c) && "\"“”'‘’「『《〈(]】".indexOf(c) < 0) {
                return false;
            }
        }
        int c = state.end();
        while (c < end && text.charAt(c) == ' ') {
            c++;
        }
        return c < end && text.charAt(c) == ',';
    }

    /**
     * Whether the state's speaking body speaks: the next word the lexicon knows after the state is a reporting verb
     * ("Russian officials said"), not goods or a give or get word ("the Russian government shipped").
     */
    static boolean speaks(Hit state, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= state.end() && !h.is(Lexicon.Kind.PLACE) && !h.is(Lexicon.Kind.UNIT)) {
                return h.is(Lexicon.Kind.REPORTING) || h.is(Lexicon.Kind.ACCORDING);
            }
        }
        return false;
    }

    /** Whether a give word stands right after {@code state}, at most {@code gap} characters on. */
    static boolean nextIsGive(Hit state, List<Hit> in, int gap) {
        for (Hit h : in) {
            if (h.start() >= state.end() && h.start() - state.end() <= gap && h.is(Lexicon.Kind.GIVE)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the give or get word nearest before {@code state} is a get word. */
    static boolean prevVerbIsGet(Hit state, List<Hit> in) {
        Hit verb = null;
        for (Hit h : in) {
            if (h.start() >= state.start()) {
                break;
            }
            verb = h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET) ? h : verb;
        }
        return verb != null && verb.is(Lexicon.Kind.GET);
    }

    /** Whether the first give or get word after {@code state} is a get word. */
    static boolean nextVerbIsGet(Hit state, List<Hit> in) {
        for (Hit h : in) {
            if (h.start() >= state.end() && (h.is(Lexicon.Kind.GIVE) || h.is(Lexicon.Kind.GET))) {
                return h.is(Lexicon.Kind.GET);
            }
        }
        return false;
    }

    /**
     * Whether the "of" at {@code of} follows goods or a transfer ("deliveries of", "shells of"): "the defence of
     * Pyongyang" names no supplier.
     */
    static boolean ofGoods(int of, List<Hit> in) {
        for (Hit h : in) {
            if (h.end() <= of && of - h.end() <= 2 && (h.is(Lexicon.Kind.COMMODITY) || h.is(Lexicon.Kind.GIVE)
                    || h.is(Lexicon.Kind.GET) || h.is(Lexicon.Kind.UNIT) || h.is(Lexicon.Kind.ANAPHOR))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the state is written as the maker of the goods right after it: "to a North Korean missile". */
    static boolean madeBy(String text, Hit state, List<Hit> in) {
        if (!Words.mayEndIn(text, state.start(), state.end(), Roles.ADJECTIVE_ENDS)
                || !Roles.ADJECTIVE.matcher(text.substring(state.start(), state.end())).find()) {
            return false;
        }
        for (Hit h : in) {
            if (h.start() >= state.end()) {
                return h.is(Lexicon.Kind.COMMODITY) && h.start() - state.end() <= 2;
            }
        }
        return false;
    }
}
