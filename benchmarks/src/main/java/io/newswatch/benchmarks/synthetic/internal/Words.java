package io.newswatch.benchmarks.synthetic.internal;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the slots of the sentence templates are filled with, the outlets articles appear in, and the invented words
 * of the asides. Places, firms, teams and people are invented or ordinary European names, never one the gazetteer
 * knows; the watched countries appear only through the slots named after them ({@code {ru}}, {@code {kpAdj}},
 * {@code {cnPerson}}, ...), in the forms the default gazetteer has aliases for.
 */
public final class Words {
    /** The outlets; an article's URL and source id name one. */
    public static final List<String> SOURCES = List.of("harbour-gazette", "northfield-herald", "valley-courier",
            "meridian-post", "coastline-times", "eastgate-observer", "riverside-ledger", "summit-tribune",
            "lakeshore-daily", "ironbridge-chronicle", "westmoor-star", "bayview-dispatch");

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("city", List.of("Calderbridge", "Marrowvale", "Eastholm", "Vennick", "Ardmoor", "Kestrelton",
                    "Brackenford", "Lowhaven", "Saltmere", "Dunmore Cross", "Thornbury Wells", "Halsey", "Lisbon",
                    "Rotterdam", "Krakow", "Lyon", "Turin", "Ghent", "Aarhus", "Porto", "Brno", "Tampere", "Graz",
                    "Bilbao", "Cork", "Leipzig", "Malmo", "Valencia")),
            Map.entry("region", List.of("Upper Venn", "the Ardmoor Hills", "Greyfen", "the Tessaly Coast",
                    "North Calder", "the Marrow Valley", "Westreach", "the southern lakes", "the eastern uplands")),
            Map.entry("port", List.of("Port Tessaly", "Orrin Bay", "Lowhaven", "Saltmere Quay", "Grayle Harbour")),
            Map.entry("company", List.of("Halvorsen Freight", "Brightwater Energy", "Corvane Systems",
                    "Lindqvist Foods", "Meribel Bank", "Orton & Vale", "Quillfield Motors", "Aldane Shipping",
                    "Northmark Telecom", "Pellan Steel", "Nordvik Systems", "Harbour Foods", "Alder Energy",
                    "Brightline Rail", "Kestrel Software", "Ostara Textiles", "Meridian Steel", "Pinewood Pharma")),
            Map.entry("team", List.of("Calderbridge Rovers", "Marrowvale Athletic", "Eastholm United",
                    "Lowhaven Harriers", "Kestrelton Town")),
            Map.entry("party", List.of("Civic Union", "Progress Party", "Rural League", "Harbour Democrats")),
            Map.entry("weekday", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday")),
            Map.entry("month", List.of("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December")),
            Map.entry("ordinal", List.of("third", "fourth", "fifth", "sixth", "seventh", "eighth")),
            Map.entry("ru", List.of("Russia", "Moscow", "the Kremlin", "the Russian Federation")),
            Map.entry("ruAdj", List.of("Russian")),
            Map.entry("ruPerson", List.of("Vladimir Putin", "Sergei Lavrov", "Dmitry Peskov")),
            Map.entry("ruCity", List.of("Vladivostok", "Khabarovsk")),
            Map.entry("kp", List.of("North Korea", "Pyongyang", "the DPRK",
                    "the Democratic People's Republic of Korea")),
            Map.entry("kpAdj", List.of("North Korean")),
            Map.entry("kpPerson", List.of("Kim Jong Un")),
            Map.entry("cn", List.of("China", "Beijing", "the People's Republic of China")),
            Map.entry("cnAdj", List.of("Chinese")),
            Map.entry("cnPerson", List.of("Xi Jinping", "Wang Yi")));

    private static final List<String> FIRST = List.of("Ada", "Tomas", "Irene", "Kofi", "Lena", "Mateo", "Priya",
            "Jonas", "Hana", "Felix", "Noor", "Ruth", "Emil", "Sofia", "Anna", "Maria", "Clara", "Peter", "David",
            "Marco");
    private static final List<String> LAST = List.of("Varga", "Lindahl", "Osei", "Moreau", "Castellan",
            "Brennick", "Haldane", "Okafor", "Strand", "Petrakis", "Whitcombe", "Ferreira", "Berg", "Costa", "Weber",
            "Novak", "Olsen", "Marin", "Keane", "Ricci");

    // Invented words are built from these syllables, two or three per word. Every vowel is a pair that English
    // spells rarely ("ae", "ui", ...), so no invented word is a word of the rules or a name in the gazetteer: with
    // plain vowels, "pu" + "tin" made Putin and "tu" + "men" the Tumen river.
    private static final List<String> ONSETS = List.of("b", "d", "f", "g", "h", "l", "m", "n", "r", "t", "v",
            "br", "dr", "gl", "tr", "vr");
    private static final List<String> VOWELS = List.of("ae", "ui", "oa", "ei", "ia", "uo");
    private static final List<String> CODAS = List.of("", "", "l", "n", "r", "nd");

    private Words() {
    }

    /** An invented first and last name. */
    public static String person(Random r) {
        return FIRST.get(r.nextInt(FIRST.size())) + " " + LAST.get(r.nextInt(LAST.size()));
    }

    /** An invented word of two or three syllables. */
    public static String inventedWord(Random r) {
        int syllables = 2 + r.nextInt(2);
        StringBuilder w = new StringBuilder(12);
        for (int i = 0; i < syllables; i++) {
            w.append(ONSETS.get(r.nextInt(ONSETS.size()))).append(VOWELS.get(r.nextInt(VOWELS.size())))
                    .append(CODAS.get(r.nextInt(CODAS.size())));
        }
        return w.toString();
    }

    /** A sentence of 14 to 24 invented words, capitalised and ending with a full stop. */
    public static String aside(Random r) {
        int words = 14 + r.nextInt(11);
        StringBuilder s = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(inventedWord(r));
        }
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s.append('.').toString();
    }

    /**
     * A value for one slot: numbers are drawn, a person is made up, everything else is picked from its list.
     *
     * @throws IllegalArgumentException for a slot name no list exists for
     */
    public static String fill(String slot, Random r) {
        switch (slot) {
            case "num":
                return Integer.toString(12 + r.nextInt(84));
            case "small":
                return Integer.toString(2 + r.nextInt(8));
            case "year":
                return Integer.toString(1988 + r.nextInt(32));
            case "person":
                return person(r);
            default:
                List<String> words = WORDS.get(slot);
                if (words == null) {
                    throw new IllegalArgumentException("no words for slot {" + slot + "}");
                }
                return words.get(r.nextInt(words.size()));
        }
    }

    /** The slot names of a template, in order; a slot may appear more than once. */
    public static List<String> slots(String template) {
        return SLOT.matcher(template).results().map(m -> m.group(1)).toList();
    }

    /**
     * The template with every slot filled from {@code r}, except slot number {@code changedSlot} (counted from 0;
     * -1 for none), which draws from {@code edit} until its value differs, as a copy editor's change would; the
     * first letter is capitalised ("The Kremlin", not "the Kremlin").
     */
    public static String render(String template, Random r, int changedSlot, Random edit) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        int slot = 0;
        while (m.find()) {
            String value = fill(m.group(1), r);
            if (slot == changedSlot) {
                String original = value;
                for (int attempt = 0; attempt < 8 && value.equals(original); attempt++) {
                    value = fill(m.group(1), edit);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
            slot++;
        }
        m.appendTail(out);
        out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
        return out.toString();
    }
}
