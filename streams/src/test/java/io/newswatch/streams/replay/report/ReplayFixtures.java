package io.newswatch.streams.replay.report;

import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import io.newswatch.streams.replay.EventDiff;
import io.newswatch.streams.replay.ReplayDiffResult;
import io.newswatch.streams.replay.ReplayMatch;
import io.newswatch.streams.replay.ReplayResult;
import io.newswatch.streams.replay.RuleDiff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invented replay results for the report tests: four rules (two long ids sharing a prefix, one rule that never
 * matches) and seven matches on 2 March, 3 March and 5 March 2026, among them a hostile title, a
 * {@code javascript:} URL and a title with a comma, a quote and a line break.
 */
final class ReplayFixtures {
    static final String ATTACK = "cyber-infrastructure-attack";
    static final String BREACH = "cyber-infrastructure-breach";
    static final String OIL = "oil-embargo";
    static final String PORTS = "ports";
    static final String HOSTILE_TITLE = "<script>alert(1)</script> Port of Tallinn shut";
    static final String AWKWARD_TITLE = "Grid operator says \"minor\" outage, then\nrestores Zürich power";
    static final String JAVASCRIPT_URL = "javascript:alert(document.cookie)";

    static final ReplayMatch OIL_1 = match(OIL, "a1", "2026-03-02T10:00:00Z", "harbour-wire",
            "Ministers agree tighter oil embargo", "https://harbour.example/oil-1",
            "The ministers agreed to extend the embargo to refined products.");
    static final ReplayMatch OIL_2 = match(OIL, "a2", "2026-03-02T14:30:00Z", "coast-daily",
            "Tankers idle as embargo bites", "https://coast.example/tankers",
            "Dozens of tankers waited outside the strait.", "Traders expect prices to rise.");
    static final ReplayMatch OIL_3 = match(OIL, "a3", "2026-03-03T09:00:00Z", "harbour-wire",
            "Refinery output falls", "http://harbour.example/refinery", "Output fell by a fifth under the embargo.");
    static final ReplayMatch OIL_5 = match(OIL, "a5", "2026-03-05T23:59:00Z", "plains-herald",
            "Embargo talks continue", "https://plains.example/talks", "Talks on the embargo resume on Monday.");
    static final ReplayMatch PORTS_2 = match(PORTS, "a2", "2026-03-02T14:30:00Z", "coast-daily",
            "Tankers idle as embargo bites", "https://coast.example/tankers", "The port turned tankers away.");
    static final ReplayMatch PORTS_4 = match(PORTS, "a4", "2026-03-03T18:00:00Z", "mallory-news",
            HOSTILE_TITLE, "https://mallory.example/\"><script>x</script>",
            "The port was closed <b onmouseover=alert(2)>all day</b>.");
    static final ReplayMatch ATTACK_6 = match(ATTACK, "a6", "2026-03-05T06:00:00Z", "grid-watch",
            AWKWARD_TITLE, JAVASCRIPT_URL, "Operators said the attack \"briefly\" cut power, officials said.");

    private ReplayFixtures() {
    }

    static ReplayMatch match(String rule, String articleId, String publishedAt, String source, String title,
                             String url, String... evidence) {
        return new ReplayMatch(rule, ruleTitle(rule), articleId, Instant.parse(publishedAt), source, title, url,
                java.util.Arrays.stream(evidence).map(text -> new Evidence(rule, text, 0, text.length(), List.of()))
                        .toList());
    }

    static final String SANCTIONS = "sanctions";
    /** Only names an entity; listed first in the match so that taking the first item would be wrong. */
    static final String CONTEXT = "North Korea's leader toured a shell factory in the spring.";
    static final String DECISIVE = "Officials said North Korea shipped 1,000 containers of shells to Russia.";
    static final String MUNITIONS_SUMMARY = "KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted "
            + "(officials)";
    static final String HOSTILE_ATTRIBUTION = "<script>alert(3)</script> =cmd|' /C calc'!A0";

    static ViolationEvent munitions() {
        return new ViolationEvent("munitions", "KP", "RU", 1000L, "container", List.of("Najin", "Dunay"), List.of(),
                List.of(), List.of(), ViolationEvent.ASSERTED, "officials",
                new ViolationEvent.Span(DECISIVE, 60, 60 + DECISIVE.length()));
    }

    static ViolationEvent hostile() {
        return new ViolationEvent("weapons", "KP", "RU", null, null, List.of(), List.of(), List.of(), List.of(),
                ViolationEvent.POSSIBLE, HOSTILE_ATTRIBUTION, new ViolationEvent.Span("They may send guns.", 0, 19));
    }

    static ViolationEvent coal() {
        return new ViolationEvent("coal", "KP", "CN", null, null, List.of("Nampo"), List.of(), List.of(), List.of(),
                ViolationEvent.ASSERTED, null, new ViolationEvent.Span("Coal left Nampo for China.", 0, 26));
    }

    /** A sanctions match whose evidence lists a context item before the decisive one, with two events. */
    static ReplayMatch sanctionsMatch(String articleId, String title) {
        return new ReplayMatch(SANCTIONS, "Sanctions breach", articleId, Instant.parse("2026-03-04T12:00:00Z"),
                "kp-watch", title, "https://kp.example/" + articleId,
                List.of(new Evidence(SANCTIONS, Evidence.CONTEXT, CONTEXT, 0, CONTEXT.length(), List.of()),
                        new Evidence(SANCTIONS, DECISIVE, 60, 60 + DECISIVE.length(), List.of("shipped"))),
                List.of(munitions(), hostile()));
    }

    /** A replay of one oil match and one sanctions match with events. */
    static ReplayResult resultWithEvents() {
        Map<String, String> rules = rules(false);
        rules.put(SANCTIONS, "Sanctions breach");
        return result(List.of(OIL_1, sanctionsMatch("a9", "Shells shipped")), rules);
    }

    /**
     * A diff where the sanctions rule matches article a9 only in the new version, and a9 gained the munitions
     * event and lost a coal one.
     */
    static ReplayDiffResult diffWithEvents() {
        ReplayMatch a9 = sanctionsMatch("a9", "=HYPERLINK(\"http://x.example\") Shells shipped");
        return new ReplayDiffResult(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z"),
                "2026.03.1", "2026.03.2", 310, List.of(
                        new RuleDiff(SANCTIONS, true, true, List.of(), List.of(a9), 0)),
                Duration.ofMillis(1500), List.of(new EventDiff("a9", a9.publishedAt(), a9.sourceId(), a9.title(),
                        a9.url(), List.of(coal()), List.of(munitions(), hostile()))));
    }

    static String ruleTitle(String rule) {
        return switch (rule) {
            case ATTACK -> "Attack on critical infrastructure";
            case BREACH -> "Data breach at an operator";
            case OIL -> "Oil embargo news";
            case PORTS -> "Port closures";
            default -> "Other rule " + rule;
        };
    }

    static Map<String, String> rules(boolean reversed) {
        List<String> ids = new ArrayList<>(List.of(PORTS, OIL, ATTACK, BREACH));
        if (reversed) {
            Collections.reverse(ids);
        }
        Map<String, String> rules = new LinkedHashMap<>();
        ids.forEach(id -> rules.put(id, ruleTitle(id)));
        return rules;
    }

    /** The replay; {@code shuffled} builds an equal result from inputs given in another order. */
    static ReplayResult result(boolean shuffled) {
        List<ReplayMatch> matches = new ArrayList<>(List.of(OIL_1, OIL_2, OIL_3, OIL_5, PORTS_2, PORTS_4, ATTACK_6));
        if (shuffled) {
            Collections.reverse(matches);
        }
        return result(matches, rules(shuffled));
    }

    static ReplayResult result(List<ReplayMatch> matches, Map<String, String> rules) {
        return new ReplayResult("march-check", Instant.parse("2026-03-01T00:00:00Z"),
                Instant.parse("2026-03-08T00:00:00Z"), "2026.03.1", rules, 1_200, 310, 2, matches, List.of(),
                Duration.ofSeconds(4));
    }

    /**
     * A diff: oil-embargo changed on both sides, tankers is new, ports and both cyber rules are unchanged.
     */
    static ReplayDiffResult diff() {
        ReplayMatch oilNew7 = match(OIL, "a7", "2026-03-04T08:00:00Z", "coast-daily", "Shipping insurers react",
                "https://coast.example/insurers", "Insurers raised premiums after the embargo was widened to "
                        + "cover refined products, a step that brokers said would be felt for months in every "
                        + "port along the coast and beyond, according to three people familiar with the talks.");
        ReplayMatch oilNew8 = match(OIL, "a8", "2026-03-05T08:00:00Z", "plains-herald", "Farmers fear fuel costs",
                "https://plains.example/fuel", "Farmers said fuel costs rose after the embargo.");
        ReplayMatch tankers9 = match("tankers", "a9", "2026-03-03T12:00:00Z", "coast-daily",
                "Tanker seized\u001b[2J", "https://coast.example/seized", "A tanker was seized off the coast.");
        return new ReplayDiffResult(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-08T00:00:00Z"),
                "2026.03.1", "2026.03.2", 310, List.of(
                        new RuleDiff(PORTS, true, true, List.of(), List.of(), 2),
                        new RuleDiff(OIL, true, true, List.of(OIL_1), List.of(oilNew8, oilNew7), 3),
                        new RuleDiff("tankers", false, true, List.of(), List.of(tankers9), 0),
                        new RuleDiff(ATTACK, true, true, List.of(), List.of(), 1),
                        new RuleDiff(BREACH, true, true, List.of(), List.of(), 0)),
                Duration.ofMillis(1500));
    }
}
