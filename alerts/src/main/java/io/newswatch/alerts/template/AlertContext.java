package io.newswatch.alerts.template;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What a template sees: the variables and sections of one alert, or of a digest, as the maps a Mustache template
 * is rendered against.
 *
 * <p>Every scraped string is folded to one line ({@link AlertTemplates#clean}) and cut to the length the message
 * allows before it gets here, and no value is ever null, so a template never meets a line break it did not write
 * and never needs a default. Values are plain strings, numbers or booleans, which HTML templates escape;
 * {@link Html} values are markup this class built from escaped pieces, which no template escapes again. A name
 * that is both a variable and a section ({@code evidence}, {@code otherEvidence}, {@code events}, {@code alerts})
 * is an {@link Items}: a section iterates its items, a variable renders the text the name rendered before it was a
 * list. The sets of names below are exactly the keys of the maps, which the tests check. Stateless.
 */
final class AlertContext {
    /** The names of a per-alert template, and of each item of a digest's {@code alerts}. */
    static final Set<String> ALERT_NAMES = Set.of("title", "ruleId", "ruleTitle", "severity", "url", "sourceId",
            "publishedAt", "evidence", "evidenceHtml", "otherEvidence", "otherEvidenceHtml", "moreEvidence",
            "events", "eventsHtml", "moreEvents", "entities", "tags", "revision", "alsoReportedBy",
            "alsoReportedCount", "update", "storyId", "alertId");
    /** The names of an item of {@code evidence} or {@code otherEvidence}. */
    static final Set<String> EVIDENCE_NAMES = Set.of("sentence", "sentenceHtml", "role", "decisive", "proof");
    /** The names of an item of {@code events}. */
    static final Set<String> EVENT_NAMES = Set.of("summary", "commodity", "from", "to", "amount", "places",
            "vessels", "status", "attribution");
    /** The names of a digest template. */
    static final Set<String> DIGEST_NAMES = Set.of("kind", "reminder", "count", "group", "summary", "alerts",
            "alertsHtml");
    /** The names whose values are markup: the only ones an HTML template may render raw. */
    static final Set<String> MARKUP_NAMES = Set.of("evidenceHtml", "otherEvidenceHtml", "eventsHtml", "alertsHtml",
            "sentenceHtml");

    private AlertContext() {
    }

    /** The context of one alert. */
    static Map<String, Object> of(Alert alert) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("title", AlertTemplates.clean(alert.title()));
        v.put("ruleId", AlertTemplates.clean(alert.ruleId()));
        v.put("ruleTitle", AlertTemplates.clean(alert.ruleTitle()));
        v.put("severity", AlertTemplates.severity(alert));
        v.put("url", AlertTemplates.webUrl(alert.url()));
        v.put("sourceId", AlertTemplates.clean(alert.sourceId()));
        v.put("publishedAt", AlertTemplates.publishedAt(alert));

        Evidence proof = Evidence.firstDecisive(alert.evidence());
        List<Evidence> others = Proofs.otherEvidence(alert);
        List<Evidence> shown = others.subList(0, Math.min(others.size(), Proofs.MAX_OTHER_EVIDENCE));
        List<Map<String, Object>> otherItems = shown.stream().map(e -> evidenceItem(e, false)).toList();
        List<Map<String, Object>> allItems = new ArrayList<>(otherItems.size() + 1);
        Map<String, Object> proofItem = proof == null ? null : evidenceItem(proof, true);
        if (proofItem != null) {
            allItems.add(proofItem);
        }
        allItems.addAll(otherItems);
        v.put("evidence", new Items(allItems, proofItem == null ? "" : proofItem.get("sentence").toString()));
        v.put("evidenceHtml", proofItem == null ? new Html("") : proofItem.get("sentenceHtml"));
        v.put("otherEvidence", new Items(otherItems, Proofs.otherEvidenceText(others)));
        v.put("otherEvidenceHtml", new Html(Proofs.otherEvidenceHtml(others)));
        v.put("moreEvidence", others.size() - shown.size());

        List<ViolationEvent> events = alert.events();
        List<ViolationEvent> listed = events.subList(0, Math.min(events.size(), Proofs.MAX_EVENT_LINES));
        List<String> lines = Proofs.eventLines(alert);
        v.put("events", new Items(listed.stream().map(AlertContext::eventItem).toList(), eventsText(lines)));
        v.put("eventsHtml", new Html(eventsHtml(lines)));
        v.put("moreEvents", events.size() - listed.size());

        v.put("entities", AlertTemplates.joined(alert.entities()));
        v.put("tags", AlertTemplates.joined(alert.tags()));
        v.put("revision", alert.revision());
        v.put("alsoReportedBy", AlertTemplates.joined(alert.alsoReportedBy()));
        v.put("alsoReportedCount", alert.alsoReportedBy().size());
        v.put("update", alert.revision() > 0 ? "Update: " + AlertTemplates.alsoReportedBy(alert) : "");
        v.put("storyId", AlertTemplates.clean(alert.storyId()));
        v.put("alertId", AlertTemplates.clean(alert.id()));
        return Collections.unmodifiableMap(v);
    }

    /**
     * The context of a digest.
     *
     * @param alerts     the contexts of its alerts ({@link #of}), at least one
     * @param alertsText what {@code {{alerts}}} renders: the alerts in the text form of the former item template
     * @param alertsHtml what {@code {{alertsHtml}}} renders: the same in HTML, escaped
     */
    static Map<String, Object> digest(boolean reminder, String group, List<Map<String, Object>> alerts,
            String alertsText, String alertsHtml) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", reminder ? "reminder" : "group");
        v.put("reminder", reminder);
        v.put("count", alerts.size());
        String label = AlertTemplates.clean(group);
        v.put("group", label.isEmpty() ? "all" : label);
        v.put("summary", AlertTemplates.digestSummary(reminder, alerts.size()));
        v.put("alerts", new Items(alerts, alertsText));
        v.put("alertsHtml", new Html(alertsHtml));
        return Collections.unmodifiableMap(v);
    }

    /**
     * Contexts that enter every section and every inverted section of a per-alert template at least once: one
     * alert with every field set, every list longer than a message shows, and items of each role, and one alert
     * with nothing set. Rendering a template against both is how a load finds a name it does not know.
     */
    static List<Map<String, Object>> alertSamples() {
        return List.of(of(fullSample()), of(emptySample()));
    }

    /** Like {@link #alertSamples()} for the digest templates: a reminder and a group, with full and empty alerts. */
    static List<Map<String, Object>> digestSamples() {
        List<Map<String, Object>> alerts = alertSamples();
        return List.of(digest(true, "", alerts, "text", "<p>html</p>"),
                digest(false, "rule=sample", alerts.subList(0, 1), "text", "<p>html</p>"));
    }

    private static Map<String, Object> evidenceItem(Evidence e, boolean proof) {
        String sentence = Proofs.cut(AlertTemplates.clean(e.text()), Proofs.MAX_EVIDENCE_CHARS);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sentence", sentence);
        item.put("sentenceHtml", new Html(Highlights.mark(sentence, cleanTerms(e.matched()),
                AlertTemplates::escapeHtml, "<mark>", "</mark>")));
        item.put("role", e.isDecisive() ? Evidence.DECISIVE : Evidence.CONTEXT);
        item.put("decisive", e.isDecisive());
        item.put("proof", proof);
        return Collections.unmodifiableMap(item);
    }

    private static Map<String, Object> eventItem(ViolationEvent e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("summary", eventText(e.summary()));
        item.put("commodity", eventText(e.commodity()));
        item.put("from", eventText(e.from()));
        item.put("to", eventText(e.to()));
        String amount = ViolationEvent.amountText(e.amount(), e.unit());
        item.put("amount", eventText(amount));
        item.put("places", eventText(String.join(" → ", cleanTerms(e.places()))));
        item.put("vessels", eventText(AlertTemplates.joined(e.vessels())));
        item.put("status", eventText(e.status()));
        item.put("attribution", eventText(e.attribution()));
        return Collections.unmodifiableMap(item);
    }

    private static String eventText(String s) {
        return Proofs.cut(AlertTemplates.clean(s), Proofs.MAX_EVENT_CHARS);
    }

    private static List<String> cleanTerms(List<String> terms) {
        return terms.stream().map(AlertTemplates::clean).filter(t -> !t.isEmpty()).toList();
    }

    /** The former {@code {{events}}}: a blank line, a heading and one indented line per event line. */
    private static String eventsText(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nEvents:\n");
        for (String line : lines) {
            out.append("  ").append(line.startsWith("+") ? "" : "- ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The former {@code {{eventsHtml}}}: a heading and a list, the lines escaped. */
    private static String eventsHtml(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<p style=\"margin-bottom: 0;\"><strong>Events</strong></p>\n<ul>");
        for (String line : lines) {
            out.append("<li>").append(AlertTemplates.escapeHtml(line)).append("</li>");
        }
        return out.append("</ul>\n").toString();
    }

    private static Alert fullSample() {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("sample", Evidence.CONTEXT, "A context sentence.", 0, 19, List.of("context")));
        IntStream.rangeClosed(0, Proofs.MAX_OTHER_EVIDENCE).forEach(i -> evidence.add(new Evidence("sample",
                "Decisive sentence " + i + ".", 20 + i, 40 + i, List.of("sentence"))));
        ViolationEvent listed = new ViolationEvent("munitions", "KP", "RU", 1000L, "container", List.of("Najin"),
                List.of("Sample Vessel"), List.of("9000000"), List.of("2270"), ViolationEvent.POSSIBLE, "a sample",
                new ViolationEvent.Span("Decisive sentence 0.", 20, 40));
        ViolationEvent bare = new ViolationEvent("coal", null, null, null, null, null, null, null, null, null, null,
                null);
        List<ViolationEvent> events = new ArrayList<>();
        events.add(bare);
        IntStream.range(0, Proofs.MAX_EVENT_LINES).forEach(i -> events.add(listed));
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        return new Alert(Alert.SCHEMA_VERSION, "alert-sample", "rule-sample", "Sample rule", "1", "warning",
                "story-sample", "article-sample", "Sample title", "https://example.org/sample", "source-sample", at,
                List.of("KP"), List.of("sample"), evidence, at).updated(List.of("outlet-a", "outlet-b"), at)
                .withEvents(events);
    }

    private static Alert emptySample() {
        return new Alert(Alert.SCHEMA_VERSION, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
