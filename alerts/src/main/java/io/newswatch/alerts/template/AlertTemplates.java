package io.newswatch.alerts.template;

import com.samskivert.mustache.Escapers;
import io.newswatch.model.Alert;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The texts of alert messages (e-mail subject and bodies, Slack fallback text), and of digests (one e-mail
 * listing the alerts of a group or a reminder), from Mustache templates a user can override.
 *
 * <p>Template language: logic-less Mustache rendered by JMustache: variables, sections over lists
 * ({@code {{#evidence}}}, {@code {{#otherEvidence}}}, {@code {{#events}}}, a digest's {@code {{#alerts}}}) and over
 * values (shown unless empty, zero or false), inverted sections and comments; no partials, no change of delimiters.
 * docs/guide.md lists the names; {@code AlertContext} builds them. A missing field renders as an empty string (a
 * missing publication time as {@code unknown}). Templates written for the former {@code {{name}}} placeholders
 * render as they did: a list's name used as a variable renders the former text of that name.
 *
 * <p>Escaping: a template whose name ends in {@code .html} escapes every value with JMustache's HTML escaper
 * ({@code & < > " ' ` =}), except the markup values ({@code evidenceHtml}, {@code otherEvidenceHtml},
 * {@code eventsHtml}, {@code alertsHtml}, an evidence item's {@code sentenceHtml}), which are escaped already and
 * render as they are whether written {@code {{name}}} or {@code {{{name}}}}; any other value written raw is
 * refused. {@code .txt} templates escape nothing (the receiver escapes for its channel). Line breaks and control
 * characters in values are folded into spaces first: a hostile headline cannot add lines to a subject.
 *
 * <p>Loading: {@link #defaults()} reads the templates of {@link #NAMES} from the classpath; {@link #load(Path)}
 * takes each of them that is present in a directory instead of its default, refuses the {@link #RETIRED} files, and
 * ignores every other file. Each template is checked when it is loaded, so that rendering it cannot fail: an
 * unknown name (misspelt, or a digest name in a per-alert template or the reverse), a {@code {{} or a section never
 * closed, or a raw value in HTML is an {@link IllegalArgumentException} naming the file and, where there is one,
 * the name and line. Instances are immutable and thread-safe.
 */
public final class AlertTemplates {
    public static final String EMAIL_SUBJECT = "email-subject.txt";
    public static final String EMAIL_BODY_TEXT = "email-body.txt";
    public static final String EMAIL_BODY_HTML = "email-body.html";
    public static final String SLACK_TEXT = "slack-text.txt";
    public static final String EMAIL_DIGEST_SUBJECT = "email-digest-subject.txt";
    public static final String EMAIL_DIGEST_BODY_TEXT = "email-digest-body.txt";
    public static final String EMAIL_DIGEST_BODY_HTML = "email-digest-body.html";

    /** The template files, in the order they are loaded. */
    public static final List<String> NAMES = List.of(EMAIL_SUBJECT, EMAIL_BODY_TEXT, EMAIL_BODY_HTML, SLACK_TEXT,
            EMAIL_DIGEST_SUBJECT, EMAIL_DIGEST_BODY_TEXT, EMAIL_DIGEST_BODY_HTML);

    /**
     * The former digest item templates: the digest bodies hold their text in a {@code {{#alerts}}} section now, so
     * {@link #load(Path)} refuses a directory that still has one rather than ignore what the user wrote.
     */
    public static final List<String> RETIRED = List.of("email-digest-item.txt", "email-digest-item.html");

    private static final Set<String> DIGEST_TEMPLATES = Set.of(EMAIL_DIGEST_SUBJECT, EMAIL_DIGEST_BODY_TEXT,
            EMAIL_DIGEST_BODY_HTML);
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String ALERT_NAMES_TEXT = MustacheTemplate.sorted(AlertContext.ALERT_NAMES)
            + "; in {{#evidence}} and {{#otherEvidence}}: " + MustacheTemplate.sorted(AlertContext.EVIDENCE_NAMES)
            + "; in {{#events}}: " + MustacheTemplate.sorted(AlertContext.EVENT_NAMES);
    private static final String DIGEST_NAMES_TEXT = MustacheTemplate.sorted(AlertContext.DIGEST_NAMES)
            + "; in {{#alerts}}: the names of a per-alert template";

    private static volatile Builtin builtin;

    private final Map<String, MustacheTemplate> templates;

    private AlertTemplates(Map<String, MustacheTemplate> templates) {
        this.templates = Map.copyOf(templates);
    }

    /**
     * The built-in templates.
     *
     * @throws IllegalStateException when a built-in template is missing from the classpath (a broken build)
     */
    public static AlertTemplates defaults() {
        return builtin().defaults();
    }

    /**
     * The built-in templates, each replaced by the file of the same name in {@code dir} when there is one.
     *
     * @throws IllegalArgumentException when {@code dir} is not a directory, holds one of the {@link #RETIRED} files,
     *                                  or a template in it fails a check (see the class comment; the message names
     *                                  the file)
     * @throws IOException              when a template file cannot be read or is not UTF-8
     */
    public static AlertTemplates load(Path dir) throws IOException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("template directory " + dir + " is not a directory");
        }
        for (String retired : RETIRED) {
            if (Files.exists(dir.resolve(retired))) {
                throw new IllegalArgumentException("template " + dir.resolve(retired) + " is no longer read: "
                        + "digest bodies list their alerts in a {{#alerts}}...{{/alerts}} section; move its text "
                        + "into that section of " + EMAIL_DIGEST_BODY_TEXT + " or " + EMAIL_DIGEST_BODY_HTML
                        + " in the same directory and delete it");
            }
        }
        Map<String, MustacheTemplate> loaded = new LinkedHashMap<>(builtin().defaults().templates);
        for (String name : NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                loaded.put(name, compile(name, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
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
        return template(name).render(AlertContext.of(Objects.requireNonNull(alert, "alert")));
    }

    /**
     * Renders a digest subject or body for a group's or a reminder's alerts.
     *
     * @param name     {@link #EMAIL_DIGEST_SUBJECT}, {@link #EMAIL_DIGEST_BODY_TEXT} or
     *                 {@link #EMAIL_DIGEST_BODY_HTML}
     * @param reminder whether the digest reminds of alerts already notified
     * @param group    the group's label ({@code {{group}}}, line breaks folded; {@code all} when empty)
     * @throws IllegalArgumentException when {@code name} is not a digest template, or {@code alerts} is empty
     */
    public String renderDigest(String name, boolean reminder, String group, List<Alert> alerts) {
        if (!DIGEST_TEMPLATES.contains(name)) {
            throw new IllegalArgumentException("template " + name + " is not a digest template; digests: "
                    + MustacheTemplate.sorted(DIGEST_TEMPLATES));
        }
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a digest lists at least one alert");
        }
        List<Map<String, Object>> items = alerts.stream().map(AlertContext::of).toList();
        StringBuilder text = new StringBuilder(512 * items.size());
        StringBuilder html = new StringBuilder(512 * items.size());
        for (Map<String, Object> item : items) {
            text.append(builtin().formerItemText().render(item));
            html.append(builtin().formerItemHtml().render(item));
        }
        return template(name).render(AlertContext.digest(reminder, group, items, text.toString(),
                html.toString()));
    }

    /** The digest e-mail subject: the rendered template on one line, trimmed. */
    public String emailDigestSubject(boolean reminder, String group, List<Alert> alerts) {
        return renderDigest(EMAIL_DIGEST_SUBJECT, reminder, group, alerts).replaceAll("\\s+", " ").strip();
    }

    /**
     * What a digest is, in a few words for a headline: {@code 3 alerts}, {@code 1 alert}, or for a reminder
     * {@code Reminder: 2 open alerts}.
     */
    public static String digestSummary(boolean reminder, int count) {
        String alerts = count + (reminder ? " open" : "") + (count == 1 ? " alert" : " alerts");
        return reminder ? "Reminder: " + alerts : alerts;
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

    /** The article's publication time as {@code yyyy-MM-dd HH:mm UTC}; {@code unknown} when it has none. */
    public static String publishedAt(Alert alert) {
        return alert.publishedAt() == null ? "unknown" : PUBLISHED.format(alert.publishedAt());
    }

    /** The items {@link #clean}ed, the empty ones dropped, joined with {@code ", "}. */
    public static String joined(List<String> items) {
        return String.join(", ", items.stream().map(AlertTemplates::clean).filter(s -> !s.isEmpty()).toList());
    }

    /**
     * Escapes text for HTML text and attribute values with JMustache's HTML escaper, the one HTML templates apply
     * to their values: {@code & < > " ' ` =}.
     */
    public static String escapeHtml(String s) {
        return Escapers.HTML.escape(s);
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

    private MustacheTemplate template(String name) {
        MustacheTemplate template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("no template named " + name + "; known: " + NAMES);
        }
        return template;
    }

    /**
     * @param name   which template this is (one of {@link #NAMES}), which decides its names and escaping
     * @param source what to call the template in errors: its file path, or its name for a built-in one
     */
    private static MustacheTemplate compile(String name, String source, String text) {
        boolean digest = DIGEST_TEMPLATES.contains(name);
        return MustacheTemplate.compile(source, withoutBom(text), name.endsWith(".html"),
                digest ? AlertContext.digestSamples() : AlertContext.alertSamples(),
                digest ? DIGEST_NAMES_TEXT : ALERT_NAMES_TEXT);
    }

    private static String readBuiltin(String resource) {
        try (InputStream in = AlertTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in template " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in template " + resource, e);
        }
    }

    private static String withoutBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static Builtin builtin() {
        Builtin b = builtin;
        if (b == null) {
            // two threads may both compile; either result will do, they are equal and immutable
            b = Builtin.compile();
            builtin = b;
        }
        return b;
    }

    /**
     * The built-in templates, and the former item templates that render {@code {{alerts}}} and
     * {@code {{alertsHtml}}} for digest bodies written before sections.
     */
    private record Builtin(AlertTemplates defaults, MustacheTemplate formerItemText,
            MustacheTemplate formerItemHtml) {
        static Builtin compile() {
            Map<String, MustacheTemplate> loaded = new LinkedHashMap<>();
            for (String name : NAMES) {
                loaded.put(name, AlertTemplates.compile(name, name, readBuiltin(name)));
            }
            return new Builtin(new AlertTemplates(loaded), former(EMAIL_BODY_TEXT, "email-digest-item.txt"),
                    former(EMAIL_BODY_HTML, "email-digest-item.html"));
        }

        /** A former item template, checked as the per-alert template of the same format. */
        private static MustacheTemplate former(String like, String file) {
            String resource = "former/" + file;
            return AlertTemplates.compile(like, resource, readBuiltin(resource));
        }
    }
}
