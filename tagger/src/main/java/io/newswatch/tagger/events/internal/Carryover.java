package io.newswatch.tagger.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a sentence adds to events found before it without stating one of its own: the places of a sentence that
 * names the goods again ("oil loaded at Vostochny"), the route, ship and amount of a sentence that refers back
 * ("The shipments went from Rajin to Dunay"), and the states named lately, which a sentence that opens by
 * referring back ("Those things may include...") takes as its parties.
 */
final class Carryover {
    private final Lexicon lexicon;

    Carryover(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * The places of a sentence that names goods join every event of those goods ("oil loaded at Vostochny"), unless
     * the sentence states an event of its own ({@code stated}): then they are that event's places, and another
     * route of the same goods ("Chinese ships also passed oil to the North in the Yellow Sea") does not take them.
     */
    void commodityPlaces(String text, int start, int end, List<Hit> in, EventMerger merger, boolean stated) {
        boolean state = false;
        boolean planned = false;
        Set<String> named = new java.util.HashSet<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.NEGATIVE) || h.is(Lexicon.Kind.BAN)) {
                return;
            }
            state |= h.is(Lexicon.Kind.STATE);
            planned |= h.is(Lexicon.Kind.POSSIBLE);
            if (h.is(Lexicon.Kind.COMMODITY) && !h.generic()) {
                named.add(h.value());
            }
        }
        if (named.isEmpty() || named.equals(Set.of("workers"))) {
            // "more than 15,000 had been sent, most on student visas": a bare count of those sent (but "the number
            // of such workers fell from 30,000 to a thousand people" counts the workers it names)
            peopleCount(text, start, end, in, merger, !named.isEmpty());
        }
        // a line that is not prose ("Air defences downed 41 of 67 drones" in a page's ticker) counts no goods
        // nor does a plan or a fear ("intends to launch three more satellites"): what may move is not what moved
        if (!state && !planned && !named.isEmpty() && Words.hasDigit(text, start, end)
                && Words.prose(text, start, end)) {
            // "It also lists around 200 long-range artillery systems": the amount of goods named before
            boolean span = SentenceFacts.spanOfYears(text, start, end);
            Amounts.amounts(text, Quantities.find(text, start, end, lexicon), in, named).forEach((c, a) -> {
                // money counted over years is a running total, not the sum of the event
                if (!span || !"funds".equals(c)) {
                    merger.amountOf(c, a[0], Amounts.unit(text, a));
                }
            });
        }
        // a line that is not prose joins no places, even where it moves the goods: "Russian drones attack Kyiv
        // overnight" in a list of headlines, a page's list of tags, a headline naming the port of another story
        if (stated || named.isEmpty() || !Words.prose(text, start, end)) {
            return;
        }
        List<String> places = null;
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY) && !h.generic()) {
                places = places == null ? SentenceFacts.places(text, start, end, in) : places;
                merger.placesOf(h.value(), places);
            }
        }
    }

    /** Nouns that count people, and what after a bare number refers back to people named before. */
    private static final java.util.regex.Pattern PEOPLE = java.util.regex.Pattern.compile(
            "(?iu)citizens?|nationals?|people|persons|граждан\\p{L}*|человек|громадян\\p{L}*|осіб|명|人|名");
    private static final java.util.regex.Pattern OF_THEM = java.util.regex.Pattern.compile(
            "(?iu)^\\s+(?:of them|of whom|had been sent|have been sent|were sent|из них|з них)\\b");

    /**
     * Whether {@link #OF_THEM} could follow a number of {@code text[start, end)}: each of its phrases holds "them",
     * "whom", "sent" or "них", compared ignoring case as the pattern compares them (where ſ is an s).
     */
    private static boolean mayReferToThem(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            String word = switch (text.charAt(i)) {
                case 't', 'T' -> "them";
                case 'w', 'W' -> "whom";
                case 's', 'S', 'ſ' -> "sent";
                case 'н', 'Н' -> "них";
                default -> null;
            };
            if (word != null && i + word.length() <= end && sameIgnoringCase(text.charAt(i + 1), word.charAt(1))
                    && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether two characters are equal ignoring case as {@link String#regionMatches(boolean, int, String, int, int)}
     * compares them: a check of the second letter before that call, at every "t" and "s" of a sentence.
     */
    private static boolean sameIgnoringCase(char a, char b) {
        if (a == b) {
            return true;
        }
        char ua = Character.toUpperCase(a);
        char ub = Character.toUpperCase(b);
        return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
    }

    /** Whether a unit of the sentence is a noun that counts people. */
    private static boolean countsPeople(String text, List<Hit> in) {
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.UNIT) && PEOPLE.matcher(text).region(h.start(), h.end()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * People counted in a sentence that names no goods ("more than 13,000 North Korean citizens entered Russia",
     * "nearly 8,000 of them arrived on student visas", "1만3천여 명"): the count of the workers, when the text
     * states workers' events ({@link EventMerger#peopleCount}).
     */
    private void peopleCount(String text, int start, int end, List<Hit> in, EventMerger merger, boolean bareOnly) {
        if (!Words.hasDigit(text, start, end) || !Words.prose(text, start, end)
                || !countsPeople(text, in) && !mayReferToThem(text, start, end)) {
            // no noun of people and nothing that refers back to them: no number of the sentence can count people
            return;
        }
        for (Quantities.Quantity q : Quantities.find(text, start, end, lexicon)) {
            if (q.dollar() || Amounts.isYearOrShare(text, q) || Amounts.isDate(text, q)) {
                continue;
            }
            Hit noun = null;
            for (Hit h : in) {
                if (h.start() >= q.end() && h.start() - q.end() <= 40 && !Words.hasDigit(text, q.end(), h.start())
                        && (h.is(Lexicon.Kind.UNIT) || h.is(Lexicon.Kind.NOT_UNIT))) {
                    noun = h;
                    break;
                }
            }
            String word = noun == null ? null : text.substring(noun.start(), noun.end());
            Set<String> states = new java.util.HashSet<>();
            for (Hit h : in) {
                if (h.is(Lexicon.Kind.STATE) && !h.generic()) {
                    states.add(h.value());
                }
            }
            if (word != null && noun.is(Lexicon.Kind.UNIT) && PEOPLE.matcher(word).matches() && !bareOnly) {
                merger.peopleCount(q.value(), word.toLowerCase(java.util.Locale.ROOT), states);
            } else if (OF_THEM.matcher(text).region(q.end(), end).lookingAt()) {
                merger.peopleCount(q.value(), "person", states);
            }
        }
    }

    /** The events of the goods a sentence names, when events of them have been found. */
    static List<EventMerger.Key> namedAgain(List<Hit> in, EventMerger merger) {
        List<EventMerger.Key> out = new ArrayList<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.COMMODITY)) {
                for (EventMerger.Key k : merger.keysOf(h.value())) {
                    if (!out.contains(k)) {
                        out.add(k);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A sentence after an event that names no goods but refers back ("the transfer took place", "the first batches",
     * "该船", "해당 선박") or names a ship ("a North Korean tanker was later seen off Vanino"): its route, ship and
     * amount join it.
     */
    void followUp(String text, int start, int end, List<Hit> in, List<EventMerger.Key> keys,
                          EventMerger merger) {
        boolean refers = false;
        boolean commodity = false;
        for (Hit h : in) {
            refers |= h.is(Lexicon.Kind.ANAPHOR) || h.is(Lexicon.Kind.VESSEL);
            commodity |= h.is(Lexicon.Kind.COMMODITY) && !h.generic();
        }
        if (!refers || commodity) {
            return;
        }
        SentenceFacts facts = SentenceFacts.read(text, start, end, in);
        for (EventMerger.Key key : keys) {
            merger.addFacts(key, facts);
        }
    }

    /** A ship's or cargo's destination: "bound for", "прямував до", "направлялось в", "驶往", "향하던". */
    private static final java.util.regex.Pattern DESTINATION = java.util.regex.Pattern.compile(
            "(?iu)\\b(?:bound|headed|heading|destined)\\s+for\\b|\\ben\\s+route\\s+to\\b|направля(?:лс|л|лось|лись|лся|ется)\\p{L}*\\s+(?:в|во|к)\\s"
            + "|прямува\\p{L}*\\s+(?:до|в|у)\\s|驶往|开往|运往|향하던|향하는|향했");

    /**
     * A sentence after an event whose receiver was unsaid that names where the ship or cargo was bound ("It was bound
     * for Balikpapan in Indonesia"): the state of the destination (of its place, else the state the sentence names)
     * receives the goods. Returns the keys the events are filed under now.
     */
    List<EventMerger.Key> destination(String text, int start, int end, List<Hit> in, List<EventMerger.Key> keys,
                                      EventMerger merger) {
        if (keys.stream().allMatch(k -> k.to() != null) || in.stream().noneMatch(h -> h.is(Lexicon.Kind.STATE)
                || h.is(Lexicon.Kind.PLACE)) || !DESTINATION.matcher(text).region(start, end).find()) {
            return keys;
        }
        List<String> candidates = new ArrayList<>(Direction.placeStates(lexicon, text, in));
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.STATE)) {
                candidates.add(h.value());
            }
        }
        List<EventMerger.Key> out = new ArrayList<>(keys.size());
        for (EventMerger.Key k : keys) {
            String to = null;
            for (String c : candidates) {
                if (k.to() == null && !c.equals(k.from()) && Direction.valid(k.commodity(), k.from(), c)) {
                    to = c;
                    break;
                }
            }
            out.add(to == null ? k : merger.receiver(k, to));
        }
        return out;
    }

    /** The gazetteer's states named lately, latest last: at most eight, none a long sentence before the latest. */
    static List<Hit> recentStates(List<Hit> recent, List<Hit> in) {
        List<Hit> named = new ArrayList<>();
        for (Hit h : in) {
            if (h.is(Lexicon.Kind.STATE) && !h.generic()) {
                named.add(h);
            }
        }
        if (named.isEmpty()) {
            return recent;
        }
        List<Hit> out = new ArrayList<>();
        for (Hit h : recent) {
            if (h.start() >= (named.get(0).start() - EventReader.MAX_SENTENCE_CHARS)) {
                out.add(h);
            }
        }
        out.addAll(named);
        return out.size() > 8 ? out.subList(out.size() - 8, out.size()) : out;
    }
}
