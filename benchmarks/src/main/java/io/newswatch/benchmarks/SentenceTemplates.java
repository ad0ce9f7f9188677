package io.newswatch.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence templates and slot words for the synthetic news corpus ({@link ArticleCorpus}).
 *
 * <p>A template holds slots in braces, such as {@code {kp}} or {@code {city}}; {@link #fill} replaces each slot with
 * a word or phrase drawn from the slot's list. The groups differ in what they give the default rules to do:
 * {@link #NEUTRAL} sentences mention none of the watched countries, {@link #SINGLE} ones mention one, {@link #PAIR}
 * ones put two or three in one sentence, {@link #SANCTIONS} ones talk about sanctions (some report a breach, some
 * only that sanctions exist or that nothing was shipped), and {@link #ARMS} ones report arms or technology moving.
 * Every sentence was written for this benchmark.
 */
final class SentenceTemplates {
    private SentenceTemplates() {
    }

    /** Sentences about city councils, weather, markets, sport, science and culture. */
    static final List<String> NEUTRAL = List.of(
            "The city council of {city} voted on {weekday} to extend the opening hours of public libraries until {num} p.m.",
            "Heavy rain is expected across the {region} region over the weekend, forecasters said, with up to {num} millimetres in places.",
            "Shares in {company} rose {num} per cent after the firm reported stronger than expected quarterly earnings.",
            "The central bank kept its benchmark interest rate unchanged at {num} per cent, citing steady inflation.",
            "{person}, a spokesperson for the regional transport authority, said the new tram line would open in {month}.",
            "Local farmers in the {region} valley said the late frost had damaged a large part of the apple harvest.",
            "The museum in {city} will display a collection of medieval manuscripts that has not been shown since {year}.",
            "Researchers at the university of {city} published a study on how sleep patterns change with age.",
            "The home side scored twice in the second half to win {num} to {small} in front of a sold-out stadium.",
            "Union leaders and the employers' association will meet again on {weekday} to discuss wages and working hours.",
            "A spokesperson for the hospital said waiting times for routine surgery had fallen for the third month in a row.",
            "Traffic on the main ring road was diverted for several hours after a lorry lost part of its load.",
            "The festival, which runs for {small} days, expects more than {num} thousand visitors this year.",
            "Economists surveyed by the newspaper expect growth of about {small} per cent next year, slightly below this year's pace.",
            "{person} said the committee would publish its final report on school funding before the summer recess.",
            "Construction of the new bridge over the river is running about {small} months behind schedule, officials admitted.",
            "The airline said it would add {small} daily flights between {city} and the coast from {month}.",
            "Police in {city} appealed for witnesses after a break-in at a jewellery shop on {weekday} night.",
            "The ministry of health recommended that people over sixty get a booster vaccine before the winter season.",
            "Electricity prices for households are set to fall by {small} per cent from {month}, the regulator said.",
            "A new survey found that {num} per cent of commuters would cycle to work if safer lanes were built.",
            "The orchestra opened its season with a programme of late romantic symphonies and a new work by a young composer.",
            "The coach of the national team named {small} newcomers in the squad for next month's qualifiers.",
            "Tourism revenue in the {region} region reached a record level in the first half of the year.",
            "The startup, founded in {city} in {year}, raised fresh funding to expand its battery recycling plant.",
            "Scientists warned that the glacier had lost nearly a fifth of its volume over the past two decades.",
            "The court adjourned the case until {month} to give the defence more time to review the documents.",
            "{company} said it would cut about {num} jobs as part of a plan to reduce costs and simplify its structure.",
            "A heat wave pushed temperatures above {num} degrees in several southern towns on {weekday}.",
            "The mayor of {city} promised to plant ten thousand trees along the main avenues before the end of her term.",
            "The retail federation reported that sales of winter clothing had been weaker than usual because of the mild weather.",
            "Engineers completed the final tests of the new water treatment plant, which will serve about {num} thousand homes.",
            "The film, shot mostly in {city}, won the audience award at the festival on {weekday} evening.",
            "Parliament approved the budget by {num} votes to {small} after a debate that lasted late into the night.",
            "The rail operator apologised for the delays and said a signal fault near {city} had been repaired.",
            "Doctors advised residents to stay indoors during the afternoon while air quality remained poor.",
            "The price of coffee beans climbed to its highest level in {small} years on concerns about the harvest.",
            "Volunteers collected more than {num} kilograms of litter from the beaches during the clean-up weekend.",
            "{person}, who has led the company since {year}, will step down at the end of the financial year.",
            "The school board agreed to hire {num} additional teachers to reduce class sizes in primary schools.",
            "The cycling race passed through {city} on {weekday}, drawing large crowds along the route.",
            "Housing starts rose {small} per cent in {month}, the statistics office said in a release on {weekday}.",
            "The zoo welcomed two red panda cubs, the first born there in more than a decade.",
            "Analysts said the merger could face questions from competition authorities in several markets.",
            "The national weather service issued a yellow warning for strong winds along the northern coast.",
            "A fire broke out in a warehouse on the edge of {city} early on {weekday}; nobody was hurt.",
            "The software update fixes a number of security flaws and improves battery life, {company} said.",
            "The exhibition traces the history of the port from a fishing village to a major trading hub.",
            "The football club confirmed that its captain would miss the rest of the season with a knee injury.",
            "The government plans to simplify the tax return for self-employed workers from next year.",
            "Ticket sales for the concert series opened on {weekday} and sold out within {small} hours.",
            "A report by the audit office criticised delays in paying grants to small businesses.",
            "The local bakery, open since {year}, won a national prize for its sourdough bread.",
            "Officials said the annual marathon would follow a new route through the old town of {city}.",
            "The opposition leader, {person}, called for an independent review of the hospital building programme.",
            "Fishermen complained that new quotas would make it hard to keep their boats running through the winter.",
            "The telescope captured detailed images of a distant galaxy, astronomers said on {weekday}.",
            "Consumer confidence improved slightly in {month}, helped by lower fuel prices and a stronger labour market.",
            "The library's digital archive now holds more than {num} thousand scanned newspapers.");

    /** Sentences that mention one of the watched countries, with nothing else of interest. */
    static final List<String> SINGLE = List.of(
            "{ru} reported a rise in wheat exports this {month}, according to figures from the agriculture ministry.",
            "{cn} announced new measures to support domestic consumption after retail sales slowed.",
            "{kp} held a large military parade in the capital on {weekday}, state media reported.",
            "The {cnAdj} delegation arrived in {city} for talks on trade and investment.",
            "Officials in {ru} said the harvest would be among the largest in a decade.",
            "The {kpAdj} leader inspected a fertiliser factory, according to photographs released by state media.",
            "Analysts said growth in {cn} had been held back by weak demand for new housing.",
            "A {ruAdj} court sentenced a journalist to {small} years in prison on charges his lawyers called political.",
            "{kp} launched a ballistic missile into the sea off its east coast on {weekday}, the South Korean military said.",
            "Negotiators from {cn} and the European Union met in {city} to discuss electric vehicle tariffs.",
            "The {ruAdj} central bank raised its key rate to {num} per cent to fight persistent inflation.",
            "South Korea and Japan agreed to share more real-time data on missile launches.",
            "Ships crossing the South China Sea reported heavy traffic near the main shipping lanes.",
            "Taiwan's election commission said turnout had been higher than in the previous vote.");

    /** Sentences that put two or three watched countries together. */
    static final List<String> PAIR = List.of(
            "{kp} and {ru} signed an agreement on cooperation in health care and education, state media said.",
            "{cn} remains the largest trading partner of {kp}, accounting for most of its recorded trade.",
            "The foreign minister of {ru} met his counterpart from {cn} in {city} to discuss regional security.",
            "Relations between {ru} and {kp} have grown closer since {year}, analysts said.",
            "A delegation from {kp} travelled to {cn} for talks on tourism and border trade.",
            "{ru} and {cn} held joint naval exercises in the Sea of Japan, the defence ministry said.",
            "Observers noted that {kp}, {ru} and {cn} had all abstained from the vote.",
            "The {ruAdj} president praised the friendship between {ru} and {kp} in a message on the anniversary.",
            "Trade between {cn} and {ru} reached a record value last year, customs data showed.",
            "{kpAdj} and {cnAdj} officials discussed a new bridge across the Yalu river.");

    /** Sentences about sanctions: breaches, evasion, and also sentences that must not count as a breach. */
    static final List<String> SANCTIONS = List.of(
            "Investigators said {kp} had used ship-to-ship transfers to evade UN sanctions on its oil imports.",
            "A panel of experts reported that {kpAdj} tankers switched off their transponders before loading fuel at sea.",
            "The report accused {ru} of helping {kp} circumvent sanctions through shell companies in {city}.",
            "{kp} imported refined petroleum far beyond its annual cap, according to the monitoring group.",
            "The Security Council extended the sanctions on {kp} for another year without a vote.",
            "New rules are meant to prevent sanctions evasion by banks that work with {ruAdj} clients.",
            "Officials said no weapons were delivered from {kp} to {ru}, contrary to earlier reports.",
            "{kpAdj} coal was smuggled to ports in {cn} using falsified documents, the investigators found.",
            "Thousands of {kpAdj} workers have arrived in the far east of {ru} on student visas, according to the report.",
            "The treasury said the companies had violated sanctions by selling {ruAdj} crude above the price cap.",
            "The government in {city} announced an embargo on luxury goods to {kp} and tighter export controls.",
            "The ministry insisted that the sanctions regime was working and that no shipments had left the port.",
            "Lawmakers debated whether the new sanctions on {ru} would hurt European companies more than Moscow.",
            "A {kpAdj} vessel was seen loading coal at a {ruAdj} port with its transponder off, satellite images showed.",
            "Customs officers in {city} seized a container of textiles that had been falsely labelled as made elsewhere.");

    /** Sentences about weapons, ammunition and military technology moving between countries. */
    static final List<String> ARMS = List.of(
            "{kp} has shipped millions of artillery shells to {ru}, the South Korean intelligence service said.",
            "Analysts suspect {ru} is helping {kp} with reconnaissance satellite technology in return for ammunition.",
            "{ru} fired {kpAdj} missiles at targets in Ukraine, according to investigators who examined the debris.",
            "Containers of munitions were transported by rail from {kp} to depots in western {ru}, the report said.",
            "{kp} denied supplying weapons to {ru} and called the accusations a smear campaign.",
            "The arms deal would give {kp} access to fighter jets and air defence systems, officials warned.",
            "Experts said the rocket engine used in the launch resembled a {ruAdj} design.",
            "The defence ministry said it had found no evidence that {kpAdj} troops were in the region.");

    /** Slot words; the keys are the slot names used in the templates. */
    static final Map<String, List<String>> SLOTS = Map.ofEntries(
            Map.entry("ru", List.of("Russia", "Moscow", "the Kremlin", "Vladimir Putin", "the Russian Federation",
                    "Sergei Lavrov", "Russian officials")),
            Map.entry("ruAdj", List.of("Russian")),
            Map.entry("kp", List.of("North Korea", "Pyongyang", "Kim Jong Un", "the DPRK", "North Korean officials",
                    "the Democratic People's Republic of Korea")),
            Map.entry("kpAdj", List.of("North Korean")),
            Map.entry("cn", List.of("China", "Beijing", "Xi Jinping", "Chinese officials", "the People's Republic of China",
                    "Wang Yi")),
            Map.entry("cnAdj", List.of("Chinese")),
            Map.entry("city", List.of("Lisbon", "Rotterdam", "Krakow", "Lyon", "Turin", "Ghent", "Aarhus", "Porto",
                    "Brno", "Tampere", "Graz", "Bilbao", "Cork", "Leipzig", "Malmo", "Valencia")),
            Map.entry("region", List.of("northern", "southern", "coastal", "alpine", "eastern", "lake", "river")),
            Map.entry("company", List.of("Nordvik Systems", "Harbour Foods", "Alder Energy", "Brightline Rail",
                    "Kestrel Software", "Ostara Textiles", "Meridian Steel", "Pinewood Pharma")),
            Map.entry("person", List.of("Anna Berg", "Tomas Lind", "Maria Costa", "Jonas Weber", "Clara Novak",
                    "Peter Olsen", "Sofia Marin", "David Keane", "Lena Fischer", "Marco Ricci")),
            Map.entry("weekday", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                    "Sunday")),
            Map.entry("month", List.of("January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December")),
            Map.entry("year", List.of("1998", "2004", "2009", "2012", "2016", "2019", "2021")),
            Map.entry("num", List.of("12", "17", "23", "35", "48", "60", "75", "120", "250", "400")),
            Map.entry("small", List.of("2", "3", "4", "5", "6", "7", "8")));

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    /**
     * Replaces every slot of the template with a random word of that slot.
     *
     * @throws IllegalArgumentException for a slot name that {@link #SLOTS} does not know
     */
    static String fill(String template, Random random) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            List<String> words = SLOTS.get(m.group(1));
            if (words == null) {
                throw new IllegalArgumentException("unknown slot {" + m.group(1) + "} in: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(words.get(random.nextInt(words.size()))));
        }
        m.appendTail(out);
        String sentence = out.toString();
        // a slot at the start of a sentence begins with a capital ("The Kremlin", not "the Kremlin")
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
