package io.newswatch.cli.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The words articles are made of, all written for this generator. Neutral sentences name only invented places,
 * firms and people and avoid the words the sanctions rules look for (sanctions, caps, bans, vessels' misdeeds),
 * so that entity and violation counts come from the sentences meant to carry them.
 */
final class SyntheticVocabulary {
    record Topic(List<String> headlines, List<String> sentences) {
    }

    static final List<String> SOURCES = List.of("harbour-gazette", "northfield-herald", "valley-courier",
            "meridian-post", "coastline-times", "eastgate-observer", "riverside-ledger", "summit-tribune",
            "lakeshore-daily", "ironbridge-chronicle", "westmoor-star", "bayview-dispatch");

    static final List<Topic> TOPICS = List.of(
            new Topic(List.of("{company} shares climb after a strong quarter", "Inflation eases as energy costs fall",
                    "{company} to cut {num} jobs in a restructuring", "Retail sales in {region} beat forecasts"), List.of(
                    "Shares in {company} rose {small} per cent in early trading after the group reported higher profits.",
                    "The statistics office said consumer prices rose {small}.{small} per cent in {month}, the slowest pace in two years.",
                    "{company} will close its plant near {city} by the end of the year, affecting about {num} employees.",
                    "The central bank held its main interest rate at {small} per cent and signalled no change before the summer.",
                    "Economists at {company} expect household spending to pick up once wage increases feed through.",
                    "Mortgage approvals in {region} climbed for the {ordinal} month running, according to figures released on {weekday}.",
                    "The finance minister, {person}, said the deficit would narrow to {small} per cent of output next year.",
                    "Small businesses in {city} said higher rents were the main reason for closing their shops.",
                    "The merger between {company} and {company} still needs approval from the competition authority.",
                    "Unemployment in {region} fell to {small} per cent, its lowest level since {year}.")),
            new Topic(List.of("Storm warning issued for {region}", "Record heat grips {city}",
                    "Floods close roads around {city}", "Early frost threatens the harvest in {region}"), List.of(
                    "Forecasters issued an amber warning for {region}, where gusts of up to {num} kilometres an hour are expected.",
                    "The river at {city} rose more than {small} metres overnight, and several streets near the old bridge were closed.",
                    "Temperatures reached {num} degrees in {city} on {weekday}, breaking a record set in {year}.",
                    "Farmers in {region} said the late frost had damaged blossom on about a third of the orchards.",
                    "Schools in {city} stayed closed on {weekday} after heavy snow blocked the roads into town.",
                    "The weather service expects the dry spell to last at least another {small} days.",
                    "Emergency crews pumped water out of {num} homes after a thunderstorm flooded the lower town.",
                    "{person}, a meteorologist at the university of {city}, said such storms were becoming more frequent.",
                    "Power was restored to most households by {weekday} evening, the network operator said.",
                    "Residents were advised to avoid the coastal path near {city} while the cliffs remain unstable.")),
            new Topic(List.of("{team} edge past rivals in late drama", "Injury blow for the {team} captain",
                    "{city} to host the national athletics finals", "{team} appoint {person} as head coach"), List.of(
                    "{team} scored twice in the last ten minutes to win {small} to {small} in front of a full stadium.",
                    "The club confirmed that its captain would miss the next {small} weeks with a hamstring injury.",
                    "{person} finished the marathon in {city} in two hours and {num} minutes, a course record.",
                    "The coach, {person}, said the squad had trained hard through the winter and deserved the result.",
                    "More than {num} thousand spectators watched the cycling race pass through {city} on {weekday}.",
                    "{team} have not lost at home since {month}, and sit {small} points clear at the top of the table.",
                    "The swimming federation named {small} newcomers in the team for the championships in {month}.",
                    "Tickets for the cup final in {city} sold out within {small} hours of going on sale.",
                    "The referee sent off two players after a scuffle in the second half.",
                    "{person} signed a {small}-year contract with {team} after a successful trial.")),
            new Topic(List.of("{party} wins by-election in {city}", "Budget passes after an all-night debate",
                    "Mayor of {city} unveils housing plan", "Coalition talks stall in {region}"), List.of(
                    "The {party} won the by-election in {city} with {num} per cent of the vote, on a turnout of {small}{small} per cent.",
                    "Parliament approved the budget by {num} votes to {small} after a debate that ran past midnight.",
                    "The mayor of {city}, {person}, promised {num}0 affordable homes before the end of her term.",
                    "Leaders of the {party} and the {party} will meet again on {weekday} to discuss a coalition agreement.",
                    "The regional assembly of {region} voted to extend free school meals to all primary pupils.",
                    "{person}, who chairs the transport committee, called for an independent review of the tram project.",
                    "Opinion polls put the {party} {small} points ahead, although many voters remain undecided.",
                    "The council of {city} agreed to pedestrianise the market square from {month}.",
                    "Opposition members walked out of the chamber in protest at the timetable for the vote.",
                    "The minister for housing, {person}, said planning rules would be simplified for small builders.")),
            new Topic(List.of("Port of {port} reports record container volumes", "Storm delays ferries at {port}",
                    "{company} orders {small} new freighters", "Dredging to begin at {port}"), List.of(
                    "The port of {port} handled {num} thousand containers in {month}, {small} per cent more than a year earlier.",
                    "Ferries between {port} and {city} were cancelled for a second day as waves reached {small} metres.",
                    "{company} ordered {small} container ships from a yard in {region}, to be delivered from {year}.",
                    "Dock workers at {port} agreed a new pay deal after {small} days of talks.",
                    "The harbour master, {person}, said dredging would let larger ships call at {port} from next spring.",
                    "Freight rates on the route to {port} fell for the {ordinal} week in a row, brokers said.",
                    "A cargo ship ran aground on a sandbank near {port}; the crew of {small}{small} was unhurt.",
                    "Container throughput at the terminals of {region} grew steadily through the summer.",
                    "The new quay at {port} will be able to take ships of up to {num} thousand tonnes.",
                    "{company} opened a logistics centre next to the rail terminal in {city}.")));

    static final List<String> GENERAL = List.of(
            "The council of {city} voted on {weekday} to extend library opening hours until {small} p.m.",
            "Police in {city} appealed for witnesses after a break-in at a jeweller's on {weekday} night.",
            "Researchers at the university of {city} published a study on how sleep changes with age.",
            "The museum in {city} will show a collection of medieval maps that has not been seen since {year}.",
            "A fire in a warehouse on the edge of {city} was put out early on {weekday}; nobody was hurt.",
            "{person}, a spokesperson for the regional transport authority, said the new timetable starts in {month}.",
            "The festival, which runs for {small} days, expects more than {num} thousand visitors this year.",
            "Volunteers collected {num} kilograms of litter from the beaches around {city} over the weekend.",
            "The hospital in {city} said waiting times for routine surgery had fallen for a third month.",
            "Rail services between {city} and {city} were disrupted for several hours by a signal fault.",
            "A survey found that {num} per cent of commuters in {region} would cycle if safer lanes were built.",
            "The bakery, open in {city} since {year}, won a national prize for its rye bread.",
            "Engineers finished testing the water treatment plant, which will serve about {num} thousand homes.",
            "{company} said its new software update would improve battery life on older devices.",
            "The orchestra of {city} opened its season with a programme of late romantic symphonies.");

    static final List<String> SHORT = List.of("Officials declined to comment further.",
            "More details are expected next week.", "The figures may still be revised.",
            "Residents welcomed the decision.", "No date has been set yet.", "A review is due in the spring.",
            "The work is expected to take a year.", "Talks will resume on {weekday}.");

    /** Mentions of the watched countries that no sanctions rule reads as a violation. */
    static final List<String> ENTITY = List.of(
            "{cn} reported that factory output grew {small} per cent in {month}, a little faster than analysts had expected.",
            "The {ruAdj} central bank left its key interest rate unchanged at its meeting on {weekday}.",
            "State media in {kp} reported a larger rice harvest this year after a wet summer in the western provinces.",
            "{person} said talks with officials from {cn} on a new air route to {city} were going well.",
            "A delegation from {ru} visited the trade fair in {city}, where {num}0 exhibitors showed their products.",
            "Tourists from {cn} accounted for about {small} per cent of hotel stays in {region} last season.",
            "{kp} marked a national holiday with a parade and a concert in the capital, state media said.",
            "Grain prices eased after {ru} forecast a record wheat harvest, dealers in {city} said.",
            "Diplomats from {cn} and {kp} met in {city} to discuss a cultural exchange programme.",
            "{ruPerson} spoke by phone with his counterpart in {city} about a proposed peace conference.",
            "Analysts expect demand from {cn} to support copper prices through the winter.",
            "A youth football friendly between {kpAdj} and {team} players was postponed because of rain.",
            "{cnPerson} and {ruPerson} are due to attend a regional summit in {month}, diplomats said.",
            "{kpPerson} inspected a new housing district on the outskirts of {kp}, state media reported.",
            "Flights between {city} and {cn} will resume in {month} after a break of {small} years.");

    /** Sentences the default sanctions-violation rule matches on their own. */
    static final List<String> VIOLATION = List.of(
            "{kp} has sent {num} containers of artillery shells to {ru} since {month}, according to a confidential assessment.",
            "A {kpAdj} tanker took part in a ship-to-ship transfer of refined petroleum off {port}, a panel of investigators found.",
            "Investigators said {kpAdj} labourers had been hired at construction sites in {ruCity} on student visas.",
            "Traders helped {ru} evade sanctions by selling crude well above the price cap, officials in {city} said.",
            "Front companies in {city} moved money through bank accounts on behalf of {kp}, the report said.",
            "{kpAdj} coal was smuggled to ports in {region} with false paperwork, analysts said.",
            "Shipping records suggest {kp} is getting around UN sanctions by routing payments through firms in {city}.",
            "{ruAdj} engineers are helping {kp} with reconnaissance satellite technology, {person} told reporters.");

    static final List<String> VIOLATION_HEADLINES = List.of("Report details a sanctions evasion network",
            "Investigators trace an illicit cargo", "Panel finds new breaches of sanctions",
            "Leaked files describe a hidden trade");

    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            Map.entry("city", List.of("Calderbridge", "Marrowvale", "Eastholm", "Vennick", "Ardmoor", "Kestrelton",
                    "Brackenford", "Lowhaven", "Saltmere", "Dunmore Cross", "Thornbury Wells", "Halsey")),
            Map.entry("region", List.of("Upper Venn", "the Ardmoor Hills", "Greyfen", "the Tessaly Coast",
                    "North Calder", "the Marrow Valley", "Westreach")),
            Map.entry("port", List.of("Port Tessaly", "Orrin Bay", "Lowhaven", "Saltmere Quay", "Grayle Harbour")),
            Map.entry("company", List.of("Halvorsen Freight", "Brightwater Energy", "Corvane Systems",
                    "Lindqvist Foods", "Meribel Bank", "Orton & Vale", "Quillfield Motors", "Aldane Shipping",
                    "Northmark Telecom", "Pellan Steel")),
            Map.entry("team", List.of("Calderbridge Rovers", "Marrowvale Athletic", "Eastholm United",
                    "Lowhaven Harriers", "Kestrelton Town")),
            Map.entry("party", List.of("Civic Union", "Progress Party", "Rural League", "Harbour Democrats")),
            Map.entry("weekday", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday")),
            Map.entry("month", List.of("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December")),
            Map.entry("ordinal", List.of("third", "fourth", "fifth", "sixth", "seventh", "eighth")),
            Map.entry("ru", List.of("Russia", "Moscow", "the Kremlin")),
            Map.entry("ruAdj", List.of("Russian")),
            Map.entry("ruPerson", List.of("Vladimir Putin", "Sergei Lavrov", "Dmitry Peskov")),
            Map.entry("ruCity", List.of("Vladivostok", "Khabarovsk")),
            Map.entry("kp", List.of("North Korea", "Pyongyang", "the DPRK")),
            Map.entry("kpAdj", List.of("North Korean")),
            Map.entry("kpPerson", List.of("Kim Jong Un")),
            Map.entry("cn", List.of("China", "Beijing")),
            Map.entry("cnPerson", List.of("Xi Jinping", "Wang Yi")));

    private static final List<String> FIRST = List.of("Ada", "Tomas", "Irene", "Kofi", "Lena", "Mateo", "Priya",
            "Jonas", "Hana", "Felix", "Noor", "Ruth", "Emil", "Sofia");
    private static final List<String> LAST = List.of("Varga", "Lindahl", "Osei", "Moreau", "Castellan",
            "Brennick", "Haldane", "Okafor", "Strand", "Petrakis", "Whitcombe", "Ferreira");

    static String person(Random r) {
        return FIRST.get(r.nextInt(FIRST.size())) + " " + LAST.get(r.nextInt(LAST.size()));
    }

    // Invented words are built from these syllables, two or three per word. Every vowel is a pair that English
    // spells rarely ("ae", "ui", ...), so no invented word is a word of the rules or a name in the gazetteer: with
    // plain vowels, "pu" + "tin" made Putin and "tu" + "men" the Tumen river.
    private static final List<String> ONSETS = List.of("b", "d", "f", "g", "h", "l", "m", "n", "r", "t", "v",
            "br", "dr", "gl", "tr", "vr");
    private static final List<String> VOWELS = List.of("ae", "ui", "oa", "ei", "ia", "uo");
    private static final List<String> CODAS = List.of("", "", "l", "n", "r", "nd");

    /** An invented word of two or three syllables. */
    static String inventedWord(Random r) {
        int syllables = 2 + r.nextInt(2);
        StringBuilder w = new StringBuilder(12);
        for (int i = 0; i < syllables; i++) {
            w.append(ONSETS.get(r.nextInt(ONSETS.size()))).append(VOWELS.get(r.nextInt(VOWELS.size())))
                    .append(CODAS.get(r.nextInt(CODAS.size())));
        }
        return w.toString();
    }

    /** A sentence of 14 to 24 invented words, capitalised and ending with a full stop. */
    static String aside(Random r) {
        int words = 14 + r.nextInt(11);
        StringBuilder s = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(inventedWord(r));
        }
        s.setCharAt(0, Character.toUpperCase(s.charAt(0)));
        return s.append('.').toString();
    }

    /** A value for one slot; numbers are drawn, everything else picked from its word list. */
    static String fill(String slot, Random r) {
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
                    throw new IllegalStateException("no words for slot {" + slot + "}");
                }
                return words.get(r.nextInt(words.size()));
        }
    }
}
