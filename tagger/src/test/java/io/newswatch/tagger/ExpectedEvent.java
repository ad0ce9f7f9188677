package io.newswatch.tagger;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One violation event as the page corpus labels it (format in the corpus README), reduced to the fields the event
 * measures score. The same record carries the events a tagger predicts, so that labels and predictions are compared
 * field by field with no conversion in between.
 *
 * @param commodity what was moved (a value of the corpus's commodity list, such as {@code munitions})
 * @param from      the entity code it came from
 * @param to        the entity code it went to
 * @param amount    the number stated, or null when the page states none
 * @param unit      what the amount counts, in the page's language, or null
 * @param places    the places named for the transfer, in the page's spelling
 * @param status    {@code asserted} or {@code possible}
 * @param evidence  the sentence the event rests on, verbatim from the page (empty for a prediction without one)
 */
record ExpectedEvent(String commodity, String from, String to, Long amount, String unit, List<String> places,
                     String status, String evidence) {
    ExpectedEvent {
        places = List.copyOf(places);
        evidence = evidence == null ? "" : evidence;
    }

    /** What an event is matched on: the same commodity moving in the same direction. */
    record Key(String commodity, String from, String to) {
    }

    Key key() {
        return new Key(fold(commodity), fold(from), fold(to));
    }

    /**
     * Places compared as one place however the page spells it: without regard to case, surrounding spaces or the
     * kind of dash ("宁波—舟山", "宁波-舟山"); with the word "port" written with the name or not ("the port of Nampo",
     * "Nampo port", "南浦港", "나진항", "порт Холмск" are Nampo, Najin, Kholmsk); in either of two romanisations
     * ("Nampho"/"Nampo", "Dunai"/"Dunay"); and in any grammatical case of a Russian or Ukrainian name ("Находку",
     * "Находкой"; "Приморского края", "Приморском крае"). Another kind of place of the same name stays another place
     * ("Kharkiv region" is not the city of Kharkiv). The scorer folds names itself, independently of the extractor it
     * measures.
     */
    List<String> foldedPlaces() {
        return places.stream().map(ExpectedEvent::placeKey).distinct().toList();
    }

    private static final Pattern DASH = Pattern.compile("[‐‑–—]");
    private static final Pattern PORT = Pattern.compile("^(?:the )?(?:port of |порт[ауи]? )|^the | port$");
    private static final List<String> CYRILLIC_ENDINGS = List.of("ого", "его", "ому", "ему", "ими", "ыми", "ами",
            "ями", "ой", "ей", "ом", "ем", "ий", "ый", "ая", "яя", "ую", "юю", "ое", "ее", "ые", "ие", "ых", "их", "ах",
            "ях", "ам", "ям", "ою", "ею", "а", "я", "у", "ю", "е", "и", "ы", "і", "ї", "ь", "й", "о", "є");

    /** One place's key: see {@link #foldedPlaces()}. */
    static String placeKey(String place) {
        String s = DASH.matcher(fold(place)).replaceAll("-");
        s = PORT.matcher(s).replaceAll("");
        int n = s.length();
        if (n >= 3 && (s.charAt(n - 1) == '항' && hangul(s.charAt(n - 2)) && hangul(s.charAt(n - 3))
                || s.charAt(n - 1) == '港' && han(s.charAt(n - 2)) && han(s.charAt(n - 3)))) {
            s = s.substring(0, n - 1);
        }
        if (!s.isEmpty() && Character.UnicodeScript.of(s.charAt(0)) == Character.UnicodeScript.CYRILLIC) {
            StringBuilder key = new StringBuilder();
            for (String word : s.split(" ")) {
                key.append(key.length() == 0 ? "" : " ").append(stem(word));
            }
            return key.toString();
        }
        s = s.replace("ph", "p");
        return s.endsWith("ai") ? s.substring(0, s.length() - 2) + "ay" : s;
    }

    /**
     * A Russian or Ukrainian word less its case ending, with the Ukrainian і of a closed last syllable read as the о
     * it alternates with ("Харків", "Харкова").
     */
    private static String stem(String word) {
        String w = word;
        for (String ending : CYRILLIC_ENDINGS) {
            if (w.endsWith(ending) && w.length() - ending.length() >= 3) {
                w = w.substring(0, w.length() - ending.length());
                break;
            }
        }
        int i = w.lastIndexOf('і');
        return i >= 0 && i == w.length() - 2 ? w.substring(0, i) + "о" + w.substring(i + 1) : w;
    }

    private static boolean hangul(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL;
    }

    private static boolean han(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static String fold(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
