package io.newswatch.streams.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswatch.model.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * newswatch's charts, one way everywhere: a page carries a chart's data as JSON ({@link #dataJson}) in an escaped
 * {@code data-chart} attribute, and one script, {@code charts.js} ({@link #glueScript}), turns every such element
 * into a uPlot chart (the uPlot WebJar, {@link #uplotScript} and {@link #uplotStyle}). The console serves these
 * files; the replay report, a single file opened from disk, carries them inline.
 *
 * <p>The data, which {@code charts.js} reads with {@code JSON.parse} and never executes:
 * {@code {"x": [epoch seconds...], "series": [{"label": name, "values": [...]}...], "unit": "hour"|"day"|"month"}}.
 * The script gives the series, in order, the colours of one palette (Tableau 10), dashed from the eleventh on, and
 * writes times in UTC.
 *
 * <p>Failure behaviour: the texts are read once, when the class is first used; a resource missing from the class
 * path (a broken build) fails that first use with an {@link IllegalStateException} naming it, as the cause of an
 * {@link ExceptionInInitializerError}.
 */
public final class UplotCharts {
    /** Where the chart script is on the class path. */
    public static final String GLUE_RESOURCE = "/io/newswatch/streams/charts/charts.js";
    private static final String WEBJAR = "/META-INF/resources/webjars/uplot/";

    private static final String VERSION = webjarVersion();
    private static final String GLUE = resource(GLUE_RESOURCE);
    private static final String UPLOT_JS = resource(WEBJAR + VERSION + "/dist/uPlot.iife.min.js");
    private static final String UPLOT_CSS = resource(WEBJAR + VERSION + "/dist/uPlot.min.css");
    private static final String UPLOT_LICENSE = resource(WEBJAR + VERSION + "/LICENSE");

    private UplotCharts() {
    }

    /**
     * A chart's data as {@code charts.js} reads it.
     *
     * @param times  the x values, in order
     * @param series each series' name and its values, one per time, in the order they get their colours
     * @param unit   the step between times: {@code hour}, {@code day} or {@code month} (how a time is written)
     * @throws IllegalArgumentException when a series has not one value per time, or the unit is another word
     */
    public static String dataJson(List<Instant> times, Map<String, long[]> series, String unit) {
        if (!List.of("hour", "day", "month").contains(unit)) {
            throw new IllegalArgumentException("a chart's unit is hour, day or month, not " + unit);
        }
        List<Long> x = new ArrayList<>(times.size());
        times.forEach(t -> x.add(t.getEpochSecond()));
        List<Map<String, Object>> ys = new ArrayList<>(series.size());
        series.forEach((name, values) -> {
            if (values.length != times.size()) {
                throw new IllegalArgumentException("the series " + name + " has " + values.length + " values for "
                        + times.size() + " times");
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("label", name);
            one.put("values", values);
            ys.add(one);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", x);
        data.put("series", ys);
        data.put("unit", unit);
        try {
            return Json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("numbers and strings are always JSON", e);
        }
    }

    /** {@code charts.js}: draws every {@code data-chart} element of the page with uPlot once the page is read. */
    public static String glueScript() {
        return GLUE;
    }

    /** uPlot itself (the IIFE build, which defines {@code window.uPlot}), minified, with its own banner. */
    public static String uplotScript() {
        return UPLOT_JS;
    }

    /** uPlot's stylesheet, minified. */
    public static String uplotStyle() {
        return UPLOT_CSS;
    }

    /** uPlot's licence (MIT), which a copy of the library carries with it. */
    public static String uplotLicense() {
        return UPLOT_LICENSE;
    }

    /** The uPlot version on the class path, from the WebJar's Maven properties. */
    public static String uplotVersion() {
        return VERSION;
    }

    private static String webjarVersion() {
        String name = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
        Properties props = new Properties();
        try (InputStream in = UplotCharts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the class path (" + name + ")");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return props.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = UplotCharts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
