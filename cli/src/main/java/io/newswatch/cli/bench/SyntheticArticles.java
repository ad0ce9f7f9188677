package io.newswatch.cli.bench;

import io.newswatch.model.Article;
import io.newswatch.streams.stories.StoryIndex;
import io.newswatch.streams.stories.TextFingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic, unbounded sequence of synthetic English news articles for replay and throughput benchmarks.
 *
 * <p>{@link #article(long) article(n)} depends only on the seed, the constructor arguments and {@code n}: every
 * article draws from its own {@link Random} seeded from the pair, so articles can be generated in any order, in
 * parallel, or again later, without storing any. The texts are made of sentences about economy, weather, sport,
 * politics and shipping in invented places, firms and people, grouped into paragraphs separated by a blank line,
 * of {@code textBytes} UTF-8 bytes within ±10%.
 *
 * <p>The mix is fixed: about {@link #ENTITY_SHARE} of the articles mention Russia, North Korea or China through
 * aliases the default gazetteer knows, and about {@link #VIOLATION_SHARE} (a subset of those) carry a sentence that
 * the default ruleset's {@code sanctions-violation} rule matches. About {@link #NEAR_DUPLICATE_SHARE} are an
 * earlier article republished by another outlet up to three hours later under its own URL, with one detail of the
 * headline and of the text changed, yet within the story index's fingerprint distance, so story grouping has copies
 * to find. Which article is which is decided by hashes of seed and number alone, so the ground truth is cheap:
 * {@link #mentionsEntity}, {@link #violation} and {@link #nearDuplicateOf} generate no text.
 *
 * <p>Immutable and thread-safe.
 */
public final class SyntheticArticles {
    /** Intended share of articles that mention at least one watched country. */
    public static final double ENTITY_SHARE = 0.30;
    /** Intended share of articles that report a sanctions violation; each of them also mentions a country. */
    public static final double VIOLATION_SHARE = 0.05;
    /** Intended share of articles that are a lightly edited copy of an earlier one from another outlet. */
    public static final double NEAR_DUPLICATE_SHARE = 0.03;
    /** The smallest text size accepted: below it the mandatory sentences alone could break the ±10% bound. */
    public static final int MIN_TEXT_BYTES = 512;

    /** How far back (in article numbers) a near-duplicate's original may lie. */
    private static final int DUPLICATE_REACH = 500;
    private static final long SALT_KIND = 0x4b494e44L;
    private static final long SALT_DUPLICATE = 0x44555045L;
    private static final long SALT_TIME = 0x54494d45L;
    private static final long SALT_FETCH = 0x46455443L;
    private static final long SALT_BODY = 0x424f4459L;
    private static final long SALT_EDIT = 0x45444954L;
    private static final int EDIT_ATTEMPTS = 8;
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private final long seed;
    private final int textBytes;
    private final Instant from;
    private final long spanMillis;

    /**
     * @param seed      selects the sequence; the same seed always gives the same articles
     * @param textBytes the intended text size in UTF-8 bytes, at least {@link #MIN_TEXT_BYTES}
     * @param from      earliest publication time, inclusive
     * @param to        latest publication time, exclusive; must be after {@code from}
     * @throws IllegalArgumentException when textBytes is too small or the time range is empty
     */
    public SyntheticArticles(long seed, int textBytes, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (textBytes < MIN_TEXT_BYTES) {
            throw new IllegalArgumentException("textBytes must be at least " + MIN_TEXT_BYTES + ": " + textBytes);
        }
        if (!to.isAfter(from) || to.toEpochMilli() - from.toEpochMilli() < 1) {
            throw new IllegalArgumentException("the time range is empty: [" + from + ", " + to + ")");
        }
        this.seed = seed;
        this.textBytes = textBytes;
        this.from = from;
        this.spanMillis = to.toEpochMilli() - from.toEpochMilli();
    }

    /**
     * The n-th article; equal for equal seed, constructor arguments and n, whatever was generated before.
     *
     * @throws IllegalArgumentException when n is negative
     */
    public Article article(long n) {
        requireIndex(n);
        long origin = originOf(n);
        Story story = story(origin);
        Random edit = random(n, SALT_EDIT);
        int source = story.source;
        String title = story.title.render(-1, null);
        String byline = story.byline;
        long published = story.publishedMillis;
        String text;
        if (origin == n) {
            text = story.text(-1, -1, null);
        } else {
            // another outlet carries the same wire story a little later, with a retouched headline and text
            source = (story.source + 1 + edit.nextInt(Vocabulary.SOURCES.size() - 1))
                    % Vocabulary.SOURCES.size();
            title = story.title.render(0, edit);
            byline = edit.nextBoolean() ? null : "By " + Vocabulary.person(edit);
            published = Math.min(published + 60_000L * (10 + edit.nextInt(170)), from.toEpochMilli() + spanMillis - 1);
            text = story.editedText(edit);
        }
        Instant publishedAt = Instant.ofEpochMilli(published);
        Instant fetchedAt = publishedAt.plusSeconds(60L + random(n, SALT_FETCH).nextInt(14 * 60));
        String sourceId = Vocabulary.SOURCES.get(source);
        ZonedDateTime date = publishedAt.atZone(ZoneOffset.UTC);
        String url = String.format("https://synthetic.newswatch.test/%s/%04d/%02d/%d", sourceId, date.getYear(),
                date.getMonthValue(), n);
        return Article.of(url, sourceId, title, byline, publishedAt, fetchedAt, "en", text);
    }

    /** Articles 0 to count - 1, in order; each generated when the stream reaches it. */
    public Stream<Article> stream(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return LongStream.range(0, count).mapToObj(this::article);
    }

    /** Whether article n was written to mention Russia, North Korea or China (near-duplicates as their original). */
    public boolean mentionsEntity(long n) {
        requireIndex(n);
        return kindDraw(originOf(n)) < ENTITY_SHARE;
    }

    /** Whether article n was written to report a sanctions violation; implies {@link #mentionsEntity}. */
    public boolean violation(long n) {
        requireIndex(n);
        return kindDraw(originOf(n)) < VIOLATION_SHARE;
    }

    /** The number of the original article n copies, or empty when n is an original itself. */
    public OptionalLong nearDuplicateOf(long n) {
        requireIndex(n);
        long origin = originOf(n);
        return origin == n ? OptionalLong.empty() : OptionalLong.of(origin);
    }

    private static void requireIndex(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("article numbers start at 0: " + n);
        }
    }

    /** Follows copies back to an article that is no copy; article 0 never is one, so this ends. */
    private long originOf(long n) {
        long current = n;
        while (current > 0 && unit(current, SALT_DUPLICATE) < NEAR_DUPLICATE_SHARE) {
            long reach = Math.min(current, DUPLICATE_REACH);
            current = current - 1 - Math.floorMod(mix(seed, current, SALT_DUPLICATE + 1), reach);
        }
        return current;
    }

    private double kindDraw(long n) {
        return unit(n, SALT_KIND);
    }

    /** Everything an original article is made of, before any outlet's edit. */
    private Story story(long n) {
        Random r = random(n, SALT_BODY);
        double kind = kindDraw(n);
        Vocabulary.Topic topic = Vocabulary.TOPICS.get(r.nextInt(Vocabulary.TOPICS.size()));
        int source = r.nextInt(Vocabulary.SOURCES.size());
        String byline = r.nextInt(5) == 0 ? null : "By " + Vocabulary.person(r);
        long published = from.toEpochMilli() + (long) (unit(n, SALT_TIME) * spanMillis);
        List<String> titles = kind < VIOLATION_SHARE ? Vocabulary.VIOLATION_HEADLINES : topic.headlines();
        Sentence title = new Sentence(titles.get(r.nextInt(titles.size())), r.nextLong(), true);

        List<Sentence> mandatory = new ArrayList<>();
        if (kind < VIOLATION_SHARE) {
            mandatory.add(pick(Vocabulary.VIOLATION, r, true));
        }
        if (kind < ENTITY_SHARE && (kind >= VIOLATION_SHARE || r.nextBoolean())) {
            int count = 1 + (r.nextInt(3) == 0 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                mandatory.add(pick(Vocabulary.ENTITY, r, true));
            }
        }
        return new Story(source, byline, published, title, body(topic, mandatory, r));
    }

    /**
     * Neutral sentences around the mandatory ones until the text is within 5% of its size; each sentence's cost
     * counts a two-byte separator, an upper bound, so the joined text never ends up larger than planned.
     */
    private List<Sentence> body(Vocabulary.Topic topic, List<Sentence> mandatory, Random r) {
        int low = (int) (textBytes * 0.95);
        int high = (int) (textBytes * 1.05);
        List<Sentence> sentences = new ArrayList<>();
        int planned = 0;
        for (Sentence s : mandatory) {
            planned += cost(s);
        }
        List<String> pool = new ArrayList<>();
        while (planned < low) {
            if (pool.isEmpty()) {
                pool.addAll(topic.sentences());
                pool.addAll(Vocabulary.GENERAL);
            }
            Sentence next = null;
            for (int attempt = 0; attempt < 8 && next == null && !pool.isEmpty(); attempt++) {
                Sentence candidate = new Sentence(pool.get(r.nextInt(pool.size())), r.nextLong(), false);
                if (planned + cost(candidate) <= high) {
                    next = candidate;
                    pool.remove(candidate.template);
                }
            }
            if (next == null) {
                // a short sentence always fits: the window between low and high is wider than any of them
                next = pick(Vocabulary.SHORT, r, false);
            }
            sentences.add(next);
            planned += cost(next);
        }
        // the violation sentence leads the story; other mentions fall anywhere
        for (int i = 0; i < mandatory.size(); i++) {
            int at = i == 0 && isViolation(mandatory.get(0))
                    ? r.nextInt(Math.min(2, sentences.size() + 1)) : r.nextInt(sentences.size() + 1);
            sentences.add(at, mandatory.get(i));
        }
        return sentences;
    }

    private static boolean isViolation(Sentence s) {
        return Vocabulary.VIOLATION.contains(s.template);
    }

    private static int cost(Sentence s) {
        return s.render(-1, null).getBytes(StandardCharsets.UTF_8).length + 2;
    }

    private static Sentence pick(List<String> templates, Random r, boolean fixed) {
        return new Sentence(templates.get(r.nextInt(templates.size())), r.nextLong(), fixed);
    }

    private Random random(long n, long salt) {
        return new Random(mix(seed, n, salt));
    }

    /** A uniform double in [0, 1) from seed, n and salt alone. */
    private double unit(long n, long salt) {
        return (mix(seed, n, salt) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser over the three inputs: close inputs give unrelated outputs. */
    private static long mix(long seed, long n, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One sentence: a template and the seed its slots are filled from. {@code fixed} sentences carry the mix
     * (entity and violation mentions) and are never edited in a copy.
     */
    private record Sentence(String template, long seed, boolean fixed) {
        /** The filled sentence; slot number {@code changedSlot} draws from {@code edit} instead (-1: none). */
        String render(int changedSlot, Random edit) {
            Random r = new Random(seed);
            Matcher m = SLOT.matcher(template);
            StringBuilder out = new StringBuilder(template.length() + 32);
            int slot = 0;
            while (m.find()) {
                String value = Vocabulary.fill(m.group(1), r);
                if (slot == changedSlot) {
                    String original = value;
                    for (int attempt = 0; attempt < 8 && value.equals(original); attempt++) {
                        value = Vocabulary.fill(m.group(1), edit);
                    }
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
                slot++;
            }
            m.appendTail(out);
            out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
            return out.toString();
        }

        int slots() {
            return (int) SLOT.matcher(template).results().count();
        }
    }

    private record Story(int source, String byline, long publishedMillis, Sentence title, List<Sentence> body) {
        /** Paragraphs of two to four sentences; the grouping is drawn from the body, so a copy groups alike. */
        String text(int changedSentence, int changedSlot, Random edit) {
            Random grouping = new Random(body.get(0).seed ^ body.size());
            StringBuilder out = new StringBuilder();
            int left = 0;
            for (int i = 0; i < body.size(); i++) {
                if (i > 0) {
                    out.append(left == 0 ? "\n\n" : " ");
                }
                if (left == 0) {
                    left = 2 + grouping.nextInt(3);
                }
                left--;
                out.append(i == changedSentence ? body.get(i).render(changedSlot, edit) : body.get(i).render(-1, null));
            }
            return out.toString();
        }

        /**
         * The text with one slot of one neutral sentence changed, as a copy editor would. Edits are drawn until one
         * keeps the copy within {@link StoryIndex#MAX_DISTANCE} fingerprint bits of the original, so the pipeline
         * can group every copy; after a few failed draws the closest edit is kept.
         */
        String editedText(Random edit) {
            List<Integer> editable = new ArrayList<>();
            for (int i = 0; i < body.size(); i++) {
                if (!body.get(i).fixed && body.get(i).slots() > 0) {
                    editable.add(i);
                }
            }
            String original = text(-1, -1, null);
            if (editable.isEmpty()) {
                return original;
            }
            long originalFingerprint = TextFingerprint.of(original);
            String closest = null;
            int closestDistance = Integer.MAX_VALUE;
            for (int attempt = 0; attempt < EDIT_ATTEMPTS; attempt++) {
                int sentence = editable.get(edit.nextInt(editable.size()));
                String candidate = text(sentence, edit.nextInt(body.get(sentence).slots()), edit);
                if (candidate.equals(original)) {
                    continue;
                }
                int distance = TextFingerprint.distance(originalFingerprint, TextFingerprint.of(candidate));
                if (distance < closestDistance) {
                    closest = candidate;
                    closestDistance = distance;
                }
                if (distance <= StoryIndex.MAX_DISTANCE) {
                    break;
                }
            }
            return closest != null ? closest : original;
        }
    }

    /**
     * The words articles are made of, all written for this generator. Neutral sentences name only invented places,
     * firms and people and avoid the words the sanctions rules look for (sanctions, caps, bans, vessels' misdeeds),
     * so that entity and violation counts come from the sentences meant to carry them.
     */
    private static final class Vocabulary {
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
}
