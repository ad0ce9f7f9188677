package io.newswatch.tagger.events.internal;

import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.internal.EvidenceRoles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the facts of every sentence about one (commodity, from, to) into one event: the largest amount, the union
 * of places, vessels, IMO numbers and resolutions, asserted over possible, and as evidence the sentence that best
 * states it (the first asserted statement, else the first asserted question, else the first). Bounded: at most
 * {@code maxEvents} events, lists capped.
 */
final class EventMerger {
    /** What events are merged on. */
    record Key(String commodity, String from, String to) {
    }

    /** The evidence sentence is cut to this many characters. */
    static final int MAX_EVIDENCE_CHARS = 2000;

    private static final class Draft {
        Long amount;
        String unit;
        /** The largest running total of money over years ("$3 billion since 2017"): the amount only when none else. */
        Long total;
        String totalUnit;
        final List<String> places = new ArrayList<>();
        final List<String> vessels = new ArrayList<>();
        final List<String> imo = new ArrayList<>();
        final List<String> resolutions = new ArrayList<>();
        String status;
        String attribution;
        ViolationEvent.Span evidence;
        /** Whether the evidence sentence is a question: any statement of the event proves it better. */
        boolean evidenceAsks;
        /** Whether a specific word named the goods (not only "arms", "equipment"). */
        boolean specific;
    }

    private final int maxEvents;
    private final Map<Key, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, List<String>> commodityPlaces = new LinkedHashMap<>();
    private final Map<String, long[]> commodityAmounts = new LinkedHashMap<>();
    private final Map<String, String> commodityUnits = new LinkedHashMap<>();
    /** Counts of people stated where no goods are named: count, noun and the states their sentence names. */
    private final List<PeopleCount> people = new ArrayList<>();

    private record PeopleCount(long count, String unit, java.util.Set<String> states) {
    }
    /** Whether a sentence that states an event also calls it a breach ("in violation of", "smuggled"). */
    private boolean breachStated;
    /** The source named last: who "she said" means. */
    private String lastSpeaker;

    /** Where places lie and which are macro-regions. */
    private final Lexicon lexicon;

    EventMerger(int maxEvents, Lexicon lexicon) {
        this.maxEvents = maxEvents;
        this.lexicon = lexicon;
    }

    /** Adds one sentence's statement of an event; false when the event limit keeps a new event out. */
    boolean add(Key key, boolean specific, Long amount, String unit, SentenceFacts facts, String status,
                String sentence, int start, int end) {
        String attribution = facts.attribution != null ? facts.attribution : facts.pronoun ? lastSpeaker : null;
        if (facts.attribution != null) {
            lastSpeaker = facts.attribution;
        }
        Draft d = drafts.get(key);
        if (d == null) {
            if (drafts.size() >= maxEvents) {
                return false;
            }
            d = new Draft();
            drafts.put(key, d);
        }
        amount(d, key.commodity(), amount, unit, facts);
        addFacts(d, facts);
        d.specific |= specific;
        boolean asks = EvidenceRoles.isQuestion(sentence, 0, sentence.length());
        boolean better = d.evidence == null
                || ViolationEvent.ASSERTED.equals(status) && ViolationEvent.POSSIBLE.equals(d.status)
                || status.equals(d.status) && d.evidenceAsks && !asks;
        if (better) {
            String shown = sentence.length() > MAX_EVIDENCE_CHARS ? sentence.substring(0, MAX_EVIDENCE_CHARS) : sentence;
            d.evidence = new ViolationEvent.Span(shown, start, end);
            d.evidenceAsks = asks;
            d.status = status;
            if (attribution != null) {
                d.attribution = attribution;
            }
        }
        if (d.attribution == null && status.equals(d.status)) {
            d.attribution = attribution;
        }
        return true;
    }

    /** Notes that a sentence stating an event calls it a breach. */
    void breachStated() {
        breachStated = true;
    }

    /** Adds the route, ship and resolutions of a sentence that refers back to an event. */
    void addFacts(Key key, SentenceFacts facts) {
        Draft d = drafts.get(key);
        if (d != null) {
            addFacts(d, facts);
        }
    }

    /**
     * Gives an event whose receiver was unsaid the receiver a later sentence names ("It was bound for Indonesia"):
     * the event is filed under its full key, merged into one already there. Returns the key it is filed under.
     */
    Key receiver(Key key, String to) {
        Draft d = drafts.get(key);
        if (d == null || key.to() != null) {
            return key;
        }
        Key named = new Key(key.commodity(), key.from(), to);
        drafts.remove(key);
        Draft into = drafts.get(named);
        if (into == null) {
            drafts.put(named, d);
        } else {
            addFacts(into, d);
        }
        return named;
    }

    /** Whether an event of these goods has been found. */
    boolean has(String commodity) {
        return drafts.keySet().stream().anyMatch(k -> k.commodity().equals(commodity));
    }

    /** The keys of the events of these goods found so far. */
    List<Key> keysOf(String commodity) {
        List<Key> keys = new ArrayList<>();
        for (Key k : drafts.keySet()) {
            if (k.commodity().equals(commodity)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /**
     * Adds an amount and facts to every event of these goods; returns their keys. A statement that names the goods
     * again ("Russia received the North Korean ammunition by sea") becomes the evidence of an asserted event whose
     * evidence so far is only a question ("how does a North Korean shell get to the front?").
     *
     * @param statement the sentence, when it reports (does not warn of) the goods, else null
     */
    List<Key> addToCommodity(String commodity, Long amount, String unit, SentenceFacts facts, Statement statement) {
        List<Key> keys = new ArrayList<>();
        for (Map.Entry<Key, Draft> e : drafts.entrySet()) {
            if (e.getKey().commodity().equals(commodity)) {
                Draft d = e.getValue();
                amount(d, commodity, amount, unit, facts);
                addFacts(d, facts);
                if (statement != null && d.evidenceAsks && ViolationEvent.ASSERTED.equals(d.status)
                        && !EvidenceRoles.isQuestion(statement.sentence(), 0, statement.sentence().length())) {
                    String shown = statement.sentence().length() > MAX_EVIDENCE_CHARS
                            ? statement.sentence().substring(0, MAX_EVIDENCE_CHARS) : statement.sentence();
                    d.evidence = new ViolationEvent.Span(shown, statement.start(), statement.end());
                    d.evidenceAsks = false;
                }
                keys.add(e.getKey());
            }
        }
        return keys;
    }

    /** A sentence as the evidence of an event: its text (whole) and where it is. */
    record Statement(String sentence, int start, int end) {
    }

    /**
     * The larger amount wins, except that money counted over a span of years ("stole $3 billion between 2017 and
     * 2023") is a running total, not the sum of this theft or payment: it counts only when no other sum is stated.
     */
    private static void amount(Draft d, String commodity, Long amount, String unit, SentenceFacts facts) {
        if (amount == null) {
            return;
        }
        if (facts.spanOfYears && "funds".equals(commodity)) {
            if (d.total == null || amount > d.total) {
                d.total = amount;
                d.totalUnit = unit;
            }
        } else if (d.amount == null || amount > d.amount) {
            d.amount = amount;
            d.unit = unit;
        }
    }

    /** An amount of these goods stated where no state is named: it fills the events of the goods that have none. */
    void amountOf(String commodity, long amount, String unit) {
        long[] prior = commodityAmounts.get(commodity);
        if (prior == null || prior[0] < amount) {
            commodityAmounts.put(commodity, new long[] {amount});
            commodityUnits.put(commodity, unit);
        }
    }

    /**
     * People counted where no goods are named ("13,000 North Korean citizens entered Russia"): in a text that states
     * workers' events, the largest such count whose sentence names the event's host state (or no state) is its
     * amount when it exceeds the one stated with the word "workers" (a later total of those sent, against a first
     * batch).
     */
    void peopleCount(long count, String unit, java.util.Set<String> states) {
        if (people.size() < SentenceFacts.MAX_ITEMS) {
            people.add(new PeopleCount(count, unit, states));
        }
    }

    /** The largest count of people whose sentence names the host state of the event, or names no state. */
    private PeopleCount peopleOf(Key k) {
        PeopleCount best = null;
        for (PeopleCount p : people) {
            boolean party = p.states().isEmpty() || p.states().contains(k.to());
            if (party && (best == null || p.count() > best.count())) {
                best = p;
            }
        }
        return best;
    }

    /** Places named with these goods anywhere in the text; they join every event of the goods. */
    void placesOf(String commodity, List<String> places) {
        union(commodityPlaces.computeIfAbsent(commodity, c -> new ArrayList<>()), places);
    }

    private static void addFacts(Draft d, SentenceFacts facts) {
        unionPlaces(d.places, facts.places);
        union(d.vessels, facts.vessels);
        union(d.imo, facts.imo);
        union(d.resolutions, facts.resolutions);
    }

    /**
     * Adds places not yet listed, where a Russian or Ukrainian name in another case ("Расона" beside "Расон",
     * "Харкові" beside "Харків") is the place already listed: the first form written stays.
     */
    private static void unionPlaces(List<String> into, List<String> more) {
        for (String m : more) {
            if (into.size() < SentenceFacts.MAX_ITEMS && into.stream().noneMatch(p -> sameName(p, m))) {
                into.add(m);
            }
        }
    }

    /** Whether two names are one, or one Cyrillic name in two cases: each word differs only in an ending. */
    static boolean sameName(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.isEmpty() || b.isEmpty() || Character.UnicodeScript.of(a.charAt(0)) != Character.UnicodeScript.CYRILLIC
                || Character.UnicodeScript.of(b.charAt(0)) != Character.UnicodeScript.CYRILLIC) {
            return false;
        }
        String[] x = a.toLowerCase(java.util.Locale.ROOT).split(" ");
        String[] y = b.toLowerCase(java.util.Locale.ROOT).split(" ");
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            int p = 0;
            while (p < x[i].length() && p < y[i].length() && x[i].charAt(p) == y[i].charAt(p)) {
                p++;
            }
            if (p < (i == 0 ? 4 : 3) || x[i].length() - p > 3 || y[i].length() - p > 3) {
                return false;
            }
        }
        return true;
    }

    private static void union(List<String> into, List<String> more) {
        for (String m : more) {
            if (into.size() < SentenceFacts.MAX_ITEMS && !into.contains(m)) {
                into.add(m);
            }
        }
    }

    /**
     * Folds drafts into those they only restate: goods named only generally ("military equipment") into the
     * munitions or missiles moving the same way, and an event with one side unsaid into the event of the same
     * goods with that side said.
     */
    private void fold() {
        List<Key> keys = new ArrayList<>(drafts.keySet());
        for (Key k : keys) {
            Draft d = drafts.get(k);
            Key into = null;
            for (Key o : keys) {
                if (o.equals(k) || !drafts.containsKey(o)) {
                    continue;
                }
                boolean sameWay = java.util.Objects.equals(o.from(), k.from()) && java.util.Objects.equals(o.to(), k.to());
                if (!d.specific && k.commodity().equals("weapons") && sameWay
                        && (o.commodity().equals("munitions") || o.commodity().equals("missiles"))) {
                    into = o;
                    break;
                }
                // only an unsaid receiver folds: reports list "fuel reached North Korea" beside "Russia supplied
                // fuel" as two findings
                boolean narrower = o.commodity().equals(k.commodity())
                        && k.to() == null && o.to() != null && java.util.Objects.equals(o.from(), k.from());
                if (narrower) {
                    into = o;
                    break;
                }
            }
            if (into != null) {
                Draft target = drafts.get(into);
                addFacts(target, d);
                if (d.amount != null && (target.amount == null || d.amount > target.amount)) {
                    target.amount = d.amount;
                    target.unit = d.unit;
                }
                if (d.total != null && (target.total == null || d.total > target.total)) {
                    target.total = d.total;
                    target.totalUnit = d.totalUnit;
                }
                drafts.remove(k);
            }
        }
    }

    /**
     * Gives every event the places its goods were named with, then hands each place that lies in the state of
     * another event's party ({@link #ofAnotherParty}) to that event: "these workers are at sites in Vladivostok and
     * plants in Dandong", read as one sentence, puts Dandong on the route to China and Vladivostok on the one to
     * Russia, whichever of the two the sentence itself was filed under.
     */
    private void routePlaces() {
        Map<Key, List<String>> handed = new java.util.HashMap<>();
        for (Map.Entry<Key, Draft> e : drafts.entrySet()) {
            Key k = e.getKey();
            List<String> places = e.getValue().places;
            unionPlaces(places, commodityPlaces.getOrDefault(k.commodity(), List.of()));
            for (String place : places) {
                if (ofAnotherParty(k, place)) {
                    String state = lexicon.stateOf(place);
                    for (Key o : drafts.keySet()) {
                        if (o.commodity().equals(k.commodity()) && (state.equals(o.from()) || state.equals(o.to()))) {
                            handed.computeIfAbsent(o, x -> new ArrayList<>()).add(place);
                        }
                    }
                }
            }
        }
        for (Map.Entry<Key, Draft> e : drafts.entrySet()) {
            e.getValue().places.removeIf(place -> ofAnotherParty(e.getKey(), place));
        }
        handed.forEach((k, places) -> unionPlaces(drafts.get(k).places, places));
    }

    /**
     * Whether the place lies in a state that is no party to this event but is one of another event of the same
     * goods: with chips reaching Russia through China, the Emirates and Turkey, "Hong Kong" and "Shenzhen" are
     * places of the Chinese route, "Dubai" of the Emirati one; workers in Vladivostok and in Shenyang are those sent
     * to Russia and to China. A transit place in a state no event names (Dalian on the road from Rotterdam to
     * Nampo) stays with every event.
     */
    private boolean ofAnotherParty(Key k, String place) {
        String state = lexicon.stateOf(place);
        if (state == null || state.equals(k.from()) || state.equals(k.to())) {
            return false;
        }
        for (Key o : drafts.keySet()) {
            if (o.commodity().equals(k.commodity()) && (state.equals(o.from()) || state.equals(o.to()))) {
                return true;
            }
        }
        return false;
    }

    private static void addFacts(Draft into, Draft from) {
        unionPlaces(into.places, from.places);
        union(into.vessels, from.vessels);
        union(into.imo, from.imo);
        union(into.resolutions, from.resolutions);
    }

    List<ViolationEvent> events() {
        fold();
        if (!breachStated && drafts.keySet().stream().allMatch(k -> k.commodity().equals("troops"))) {
            // soldiers sent to fight for an ally are an event only in a text that reports a breach: beside arms,
            // money or labour moved, or called a violation themselves (no UN resolution names troops)
            drafts.clear();
        }
        routePlaces();
        List<ViolationEvent> out = new ArrayList<>(drafts.size());
        for (Map.Entry<Key, Draft> e : drafts.entrySet()) {
            Draft d = e.getValue();
            Key k = e.getKey();
            if (d.places.stream().anyMatch(place -> !lexicon.isRegion(place))) {
                // "the Far East" beside Vostochny or Vladivostok, named in another sentence, adds nothing
                d.places.removeIf(lexicon::isRegion);
            }
            PeopleCount p = k.commodity().equals("workers") ? peopleOf(k) : null;
            if (p != null && (d.amount == null || p.count() > d.amount)) {
                d.amount = p.count();
                d.unit = p.unit();
            }
            if (d.amount == null && d.total != null) {
                d.amount = d.total;
                d.unit = d.totalUnit;
            }
            if (d.amount == null && commodityAmounts.containsKey(k.commodity())) {
                d.amount = commodityAmounts.get(k.commodity())[0];
                d.unit = commodityUnits.get(k.commodity());
            }
            out.add(new ViolationEvent(k.commodity(), k.from(), k.to(), d.amount, d.amount == null ? null : d.unit,
                    d.places, d.vessels, d.imo, d.resolutions, d.status, d.attribution, d.evidence));
        }
        return out;
    }
}
