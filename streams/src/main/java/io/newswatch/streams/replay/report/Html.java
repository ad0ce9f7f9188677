package io.newswatch.streams.replay.report;

import io.newswatch.streams.charts.UplotCharts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.owasp.encoder.Encode;

/**
 * The HTML building blocks of the replay reports, written for untrusted article text: every text goes through
 * {@link #text}, every link through {@link #link}, and the page's own Content-Security-Policy forbids remote loads
 * and every script but the page's own inline ones (allowed by their SHA-256 hashes), so that a slip in escaping
 * still cannot run anything or call out.
 */
final class Html {
    /**
     * The scripts a page with a chart carries inline, in order: uPlot, under its licence, then newswatch's chart
     * script. Neither may hold {@code </script} or {@code <!--}, which would end or upset the element early.
     */
    private static final List<String> CHART_SCRIPTS = List.of(inlineable("/*! uPlot " + UplotCharts.uplotVersion()
            + " (MIT licence)\n" + comment(UplotCharts.uplotLicense()) + "*/\n" + UplotCharts.uplotScript()),
            inlineable(UplotCharts.glueScript()));
    private static final String CHART_STYLE = inlineable(UplotCharts.uplotStyle());

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;\
            margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222;background:#fff}
            h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #ddd}
            h3{font-size:1em;margin:1em 0 .3em}
            .meta{color:#555;margin:.2em 0}
            dl.figures{display:flex;flex-wrap:wrap;gap:.4em 1.6em;margin:.8em 0}
            dl.figures div{display:flex;flex-direction:column}dl.figures dt{color:#666;font-size:.85em}
            dl.figures dd{margin:0;font-size:1.2em;font-weight:600}
            table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ddd;padding:.2em .5em}
            th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            td.zero{color:#bbb}tr.total td,td.total{font-weight:600}
            figure.chart-box{margin:.5em 0;min-height:2em}
            ol.matches{padding-left:1.5em}ol.matches li{margin:.5em 0}
            .when,.source{color:#555;font-size:.9em;margin-right:.6em}
            blockquote{margin:.2em 0 .2em .2em;padding-left:.6em;border-left:3px solid #ddd;color:#333}
            .more{color:#555;font-style:italic}.old{color:#a33}.new{color:#272}
            details.context{color:#666;margin:.2em 0 .2em .2em}details.context summary{font-size:.9em;cursor:pointer}
            ul.events{margin:.2em 0;padding-left:1.4em}ul.events li{margin:.1em 0}
            """;

    private Html() {
    }

    /**
     * Escapes text for element content and quoted attribute values, by the OWASP Java Encoder ({@code & < > " '}
     * as character references, control characters other than line breaks and tabs as spaces); {@code null}
     * becomes {@code ""}.
     */
    static String text(String s) {
        return s == null ? "" : Encode.forHtml(s);
    }

    /**
     * A link to an article when its URL is plain {@code http} or {@code https}; any other URL (such as
     * {@code javascript:} or {@code data:}) is shown as text after the title, never put in an {@code href}.
     */
    static String link(String url, String label) {
        if (isWebUrl(url)) {
            return "<a href=\"" + text(url.strip()) + "\" rel=\"noopener noreferrer nofollow\">" + text(label) + "</a>";
        }
        if (url == null || url.isBlank()) {
            return text(label);
        }
        return text(label) + " <span class=\"source\">(" + text(url) + ")</span>";
    }

    /**
     * Whether a URL may go in an {@code href}: it starts with {@code http://} or {@code https://} and holds no
     * whitespace or control characters (which browsers strip, and which could hide another scheme).
     */
    static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        return u.chars().noneMatch(c -> c <= ' ' || Character.isISOControl(c));
    }

    /**
     * The page up to and including {@code <body>}, with the report's style and a policy that blocks every remote
     * load; with {@code chart}, also uPlot's style, and the policy allows the chart's inline scripts by hash (no
     * other script runs, inline or not).
     */
    static void open(StringBuilder out, String title, boolean chart) {
        StringBuilder policy = new StringBuilder("default-src 'none'; ");
        if (chart) {
            policy.append("script-src");
            CHART_SCRIPTS.forEach(script -> policy.append(" '").append(hash(script)).append('\''));
            policy.append("; ");
        }
        policy.append("style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'");
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(policy).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append(chart ? CHART_STYLE + "\n" : "").append("</style>\n")
                .append("</head>\n<body>\n");
    }

    /** The inline scripts of a page with a chart, in order. */
    static List<String> chartScripts() {
        return CHART_SCRIPTS;
    }

    /** A CSP source for an inline script: {@code sha256-} and the Base64 of the SHA-256 of its UTF-8 text. */
    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String inlineable(String code) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
            throw new IllegalStateException("cannot be put inline in a page: it holds </script, </style or <!--");
        }
        return code;
    }

    private static String comment(String text) {
        if (text.contains("*/")) {
            throw new IllegalStateException("the uPlot licence cannot go in a comment: it holds */");
        }
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** Closes what {@link #open} opened; with {@code chart}, the scripts come last, once the chart element exists. */
    static void close(StringBuilder out, boolean chart) {
        if (chart) {
            CHART_SCRIPTS.forEach(script -> out.append("<script>").append(script).append("</script>\n"));
        }
        out.append("</body>\n</html>\n");
    }

    /** One labelled figure of the header. */
    static void figure(StringBuilder out, String label, String value) {
        out.append("<div><dt>").append(text(label)).append("</dt><dd>").append(text(value)).append("</dd></div>\n");
    }
}
