package io.newswatch.alerts.template;

import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The texts of alert messages (e-mail subject and bodies, Slack fallback text), and of digests (one e-mail
 * listing the alerts of a group or a reminder), from templates a user can override.
 *
 * <p>Template language: {@code {{name}}} is replaced by the alert's value of that name (spaces inside the braces
 * are allowed); there is no logic, no loops, no way to write a literal {@code {{}. The names are listed in
 * {@link #PLACEHOLDERS}; {@link #values(Alert)} says what each holds. A missing field renders as an empty string
 * (a missing publication time as {@code unknown}).
 *
 * <p>Digests: {@link #EMAIL_DIGEST_SUBJECT}, {@link #EMAIL_DIGEST_BODY_TEXT} and {@link #EMAIL_DIGEST_BODY_HTML}
 * take the digest's placeholders instead ({@link #DIGEST_PLACEHOLDERS}, see {@link #digestValues}); their
 * {@code {{alerts}}} and {@code {{alertsHtml}}} are the alerts, each rendered with {@link #EMAIL_DIGEST_ITEM_TEXT}
 * or {@link #EMAIL_DIGEST_ITEM_HTML}, which take the per-alert placeholders like the other templates.
 *
 * <p>Escaping: in a template whose name ends in {@code .html} every value is HTML-escaped, except
 * {@code evidenceHtml}, {@code otherEvidenceHtml}, {@code eventsHtml} and {@code alertsHtml}, which already are
 * escaped markup; in {@code .txt} templates values
 * are never escaped (the receiver that sends them decides what its channel needs). Values come from scraped pages,
 * so line breaks and control characters in them are folded into spaces before either: a hostile headline cannot
 * add lines to a subject.
 *
 * <p>Loading: {@link #defaults()} reads the templates of {@link #NAMES} from the classpath; {@link #load(Path)}
 * takes each of them that is present in a directory instead of its default, and ignores every other file. A
 * template naming a placeholder it does not take (a digest placeholder in a per-alert template or the reverse), or
 * with a {@code {{} that is never closed, is rejected at load time with an {@link IllegalArgumentException} naming
 * the file and the placeholder. Instances are immutable and thread-safe.
 */
public final class AlertTemplates {
    public static final String EMAIL_SUBJECT = "email-subject.txt";
    public static final String EMAIL_BODY_TEXT = "email-body.txt";
    public static final String EMAIL_BODY_HTML = "email-body.html";
    public static final String SLACK_TEXT = "slack-text.txt";
    public static final String EMAIL_DIGEST_SUBJECT = "email-digest-subject.txt";
    public static final String EMAIL_DIGEST_BODY_TEXT = "email-digest-body.txt";
    public static final String EMAIL_DIGEST_BODY_HTML = "email-digest-body.html";
    public static final String EMAIL_DIGEST_ITEM_TEXT = "email-digest-item.txt";
    public static final String EMAIL_DIGEST_ITEM_HTML = "email-digest-item.html";

    /** The template files, in the order they are loaded. */
    public static final List<String> NAMES = List.of(EMAIL_SUBJECT, EMAIL_BODY_TEXT, EMAIL_BODY_HTML, SLACK_TEXT,
            EMAIL_DIGEST_SUBJECT, EMAIL_DIGEST_BODY_TEXT, EMAIL_DIGEST_BODY_HTML, EMAIL_DIGEST_ITEM_TEXT,
            EMAIL_DIGEST_ITEM_HTML);

    /** Every placeholder a per-alert template (all but the digest subject and bodies) may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("title", "ruleId", "ruleTitle", "severity", "url",
            "sourceId", "publishedAt", "evidence", "evidenceHtml", "entities", "tags", "revision", "alsoReportedBy",
            "alsoReportedCount", "update", "storyId", "alertId", "events", "eventsHtml", "otherEvidence",
            "otherEvidenceHtml");


    /** Every placeholder the digest subject and bodies may use; see {@link #digestValues}. */
    public static final Set<String> DIGEST_PLACEHOLDERS = Set.of("kind", "count", "group", "summary", "alerts",
            "alertsHtml");

    private static final Set<String> DIGEST_TEMPLATES = Set.of(EMAIL_DIGEST_SUBJECT, EMAIL_DIGEST_BODY_TEXT,
            EMAIL_DIGEST_BODY_HTML);
    private static final Set<String> RAW_HTML_VALUES = Set.of("evidenceHtml", "alertsHtml", "eventsHtml",
            "otherEvidenceHtml");
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, Template> templates;

    private AlertTemplates(Map<String, Template> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * The built-in templates.
     *
     * @throws IllegalStateException when a built-in template is missing from the classpath (a broken build)
     */
    public static AlertTemplates defaults() {
        Map<String, Template> loaded = new LinkedHashMap<>();
        for (String name : NAMES) {
            loaded.put(name, Template.parse(name, name, readDefault(name)));
        }
        return new AlertTemplates(loaded);
    }

    /**
     * The built-in templates, each replaced by the file of the same name in {@code dir} when there is one.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory, or a template in it names an unknown
     *                                  placeholder or leaves a {@code {{} open (the message names the file)
     * @throws IOException              when a template file cannot be read or is not UTF-8
     */
    public static AlertTemplates load(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("template directory " + dir + " is not a directory");
        }
        Map<String, Template> loaded = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                loaded.put(name, Template.parse(name, file.toString(), withoutBom(Files.readString(file,
                        StandardCharsets.UTF_8))));
            } else {
                loaded.put(name, Template.parse(name, name, readDefault(name)));
            }
        }
        return new AlertTemplates(loaded);
    }

    /**
     * Renders one per-alert template for an alert.
     *
     * @param name one of {@link #NAMES}, not a digest subject or body
     * @throws IllegalArgumentException when {@code name} is not a per-alert template name
     */
    public String render(String name, Alert alert) {
        if (DIGEST_TEMPLATES.contains(name)) {
            throw new IllegalArgumentException("template " + name + " renders a digest, not one alert");
        }
        return template(name).render(values(alert));
    }

    /**
     * Renders a digest subject or body for a group's or a reminder's alerts, each alert rendered with the item
     * template of the same kind (text or HTML).
     *
     * @param name     {@link #EMAIL_DIGEST_SUBJECT}, {@link #EMAIL_DIGEST_BODY_TEXT} or
     *                 {@link #EMAIL_DIGEST_BODY_HTML}
     * @param reminder whether the digest reminds of alerts already notified
     * @param group    the group's label; see {@link #digestValues}
     * @throws IllegalArgumentException when {@code name} is not a digest template, or {@code alerts} is empty
     */
    public String renderDigest(String name, boolean reminder, String group, List<Alert> alerts) {
        if (!DIGEST_TEMPLATES.contains(name)) {
            throw new IllegalArgumentException("template " + name + " is not a digest template; digests: "
                    + DIGEST_TEMPLATES.stream().sorted().toList());
        }
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a digest lists at least one alert");
        }
        StringBuilder text = new StringBuilder(512 * alerts.size());
        StringBuilder html = new StringBuilder(512 * alerts.size());
        for (Alert alert : alerts) {
            Map<String, String> values = values(alert);
            text.append(template(EMAIL_DIGEST_ITEM_TEXT).render(values));
            html.append(template(EMAIL_DIGEST_ITEM_HTML).render(values));
        }
        return template(name).render(digestValues(reminder, group, alerts.size(), text.toString(),
                html.toString()));
    }

    /** The digest e-mail subject: the rendered template on one line, trimmed. */
    public String emailDigestSubject(boolean reminder, String group, List<Alert> alerts) {
        return renderDigest(EMAIL_DIGEST_SUBJECT, reminder, group, alerts).replaceAll("\\s+", " ").strip();
    }

    /**
     * The unescaped value of every digest placeholder: {@code kind} ({@code group} or {@code reminder}),
     * {@code count} (how many alerts), {@code group} (the group's label, line breaks folded; {@code all} when
     * empty), {@code summary} ({@link #digestSummary}), {@code alerts} (the rendered text items, concatenated) and
     * {@code alertsHtml} (the rendered HTML items, already escaped).
     */
    static Map<String, String> digestValues(boolean reminder, String group, int count, String alertsText,
            String alertsHtml) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("kind", reminder ? "reminder" : "group");
        v.put("count", Integer.toString(count));
        String label = clean(group);
        v.put("group", label.isEmpty() ? "all" : label);
        v.put("summary", digestSummary(reminder, count));
        v.put("alerts", alertsText);
        v.put("alertsHtml", alertsHtml);
        return v;
    }

    /**
     * What a digest is, in a few words for a headline: {@code 3 alerts}, {@code 1 alert}, or for a reminder
     * {@code Reminder: 2 open alerts}.
     */
    public static String digestSummary(boolean reminder, int count) {
        String alerts = count + (reminder ? " open" : "") + (count == 1 ? " alert" : " alerts");
        return reminder ? "Reminder: " + alerts : alerts;
    }

    private Template template(String name) {
        Template template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no template named " + name + "; known: " + NAMES);
        }
        return template;
    }

    /** The e-mail subject: the rendered template on one line, trimmed. */
    public String emailSubject(Alert alert) {
        return render(EMAIL_SUBJECT, alert).replaceAll("\\s+", " ").strip();
    }

    /** The plain-text e-mail body. */
    public String emailText(Alert alert) {
        return render(EMAIL_BODY_TEXT, alert);
    }

    /** The HTML e-mail body. */
    public String emailHtml(Alert alert) {
        return render(EMAIL_BODY_HTML, alert);
    }

    /** The Slack fallback text (what notifications show), not yet escaped for Slack. */
    public String slackText(Alert alert) {
        return render(SLACK_TEXT, alert).strip();
    }

    /**
     * The unescaped value of every placeholder for an alert: {@code title}, {@code ruleId}, {@code ruleTitle},
     * {@code severity} (lower case, {@code info} when absent), {@code url} (empty unless http or https),
     * {@code sourceId}, {@code publishedAt} ({@code yyyy-MM-dd HH:mm UTC} or {@code unknown}), {@code evidence}
     * (the first evidence sentence),
     * {@code evidenceHtml} (that sentence HTML-escaped with the matched terms in {@code <mark>}), {@code entities},
     * {@code tags}, {@code alsoReportedBy} (comma-separated), {@code revision}, {@code alsoReportedCount},
     * {@code update} (empty for a first alert, else {@code Update: also reported by N outlets}),
     * {@code storyId} and {@code alertId}.
     */
    public static Map<String, String> values(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", clean(alert.title()));
        v.put("ruleId", clean(alert.ruleId()));
        v.put("ruleTitle", clean(alert.ruleTitle()));
        v.put("severity", severity(alert));
        v.put("url", webUrl(alert.url()));
        v.put("sourceId", clean(alert.sourceId()));
        v.put("publishedAt", alert.publishedAt() == null ? "unknown" : PUBLISHED.format(alert.publishedAt()));
        Evidence first = Evidence.firstDecisive(alert.evidence());
        String sentence = first == null ? "" : Proofs.cut(clean(first.text()), Proofs.MAX_EVIDENCE_CHARS);
        v.put("evidence", sentence);
        v.put("evidenceHtml", first == null ? "" : Highlights.mark(sentence, cleanAll(first.matched()),
                AlertTemplates::escapeHtml, "<mark>", "</mark>"));
        List<Evidence> others = Proofs.otherEvidence(alert);
        v.put("otherEvidence", Proofs.otherEvidenceText(others));
        v.put("otherEvidenceHtml", Proofs.otherEvidenceHtml(others));
        List<String> events = Proofs.eventLines(alert);
        v.put("events", events.isEmpty() ? "" : "\nEvents:\n" + events.stream().map(e -> "  " + (e.startsWith("+")
                ? e : "- " + e) + "\n").reduce("", String::concat));
        v.put("eventsHtml", events.isEmpty() ? "" : "<p style=\"margin-bottom: 0;\"><strong>Events</strong></p>\n<ul>"
                + events.stream().map(e -> "<li>" + escapeHtml(e) + "</li>").reduce("", String::concat) + "</ul>\n");
        v.put("entities", String.join(", ", cleanAll(alert.entities())));
        v.put("tags", String.join(", ", cleanAll(alert.tags())));
        v.put("revision", Integer.toString(alert.revision()));
        v.put("alsoReportedBy", String.join(", ", cleanAll(alert.alsoReportedBy())));
        v.put("alsoReportedCount", Integer.toString(alert.alsoReportedBy().size()));
        v.put("update", alert.revision() > 0 ? "Update: " + alsoReportedBy(alert) : "");
        v.put("storyId", clean(alert.storyId()));
        v.put("alertId", clean(alert.id()));
        return v;
    }

    /**
     * The URL when it is an absolute http(s) URL, else "": a scraped {@code javascript:} or {@code data:} link must
     * not become something a reader can click.
     */
    public static String webUrl(String url) {
        String u = clean(url);
        String lower = u.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && u.indexOf(' ') < 0 ? u : "";
    }

    /** {@code also reported by N outlet(s)}, for updates. */
    public static String alsoReportedBy(Alert alert) {
        int n = alert.alsoReportedBy().size();
        return "also reported by " + n + " outlet" + (n == 1 ? "" : "s");
    }

    /** The alert's severity in lower case; {@code info} when it has none. */
    public static String severity(Alert alert) {
        String s = clean(alert.severity()).toLowerCase(Locale.ROOT);
        return s.isEmpty() ? "info" : s;
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    public static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Folds whitespace runs (line breaks included) into one space, trims, and replaces control characters. */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        return sb.toString();
    }

    private static List<String> cleanAll(List<String> items) {
        List<String> out = new ArrayList<>(items.size());
        for (String item : items) {
            String c = clean(item);
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static String readDefault(String name) {
        try (InputStream in = AlertTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + name + " is missing from the classpath");
            }
            return withoutBom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in template " + name, e);
        }
    }

    private static String withoutBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** A parsed template: literal text and placeholder names, alternating as they stand. */
    private record Template(boolean html, List<String> literals, List<String> placeholders) {

        /**
         * @param name   which template this is (one of {@link #NAMES}), which decides the placeholders it may use
         * @param source what to call the template in errors: its file path, or its name for a default
         */
        static Template parse(String name, String source, String text) {
            Set<String> known = DIGEST_TEMPLATES.contains(name) ? DIGEST_PLACEHOLDERS : PLACEHOLDERS;
            List<String> literals = new ArrayList<>();
            List<String> placeholders = new ArrayList<>();
            int at = 0;
            for (int open = text.indexOf("{{"); open >= 0; open = text.indexOf("{{", at)) {
                int close = text.indexOf("}}", open + 2);
                if (close < 0) {
                    throw new IllegalArgumentException("template " + source + ": '{{' at line "
                            + line(text, open) + " is never closed with '}}'");
                }
                String placeholder = text.substring(open + 2, close).strip();
                if (!known.contains(placeholder)) {
                    throw new IllegalArgumentException("template " + source + ": unknown placeholder {{"
                            + placeholder + "}} at line " + line(text, open) + "; known: " + known.stream().sorted()
                            .toList());
                }
                literals.add(text.substring(at, open));
                placeholders.add(placeholder);
                at = close + 2;
            }
            literals.add(text.substring(at));
            return new Template(source.endsWith(".html"), List.copyOf(literals), List.copyOf(placeholders));
        }

        String render(Map<String, String> values) {
            StringBuilder out = new StringBuilder(256);
            for (int i = 0; i < placeholders.size(); i++) {
                String name = placeholders.get(i);
                String value = values.getOrDefault(name, "");
                out.append(literals.get(i)).append(html && !RAW_HTML_VALUES.contains(name) ? escapeHtml(value) : value);
            }
            return out.append(literals.get(literals.size() - 1)).toString();
        }

        private static int line(String text, int index) {
            return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
        }
    }
}
