package io.newswatch.tagger.events;

import io.newswatch.model.Mention;
import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.Segmentation;
import io.newswatch.tagger.events.internal.EventReader;
import io.newswatch.tagger.events.internal.Lexicon;
import java.util.List;

/**
 * Extracts the violation events ({@link ViolationEvent}) of a text tagged {@code sanctions-violation}: one per
 * distinct (commodity, from, to) the text asserts or warns of, merging the facts of all its sentences.
 *
 * <p>Rule-based: a lexicon per language (commodity words, transfer verbs and nouns, status cues, places, units;
 * the {@code io/newswatch/tagger/events/lexicon.yaml} resource) found in one automaton pass, verb frames read for
 * direction (active "X shipped G to Y", passive "G were delivered from X to Y", nominal "X's deliveries to Y",
 * receiver as subject "Y received G from X", use "Y fired X's missiles"), a quantity grammar, and reference back
 * from "the shipments" to the transfer named before. Sentences without a commodity word and a transfer or breach
 * word are not read further. Not events: sentences that deny the transfer or speak of sanctions imposed.
 *
 * <p>Bounded against hostile text: at most {@link #MAX_EVENTS} events, sentences read up to a fixed length, lists
 * and strings capped. Immutable and thread-safe.
 */
public final class EventExtractor {
    /** At most this many events are returned for one text. */
    public static final int MAX_EVENTS = 32;

    private static final EventExtractor DEFAULTS = new EventExtractor(Lexicon.defaults());

    private final Lexicon lexicon;
    private final EventReader reader;

    private EventExtractor(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.reader = new EventReader(lexicon);
    }

    /** The extractor with the shipped lexicon. */
    public static EventExtractor defaults() {
        return DEFAULTS;
    }

    /**
     * The events of one text, in the order the text first states them.
     *
     * @param text         the text as tagged
     * @param segmentation its sentences ({@link io.newswatch.tagger.Tagger#segment})
     * @param mentions     its entity mentions ({@link io.newswatch.tagger.TagResult#mentions()})
     */
    public List<ViolationEvent> extract(String text, Segmentation segmentation, List<Mention> mentions) {
        return reader.read(text, segmentation, mentions, MAX_EVENTS);
    }

    /**
     * Whether a sentence names a state by one of the words the events lexicon has for it beyond the gazetteer's
     * ("the North", "Iranian"): with the gazetteer's mentions, this says whether an event's sentence names its
     * parties itself.
     */
    public boolean namesState(String sentence, String code) {
        return lexicon.namesState(sentence, code);
    }
}
