package io.newswatch.tagger;

import java.util.List;
import java.util.Locale;

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

    /** Places compared without regard to case or surrounding spaces ("Najin" and "najin " are one place). */
    List<String> foldedPlaces() {
        return places.stream().map(ExpectedEvent::fold).distinct().toList();
    }

    static String fold(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
