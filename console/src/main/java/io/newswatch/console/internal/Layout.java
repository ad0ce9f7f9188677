package io.newswatch.console.internal;

import io.newswatch.streams.charts.UplotCharts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Properties;

/**
 * The frame every console page shares (head, navigation, main landmark) and the form pieces the pages are built
 * from. Every label and value passes through {@link Html#escape}; every form control has a visible label, so the
 * pages can be worked with the keyboard and read by a screen reader.
 */
public final class Layout {
    /** The pages in the navigation: path and name. */
    private static final String[][] NAV = {{"/", "Live alerts"}, {"/ledger", "Violations"}, {"/trends", "Trends"},
        {"/rules", "Rules"}, {"/silences", "Silences"}, {"/sources", "Sources"}};
    /** The htmx version the console was built with, read from the WebJar's own properties. */
    static final String HTMX = webjarVersion("org.webjars.npm", "htmx.org");
    /** The uPlot version (the charts), as the chart script knows it. */
    static final String UPLOT = UplotCharts.uplotVersion();

    private Layout() {
    }

    /** A whole page: {@code path} marks the current navigation entry; {@code body} is HTML already escaped. */
    public static String page(String path, String title, String body) {
        StringBuilder nav = new StringBuilder();
        for (String[] entry : NAV) {
            nav.append("<a href=\"").append(entry[0]).append('"')
                    .append(entry[0].equals(path) ? " aria-current=\"page\"" : "").append('>').append(entry[1])
                    .append("</a>");
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + Html.escape(title) + " · newswatch</title>"
                + "<meta name=\"htmx-config\" content='{\"includeIndicatorStyles\":false}'>"
                + "<link rel=\"stylesheet\" href=\"/webjars/uplot/" + UPLOT + "/dist/uPlot.min.css\">"
                + "<link rel=\"stylesheet\" href=\"/static/console.css\">"
                + "<script src=\"/webjars/uplot/" + UPLOT + "/dist/uPlot.iife.min.js\" defer></script>"
                + "<script src=\"/static/charts.js\" defer></script>"
                + "<script src=\"/webjars/htmx.org/" + HTMX + "/dist/htmx.min.js\" defer></script>"
                + "<script src=\"/static/console.js\" defer></script></head><body>"
                + "<a class=\"skip\" href=\"#main\">Skip to content</a><header><span class=\"brand\">newswatch</span>"
                + "<nav aria-label=\"Pages\">" + nav + "</nav></header><main id=\"main\"><h1>" + Html.escape(title)
                + "</h1>" + body + "</main></body></html>";
    }

    /** A labelled text field. */
    public static String input(String name, String label, String type, String value) {
        return "<label>" + Html.escape(label) + " <input type=\"" + type + "\" name=\"" + name + "\" value=\""
                + Html.escape(value) + "\"></label> ";
    }

    /** A labelled choice among {@code values}, with an empty "all" first. */
    public static String select(String name, String label, String chosen, Collection<String> values) {
        StringBuilder s = new StringBuilder("<label>" + Html.escape(label) + " <select name=\"" + name
                + "\"><option value=\"\">all</option>");
        for (String v : values) {
            s.append("<option").append(v.equals(chosen) ? " selected" : "").append(" value=\"")
                    .append(Html.escape(v)).append("\">").append(Html.escape(v)).append("</option>");
        }
        return s.append("</select></label> ").toString();
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** An instant as the pages write it, to the minute in UTC; empty for null. */
    public static String time(java.time.Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A hidden field carrying the form's CSRF token. */
    public static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(token) + "\">";
    }

    /** {@code value} encoded for a query string. */
    public static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    /** A notice: {@code kind} is {@code ok} or {@code error}; the text is escaped. */
    public static String notice(String kind, String text) {
        return "<p class=\"notice " + kind + "\" role=\"" + ("error".equals(kind) ? "alert" : "status") + "\">"
                + Html.escape(text) + "</p>";
    }

    /** The version of a WebJar on the class path, from its Maven properties; {@code missing} when absent. */
    static String webjarVersion(String group, String artifact) {
        try (InputStream in = Layout.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact
                + "/pom.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "missing");
        } catch (IOException e) {
            return "missing";
        }
    }
}
