package io.newswatch.streams.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The chart data the chart script reads, and the uPlot files read from the WebJar. */
class UplotChartsTest {
    private static final List<Instant> TWO_HOURS = List.of(Instant.parse("2026-03-02T08:00:00Z"),
            Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void theDataIsTimesInEpochSecondsAndTheSeriesInTheirOrder() {
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("ru-kp", new long[] {3, 0});
        series.put("\"quoted\" </script>", new long[] {1, 2});

        assertThat(UplotCharts.dataJson(TWO_HOURS, series, "hour")).isEqualTo("{\"x\":[1772438400,1772442000],"
                + "\"series\":[{\"label\":\"ru-kp\",\"values\":[3,0]},"
                + "{\"label\":\"\\\"quoted\\\" </script>\",\"values\":[1,2]}],\"unit\":\"hour\"}");
    }

    @ParameterizedTest(name = "unit {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hour  | true
            day   | true
            month | true
            week  | false
            Hour  | false
            ''    | false
            """)
    void theUnitIsHourDayOrMonth(String unit, boolean accepted) {
        Map<String, long[]> series = Map.of("ru-kp", new long[] {1, 2});
        if (accepted) {
            assertThat(UplotCharts.dataJson(TWO_HOURS, series, unit)).endsWith("\"unit\":\"" + unit + "\"}");
        } else {
            assertThatThrownBy(() -> UplotCharts.dataJson(TWO_HOURS, series, unit))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hour, day or month");
        }
    }

    @Test
    void aSeriesNeedsOneValuePerTime() {
        assertThatThrownBy(() -> UplotCharts.dataJson(TWO_HOURS, Map.of("ru-kp", new long[] {1}), "hour"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ru-kp has 1 values for 2 times");
    }

    @Test
    void theUplotFilesComeFromTheWebJarOfThePinnedVersion() {
        assertThat(UplotCharts.uplotVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(UplotCharts.uplotScript()).startsWith("/*! https://github.com/leeoniya/uPlot (v"
                + UplotCharts.uplotVersion() + ")").contains("var uPlot=");
        assertThat(UplotCharts.uplotStyle()).contains(".uplot");
        assertThat(UplotCharts.uplotLicense()).startsWith("The MIT License");
        assertThat(UplotCharts.glueScript()).contains("window.newswatchCharts = { draw: draw };")
                .contains("JSON.parse(box.getAttribute('data-chart'))");
    }
}
