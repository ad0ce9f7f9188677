package io.newswatch.tagger.events.internal;

import io.newswatch.model.ViolationEvent;
import io.newswatch.tagger.internal.CharClasses;
import io.newswatch.tagger.internal.Expansions;
import io.newswatch.tagger.internal.ScanHits;
import io.newswatch.tagger.internal.TermAutomaton;
import io.newswatch.model.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The event extractor's words (the {@code events/lexicon.yaml} resource; its header documents the format), read
 * through {@link YamlTree} and compiled into one {@link TermAutomaton}, so finding every commodity, verb, cue,
 * place and unit of a text costs one pass whatever the number of words and languages.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Lexicon {
    /** What a word of the lexicon means. */
    public enum Kind {
        COMMODITY, NOT_COMMODITY, GENERIC, GIVE, GET, USE, BREACH, BAN, POSSIBLE, NEGATIVE, ANAPHOR, STATE, PLACE, VESSEL, UNIT, NOT_UNIT,
        RESOLUTION, REPORTING, ACCORDING, EXCHANGE, EARN, STAY
    }

    /** The value of an exchange hit after which the price stands behind "with" ("paying for shells with oil"). */
    static final String PRICE_AFTER_WITH = "with";

    /** The value of a place hit that is a macro-region (the lexicon's {@code regions}). */
    static final String REGION = "region";
    private static final String RESOURCE = "/io/newswatch/tagger/events/lexicon.yaml";
    private static final Set<String> TOP_KEYS = Set.of("version", "commodities", "not-commodities", "generic", "give",
            "get", "use", "breach", "ban", "possible", "negative", "anaphora", "to", "from", "with", "particles", "states",
            "places", "regions", "capitals", "vessels",
            "units", "not-units", "multipliers", "resolutions", "reporting", "according", "agents", "intermediaries",
            "exchange", "payment", "earnings", "place-states", "stay");

    /**
     * The words of one script in their own automaton: a single automaton over Latin, Cyrillic, Hangul and Han
     * letters together has a row of thousands of classes per state and falls out of cache, while a text mostly
     * needs only the Latin one (and another only when it holds that script at all).
     */
    private record Part(Script script, TermAutomaton automaton, Kind[] kinds, String[] values) {
    }

    /** The scripts the words are grouped by (by their first letter). */
    enum Script {
        LATIN, CYRILLIC, HANGUL, HAN;

        static Script of(char c) {
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            return switch (s) {
                case CYRILLIC -> CYRILLIC;
                case HANGUL -> HANGUL;
                case HAN -> HAN;
                default -> LATIN;
            };
        }
    }

    private static final ThreadLocal<ScanHits> SCRATCH = ThreadLocal.withInitial(ScanHits::new);

    private final List<Part> parts;
    private final Set<String> to;
    private final Set<String> from;
    private final Set<String> with;
    private final Set<String> agents;
    private final Set<String> intermediaries;
    private final List<String> toParticles;
    private final List<String> fromParticles;
    private final Map<String, Long> multipliers;
    private final Map<String, String> placeStates;
    /** The macro-regions' names as written ("Far East", "극동"), folded. */
    private final Set<String> regionNames;
    /** Which ASCII characters begin a (lower-case) number word. */
    private final boolean[] asciiFirst = new boolean[0x80];

    private Lexicon(List<Part> parts, Map<String, Set<String>> words, Map<String, List<String>> particles,
                    Map<String, Long> multipliers, Map<String, String> placeStates, Set<String> regionNames) {
        this.parts = List.copyOf(parts);
        this.to = words.get("to");
        this.from = words.get("from");
        this.with = words.get("with");
        this.agents = words.get("agents");
        this.intermediaries = words.get("intermediaries");
        this.toParticles = particles.getOrDefault("to", List.of());
        this.fromParticles = particles.getOrDefault("from", List.of());
        this.multipliers = Map.copyOf(multipliers);
        this.placeStates = Map.copyOf(placeStates);
        this.regionNames = Set.copyOf(regionNames);
        for (String m : this.multipliers.keySet()) {
            if (!m.isEmpty() && m.charAt(0) < 0x80) {
                asciiFirst[m.charAt(0)] = true;
            }
        }
    }

    /** The shipped lexicon, read once. */
    public static Lexicon defaults() {
        return Holder.DEFAULTS;
    }

    private static final class Holder {
        static final Lexicon DEFAULTS = parse(read(), RESOURCE);
    }

    private static String read() {
        try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    /**
     * Reads a lexicon document.
     *
     * @throws IllegalArgumentException naming the source, line and column when the document is not a valid lexicon
     *                                  (unknown key, unknown commodity, a list where a map belongs, an empty word)
     */
    public static Lexicon parse(String yaml, String sourceName) {
        try {
            return build(YamlTree.parse(yaml));
        } catch (YamlTree.YamlError e) {
            throw new IllegalArgumentException(sourceName + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(),
                    e);
        }
    }

    private static Lexicon build(YamlTree.Node root) {
        Map<String, YamlTree.Node> top = root.entries();
        for (String key : top.keySet()) {
            if (!TOP_KEYS.contains(key)) {
                throw root.keyError(key, "unknown key '" + key + "'; expected one of " + new java.util.TreeSet<>(TOP_KEYS));
            }
        }
        if (!"1".equals(required(root, "version").text())) {
            throw required(root, "version").error("lexicon version must be 1");
        }
        List<String> patterns = new ArrayList<>();
        List<Boolean> prefixes = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        YamlTree.Node commodities = required(root, "commodities");
        for (Map.Entry<String, YamlTree.Node> c : commodities.entries().entrySet()) {
            if (!ViolationEvent.COMMODITIES.contains(c.getKey())) {
                throw commodities.keyError(c.getKey(), "unknown commodity '" + c.getKey() + "'; expected one of "
                        + ViolationEvent.COMMODITIES);
            }
            addAll(c.getValue(), Kind.COMMODITY, c.getKey(), patterns, prefixes, kinds, values);
        }
        Map<String, Kind> plain = Map.ofEntries(Map.entry("not-commodities", Kind.NOT_COMMODITY),
                Map.entry("generic", Kind.GENERIC), Map.entry("give", Kind.GIVE),
                Map.entry("get", Kind.GET), Map.entry("use", Kind.USE), Map.entry("breach", Kind.BREACH), Map.entry("ban", Kind.BAN), Map.entry("possible", Kind.POSSIBLE),
                Map.entry("negative", Kind.NEGATIVE), Map.entry("anaphora", Kind.ANAPHOR),
                Map.entry("places", Kind.PLACE), Map.entry("vessels", Kind.VESSEL), Map.entry("units", Kind.UNIT),
                Map.entry("not-units", Kind.NOT_UNIT), Map.entry("resolutions", Kind.RESOLUTION),
                Map.entry("reporting", Kind.REPORTING), Map.entry("according", Kind.ACCORDING),
                Map.entry("exchange", Kind.EXCHANGE), Map.entry("earnings", Kind.EARN), Map.entry("stay", Kind.STAY));
        for (Map.Entry<String, Kind> e : plain.entrySet()) {
            addAll(required(root, e.getKey()), e.getValue(), null, patterns, prefixes, kinds, values);
        }
        addAll(required(root, "regions"), Kind.PLACE, REGION, patterns, prefixes, kinds, values);
        addAll(required(root, "payment"), Kind.EXCHANGE, PRICE_AFTER_WITH, patterns, prefixes, kinds, values);
        Map<String, String> placeStates = new HashMap<>();
        YamlTree.Node located = required(root, "place-states");
        for (Map.Entry<String, YamlTree.Node> s : located.entries().entrySet()) {
            if (!s.getKey().matches("[A-Z]{2}")) {
                throw located.keyError(s.getKey(), "a state is an ISO 3166 alpha-2 code, not '" + s.getKey() + "'");
            }
            for (YamlTree.Node w : words(s.getValue())) {
                try {
                    // "Владивосток{,а,е}": a place in every case form the texts write it in
                    for (String form : Expansions.expand(w.text())) {
                        placeStates.put(CharClasses.foldPattern(form), s.getKey());
                    }
                } catch (IllegalArgumentException e) {
                    throw w.error(e.getMessage());
                }
            }
        }
        addAll(required(root, "capitals"), Kind.PLACE, Places.CAPITAL, patterns, prefixes, kinds, values);
        YamlTree.Node states = required(root, "states");
        for (Map.Entry<String, YamlTree.Node> s : states.entries().entrySet()) {
            if (!s.getKey().matches("[A-Z]{2}")) {
                throw states.keyError(s.getKey(), "a state is an ISO 3166 alpha-2 code, not '" + s.getKey() + "'");
            }
            addAll(s.getValue(), Kind.STATE, s.getKey(), patterns, prefixes, kinds, values);
        }
        Map<String, Set<String>> words = new HashMap<>();
        for (String key : List.of("to", "from", "with", "agents", "intermediaries")) {
            Set<String> set = new HashSet<>();
            for (YamlTree.Node w : words(required(root, key))) {
                set.add(han(w.text().toLowerCase(Locale.ROOT)));
            }
            words.put(key, Set.copyOf(set));
        }
        Map<String, List<String>> particles = new HashMap<>();
        for (Map.Entry<String, YamlTree.Node> p : required(root, "particles").entries().entrySet()) {
            List<String> list = new ArrayList<>();
            words(p.getValue()).forEach(n -> list.add(n.text()));
            // longest first, so 로부터 is tried before 로
            list.sort((a, b) -> Integer.compare(b.length(), a.length()));
            particles.put(p.getKey(), List.copyOf(list));
        }
        Map<String, Long> multipliers = new HashMap<>();
        for (Map.Entry<String, YamlTree.Node> m : required(root, "multipliers").entries().entrySet()) {
            try {
                multipliers.put(m.getKey().toLowerCase(Locale.ROOT), Long.parseLong(m.getValue().text()));
            } catch (NumberFormatException e) {
                throw m.getValue().error("a multiplier is a whole number, not " + m.getValue().describe());
            }
        }
        List<Part> parts = new ArrayList<>();
        for (Script script : Script.values()) {
            List<String> ps = new ArrayList<>();
            List<Kind> ks = new ArrayList<>();
            List<String> vs = new ArrayList<>();
            List<Boolean> pre = new ArrayList<>();
            for (int i = 0; i < patterns.size(); i++) {
                if (Script.of(patterns.get(i).charAt(0)) == script) {
                    ps.add(patterns.get(i));
                    ks.add(kinds.get(i));
                    vs.add(values.get(i));
                    pre.add(prefixes.get(i));
                }
            }
            if (ps.isEmpty()) {
                continue;
            }
            boolean[] prefix = new boolean[pre.size()];
            for (int i = 0; i < prefix.length; i++) {
                prefix[i] = pre.get(i);
            }
            parts.add(new Part(script, new TermAutomaton(ps, prefix), ks.toArray(Kind[]::new),
                    vs.toArray(String[]::new)));
        }
        Set<String> regionNames = new HashSet<>();
        for (YamlTree.Node w : words(required(root, "regions"))) {
            for (String form : Expansions.expand(w.text())) {
                regionNames.add(CharClasses.foldPattern(form));
            }
        }
        return new Lexicon(parts, words, particles, multipliers, placeStates, regionNames);
    }

    private static YamlTree.Node required(YamlTree.Node map, String key) {
        YamlTree.Node n = map.entries().get(key);
        if (n == null) {
            throw map.error("missing key '" + key + "'");
        }
        return n;
    }

    /** The words of a per-language map (or of a plain list). */
    private static List<YamlTree.Node> words(YamlTree.Node node) {
        if (node.kind() == YamlTree.Node.Kind.LIST) {
            return node.items();
        }
        List<YamlTree.Node> all = new ArrayList<>();
        for (YamlTree.Node list : node.entries().values()) {
            all.addAll(list.items());
        }
        return all;
    }

    private static void addAll(YamlTree.Node node, Kind kind, String value, List<String> patterns,
                               List<Boolean> prefixes, List<Kind> kinds, List<String> values) {
        for (YamlTree.Node w : words(node)) {
            List<String> forms;
            try {
                forms = Expansions.expand(w.text());
            } catch (IllegalArgumentException e) {
                throw w.error(e.getMessage());
            }
            for (String word : forms) {
                boolean prefix = word.endsWith("*");
                String folded = CharClasses.foldPattern(prefix ? word.substring(0, word.length() - 1) : word);
                if (folded.isEmpty() || folded.indexOf('*') >= 0) {
                    throw w.error("a word must be non-empty with at most a trailing *, not " + w.describe());
                }
                patterns.add(folded);
                prefixes.add(prefix);
                kinds.add(kind);
                values.add(value);
            }
        }
    }

    /**
     * Whether {@code sentence} names the state {@code code} by one of the lexicon's own words for it ("the North",
     * "Iranian", "Emirati"), the words the gazetteer leaves out.
     */
    public boolean namesState(String sentence, String code) {
        List<Hit> hits = new ArrayList<>();
        scan(sentence, hits);
        for (Hit h : hits) {
            if (h.is(Kind.STATE) && h.value().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Finds every lexicon word in {@code text} ({@link TermAutomaton#scan}: whole words, overlaps all reported), as
     * hits whose {@code generic} flag is unset, and adds them to {@code out}. Only the scripts the text uses are
     * scanned for.
     */
    void scan(String text, List<Hit> out) {
        // One copy of the text, reused by every script's automaton, in a buffer kept per thread: this runs on every
        // text tagged sanctions-violation, and the copy and the buffers were a fair part of its cost.
        ScanHits hits = SCRATCH.get();
        hits.clear();
        int n = text.length();
        char[] chars = hits.chars(n);
        text.getChars(0, n, chars, 0);
        boolean[] present = new boolean[Script.values().length];
        present[Script.LATIN.ordinal()] = true;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c < 0x0400) {
                continue;
            }
            if (c <= 0x04FF) {
                present[Script.CYRILLIC.ordinal()] = true;
            } else if (c >= 0xAC00 && c <= 0xD7AF || c >= 0x1100 && c <= 0x11FF || c >= 0x3130 && c <= 0x318F) {
                present[Script.HANGUL.ordinal()] = true;
            } else if (c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && c <= 0x4DBF) {
                present[Script.HAN.ordinal()] = true;
            }
        }
        for (Part part : parts) {
            if (!present[part.script().ordinal()]) {
                continue;
            }
            hits.clear();
            part.automaton().scan(text, chars, hits);
            if (out instanceof ArrayList<Hit> list) {
                // hundreds of hits per text: grown once, not doubling from ten
                list.ensureCapacity(list.size() + hits.size());
            }
            for (int i = 0; i < hits.size(); i++) {
                int p = hits.pattern(i);
                out.add(new Hit(part.kinds()[p], part.values()[p], hits.start(i), hits.end(i), false));
            }
        }
    }

    /** Whether {@code word} (lower case), standing before a state, makes it the receiver. */
    public boolean isTo(String word) {
        return to.contains(han(word));
    }

    public boolean isFrom(String word) {
        return from.contains(han(word));
    }

    /**
     * A word with its Chinese ideographs in their Simplified form, as the scanner reads them ({@link CharClasses}):
     * 從 is 从. Words without ideographs are returned as they are, without a copy.
     */
    private static String han(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x3400) {
                return CharClasses.foldPattern(word);
            }
        }
        return word;
    }

    /**
     * Whether {@code word} before a state, with {@code previous} before it, makes the state the supplier by way of
     * middlemen: "intermediaries in China", "companies in Turkey".
     */
    public boolean isVia(String word, String previous) {
        return (word.equals("in") || word.equals("в") || word.equals("у")) && intermediaries.contains(previous);
    }

    /** Whether {@code word} (lower case), after a state, makes the state a speaker ("Russian officials"). */
    public boolean isAgent(String word) {
        return agents.contains(han(word));
    }

    public boolean isWith(String word) {
        return with.contains(han(word));
    }

    /** Korean particles written right after a state that make it the receiver, longest first. */
    public List<String> toParticles() {
        return toParticles;
    }

    public List<String> fromParticles() {
        return fromParticles;
    }

    /**
     * The state a place lies in ("Dandong" is in China), or null when the lexicon does not say: what a sentence
     * that names only the place leaves unsaid about the receiver.
     */
    public String stateOf(CharSequence place) {
        return placeStates.get(CharClasses.foldPattern(place));
    }

    /**
     * As {@link #multiplier(String)} for the word {@code text[start, end)}, without copying it when its first
     * letter settles that it is none (asked of every word after a number).
     */
    public long multiplier(String text, int start, int end) {
        if (start < end) {
            char first = text.charAt(start);
            if (first < 0x80 && !asciiFirst[Character.toLowerCase(first)]) {
                return 0L;
            }
        }
        return multiplier(text.substring(start, end));
    }

    /** Whether the place, as written, is one of the lexicon's macro-regions ("the Far East"). */
    public boolean isRegion(CharSequence place) {
        return regionNames.contains(CharClasses.foldPattern(place));
    }

    /** The value of a number word ("million"), or 0 when it is none. */
    public long multiplier(String word) {
        // asked of every word after a number and many before one: an ASCII first letter that begins no number
        // word settles it without lower-casing or hashing the word
        if (word.isEmpty()) {
            return multipliers.getOrDefault(word, 0L);
        }
        char first = word.charAt(0);
        if (first < 0x80 && !asciiFirst[Character.toLowerCase(first)]) {
            return 0L;
        }
        return multipliers.getOrDefault(word.toLowerCase(Locale.ROOT), 0L);
    }
}
