package io.newswatch.tagger.internal;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.Segmentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns each tag's evidence sentences into {@link Evidence} items with their roles, in the order every reader relies
 * on: decisive items first, then context items, each in text order. Whatever shows a single sentence as the proof
 * of a tag (an alert, a digest line) therefore shows the first decisive one. Once the text's violation events are
 * known, {@link #eventsFirst} moves the decisive sentences that state an event ahead of the other decisive ones.
 *
 * <p>A sentence where the rule's decisive part matched is decisive, unless it is not prose ({@link PageLines}: a
 * headline with a counter and a date, a menu, a caption, a teaser of another story) and a prose sentence proves the
 * same tag: then it is context. Page furniture stays decisive only when it is all that states the tag.
 *
 * <p>One instance serves one tagged text: a paragraph that is a single line (as on every scraped page) is judged
 * once, whatever the number of tags and sentences that point into it. Not thread-safe.
 */
public final class EvidenceRoles {
    private static final byte UNKNOWN = 0;
    private static final byte PROSE = 1;
    private static final byte FURNITURE = 2;
    /** A paragraph of several lines (hard-wrapped text): judged sentence by sentence. */
    private static final byte LINES = 3;
    /**
     * A denial ("Beijing denies supplying ...", "Пекін заперечує ...", "朝方否认 ..."): it reports the accusation it
     * denies, and the sentence that makes the accusation is the better proof.
     */
    private static final Pattern DENIAL = Pattern.compile(
            "\\b(?:denie[sd]|denying|rejected the (?:claim|accusation|allegation)s?)\\b"
                    + "|(?<![\\p{L}])(?:отрица|отверга|заперечу|заперечи|спростову)\\p{L}*|否认|否定了|부인(?:했|하|해)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The first words of a subject that refers back, in the alphabetic languages ({@link #REFERS_BACK}). */
    private static final Set<String> REFERS_BACK_WORDS = Set.of("such", "these", "those", "this",
            "that", "each", "every", "all", "кожен", "кожна", "каждый", "каждая", "усе", "все", "всё", "такие", "такая",
            "такой", "такое", "такі", "такий", "така", "таке", "эти", "ці", "это", "це", "этот", "эта", "цей", "ця");
    private static final int MAX_FIRST_WORD = 7;
    /** The characters a denial word begins with (denies, rejected, отрицает, заперечує, спростовує, 否认, 부인). */
    private static final String DENIAL_STARTS = "drозс否부";
    /** Per ASCII character, whether it lower-cases to one of {@link #DENIAL_STARTS}. */
    private static final boolean[] ASCII_DENIAL_START = asciiDenialStarts();
    /** Per character of {@link #DENIAL_STARTS}, what a denial word beginning with it begins with. */
    private static final List<List<String>> DENIAL_STEMS = List.of(List.of("deni", "deny"), List.of("rejected the"),
            List.of("отрица", "отверга"), List.of("заперечу", "заперечи"), List.of("спростову"),
            List.of("否认", "否定了"), List.of("부인"));
    /**
     * A sentence whose subject points back at what came before ("Such transfers violate resolution 2397", "Кожен
     * такий ланцюжок — це порушення санкцій", "이 같은 거래가 … 위반", "此类交易违反…"): a time phrase ("This week
     * ...") is no reference back.
     */
    private static final Pattern REFERS_BACK = Pattern.compile(
            "^[\\s\"'«“„(—–-]*(?:(?:each|every|all) (?:such|of (?:this|these|those))\\b|such\\b|these\\b|those\\b"
                    + "|(?:this|that)\\b(?! (?:week|month|year|spring|summer|autumn|fall|winter|morning|time)\\b)"
                    + "|(?:кожен|кожна|каждый|каждая) так|(?:усе|все|всё) (?:це|это)(?![\\p{L}])"
                    + "|(?:такие|такая|такой|такое|такі|такий|така|таке|эти|ці)(?![\\p{L}])"
                    + "|(?:это|це|этот|эта|цей|ця)(?![\\p{L}])(?! (?:году|год|тижня|неделе|року|месяце|місяця))"
                    + "|[^.!?。]{0,12}?(?:이 같은|이같은|이러한|이와 같은|이런 )"
                    + "|[^。！？]{0,6}?(?:这种|这些|此类|这类|此举|上述|这样的))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final String text;
    private final Segmentation seg;
    private final byte[] paragraphs;

    /** Roles for the evidence of one text and its segmentation. */
    public EvidenceRoles(String text, Segmentation seg) {
        this.text = text;
        this.seg = seg;
        this.paragraphs = new byte[seg.paragraphs().size()];
    }

    /**
     * Appends the evidence of {@code tag} to {@code out}.
     *
     * @param units the tag's sentences, in text order, one per sentence
     */
    public void add(String tag, Collection<TaggingEngine.EvidenceUnit> units, List<Evidence> out) {
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
                    furniture[i] = !isProse(u);
                    anyProse |= !furniture[i];
                }
                i++;
            }
        }
        List<Evidence> context = new ArrayList<>();
        List<Evidence> questions = new ArrayList<>();
        List<Evidence> backReferences = new ArrayList<>();
        int i = 0;
        for (TaggingEngine.EvidenceUnit u : units) {
            boolean decisive = u.decisive() && !(anyProse && furniture[i]);
            i++;
            Evidence e = new Evidence(tag, decisive ? Evidence.DECISIVE : Evidence.CONTEXT,
                    text.substring(u.start(), u.end()), u.start(), u.end(), u.matched());
            if (!decisive) {
                context.add(e);
            } else if (decisiveUnits > 1 && isQuestion(text, u.start(), u.end())) {
                questions.add(e);
            } else if (decisiveUnits > 1 && (refersBack(text, u.start(), u.end()) || denies(text, u.start(), u.end()))) {
                backReferences.add(e);
            } else {
                out.add(e);
            }
        }
        // "Such transfers violate resolution 2397" names the breach but not what was moved, and a denial reports
        // the charge it denies: by themselves they prove less than a sentence that states the transfer, so they
        // follow the statements that stand on their own; a question ("Did the gift break UN sanctions?") asks what
        // a statement asserts and proves less again
        out.addAll(backReferences);
        out.addAll(questions);
        out.addAll(context);
    }

    private static boolean[] asciiDenialStarts() {
        boolean[] starts = new boolean[128];
        for (char c = 0; c < 128; c++) {
            starts[c] = DENIAL_STARTS.indexOf(Character.toLowerCase(c)) >= 0;
        }
        return starts;
    }

    /**
     * Whether a sentence reports a denial ({@link #DENIAL}). The expression is tried only where a denial word can
     * begin: run over every character of every decisive sentence it cost a third of a tagging.
     */
    public static boolean denies(String text, int start, int end) {
        java.util.regex.Matcher m = null;
        for (int i = start; i < end; i++) {
            char raw = text.charAt(i);
            if (raw < 128 && !ASCII_DENIAL_START[raw]) {
                // nearly every character of an English sentence is turned away here, before the Unicode
                // lower-casing and the lookup below
                continue;
            }
            char c = Character.toLowerCase(raw);
            int first = DENIAL_STARTS.indexOf(c);
            if (first < 0 || c < 0x1100 && i > 0 && Character.isLetter(text.charAt(i - 1))) {
                // no denial word begins here, or this is inside a word
                continue;
            }
            for (String stem : DENIAL_STEMS.get(first)) {
                if (text.regionMatches(true, i, stem, 0, stem.length())) {
                    if (m == null) {
                        m = DENIAL.matcher(text).useTransparentBounds(true);
                    }
                    if (m.region(i, end).lookingAt()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a sentence's subject refers back to what came before ({@link #REFERS_BACK}); the expression runs only
     * on a sentence whose first letter can begin such a subject, or that is written in Hangul or Han.
     */
    public static boolean refersBack(String text, int start, int end) {
        int i = start;
        while (i < end && !Character.isLetter(text.charAt(i))) {
            i++;
        }
        if (i == end) {
            return false;
        }
        if (text.charAt(i) < 0x1100) {
            int w = i;
            while (w < end && w - i <= MAX_FIRST_WORD && Character.isLetter(text.charAt(w))) {
                w++;
            }
            if (w - i > MAX_FIRST_WORD
                    || !REFERS_BACK_WORDS.contains(text.substring(i, w).toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return REFERS_BACK.matcher(text).region(start, end).lookingAt();
    }

    /** Whether a sentence ends with a question mark, closing quotes and brackets aside. */
    public static boolean isQuestion(String text, int start, int end) {
        for (int k = end - 1; k >= start; k--) {
            char c = text.charAt(k);
            if (c == '?' || c == '？') {
                return true;
            }
            if (!Character.isWhitespace(c) && "\"'”’»)）」』".indexOf(c) < 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Puts, within each tag's decisive items, those whose sentence holds the evidence of an asserted violation event
     * ahead of the others, keeping text order inside both groups; context items stay last. Why: on a real page the first
     * sentence to name a sanctioned good is often background (a ban recalled, a programme described), while the
     * sentence an event was read from states who moved what to whom, which is the proof an analyst needs first.
     *
     * <p>When none of {@code eventsTag}'s decisive items holds an asserted event, the prose sentence of the first
     * asserted event (in text order) leads that tag's items as a decisive item with no matched terms: the event's
     * sentence states the prohibited transfer, which is what the decisive role means for a sanctions tag, while the
     * rule's decisive part may only have matched a ban being recalled. Page furniture (a headline, a teaser) is not
     * promoted, nor a sentence that does not name each of the event's parties ({@link PartyNamed}), nor troops, whose
     * deployment alone states no breach, and nothing is promoted over a first decisive sentence that is also
     * decisive for {@code breachTag}: a sentence that says the sanctions were broken is the proof, whether or not an
     * event could be read from it, unless it only refers back ("Such transfers violate ...") or reports a denial:
     * then the sentence that states the transfer is the better proof.
     *
     * @param text the tagged text
     * @param evidence items as {@link #add} wrote them (each tag's items together); not changed
     * @param named whether an event's sentence names its parties ({@link PartyNamed})
     * @param eventsTag the tag the events were read for
     * @param breachTag the tag of a breach stated outright (its decisive sentences are never outranked)
     * @return the reordered items, or {@code evidence} itself when there are no events
     */
    public static List<Evidence> eventsFirst(String text, List<Evidence> evidence, List<ViolationEvent> events,
                                             PartyNamed named, String eventsTag, String breachTag) {
        if (events.isEmpty() || evidence.isEmpty()) {
            return evidence;
        }
        List<Evidence> out = new ArrayList<>(evidence.size() + 1);
        List<Evidence> rest = new ArrayList<>();
        int i = 0;
        while (i < evidence.size()) {
            String tag = evidence.get(i).tag();
            int first = out.size();
            for (; i < evidence.size() && evidence.get(i).tag().equals(tag); i++) {
                Evidence e = evidence.get(i);
                if (e.isDecisive() && holdsEvent(e, events) && !isQuestion(e.text(), 0, e.text().length())) {
                    out.add(e);
                } else {
                    rest.add(e);
                }
            }
            if (out.size() == first && tag.equals(eventsTag)
                    && !(!rest.isEmpty() && rest.get(0).isDecisive() && statesBreach(evidence, rest.get(0), breachTag)
                    && !refersBack(text, rest.get(0).start(), rest.get(0).end())
                    && !denies(text, rest.get(0).start(), rest.get(0).end()))) {
                ViolationEvent.Span span = firstAsserted(text, events, named);
                if (span != null) {
                    out.add(new Evidence(tag, Evidence.DECISIVE, span.text(), span.start(), span.end(), List.of()));
                    rest.removeIf(e -> e.start() == span.start() && e.end() == span.end());
                }
            }
            out.addAll(rest);
            rest.clear();
        }
        return out;
    }

    private static boolean statesBreach(List<Evidence> evidence, Evidence sentence, String breachTag) {
        for (Evidence e : evidence) {
            if (e.tag().equals(breachTag) && e.isDecisive() && e.start() < sentence.end() && e.end() > sentence.start()) {
                return true;
            }
        }
        return false;
    }

    private static ViolationEvent.Span firstAsserted(String text, List<ViolationEvent> events, PartyNamed named) {
        ViolationEvent.Span first = null;
        for (ViolationEvent v : events) {
            ViolationEvent.Span span = v.evidence();
            if (span != null && ViolationEvent.ASSERTED.equals(v.status()) && !"troops".equals(v.commodity())
                    && (v.from() == null || named.names(span, v.from())) && (v.to() == null || named.names(span, v.to()))
                    && (first == null || span.start() < first.start())
                    && PageLines.isProse(text, span.start(), span.end()) && !isQuestion(text, span.start(), span.end())) {
                first = span;
            }
        }
        return first;
    }

    /**
     * Whether an event's sentence names a party of the event itself. Why it matters: an event's sentence may be only
     * where its facts began to be gathered ("China is the other, larger route"), with its parties named in the
     * sentences around it, and such a sentence proves nothing alone.
     */
    @FunctionalInterface
    public interface PartyNamed {
        /**
         * @param span the event's sentence
         * @param code the party's state code
         * @return whether the sentence names that state
         */
        boolean names(ViolationEvent.Span span, String code);

        /**
         * Named when the gazetteer finds the state in the sentence, or {@code other} does (the events lexicon's own
         * words for states: "the North", "Iranian").
         *
         * @param mentions the gazetteer's mentions in the text
         */
        static PartyNamed of(List<Mention> mentions, PartyNamed other) {
            return (span, code) -> {
                for (Mention m : mentions) {
                    if (m.entity().equals(code) && m.start() >= span.start() && m.end() <= span.end()) {
                        return true;
                    }
                }
                return other.names(span, code);
            };
        }
    }

    private static boolean holdsEvent(Evidence e, List<ViolationEvent> events) {
        for (ViolationEvent v : events) {
            ViolationEvent.Span span = v.evidence();
            if (span != null && ViolationEvent.ASSERTED.equals(v.status())
                    && span.start() < e.end() && span.end() > e.start()) {
                return true;
            }
        }
        return false;
    }

    private boolean isProse(TaggingEngine.EvidenceUnit u) {
        if (u.sentence() < 0 || u.sentence() >= seg.sentences().size()) {
            return PageLines.isProse(text, u.start(), u.end());
        }
        int p = seg.sentences().get(u.sentence()).paragraph();
        if (paragraphs[p] == UNKNOWN) {
            Segmentation.Paragraph para = seg.paragraphs().get(p);
            int nl = text.indexOf('\n', para.start());
            if (nl >= 0 && nl < para.end()) {
                paragraphs[p] = LINES;
            } else {
                paragraphs[p] = para.end() - para.start() > PageLines.MAX_LINE
                        || PageLines.lineIsProse(text, para.start(), para.end(), true) ? PROSE : FURNITURE;
            }
        }
        return paragraphs[p] == LINES ? PageLines.isProse(text, u.start(), u.end()) : paragraphs[p] == PROSE;
    }
}
