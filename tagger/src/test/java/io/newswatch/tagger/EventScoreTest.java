package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link EventScore} on small tables. An event is written {@code commodity from to amount status places}, with
 * {@code -} for no amount or no places, {@code +} between places and {@code _} for a space in a place's name; events
 * on one page are separated by {@code |}.
 */
class EventScoreTest {
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = ';', nullValues = "none", value = {
            // labelled; predicted; found; invented; missed; amount right; status right; places found, extra, missed
            "munitions KP RU 1000 asserted Najin+Dunay; munitions KP RU 1000 asserted Najin+Dunay; 1;0;0; 1;1; 2;0;0",
            "coal KP CN - asserted Nampo; none;                                                     0;0;1; 0;0; 0;0;1",
            "none; funds KP RU - asserted -;                                                        0;1;0; 0;0; 0;0;0",
            "munitions KP RU - asserted -; munitions RU KP - asserted -;                            0;1;1; 0;0; 0;0;0",
            "petroleum RU KP 500000 asserted -; petroleum RU KP 1000 possible -;                    1;0;0; 0;0; 0;0;0",
            "coal KP CN - asserted Nampo; coal KP CN - asserted nampo+Dalian;                       1;0;0; 1;1; 1;1;0",
            "Munitions KP RU 20 asserted -; munitions kp ru 20 ASSERTED -;                          1;0;0; 1;1; 0;0;0",
            // one place in another spelling: a Russian or Ukrainian case ending, "port" written with the name, a
            // romanisation variant (ph/p, ai/ay), another dash
            "coal KP RU - asserted Находку+Приморского_края; coal KP RU - asserted Находкой+Приморском_крае; "
                    + "1;0;0; 1;1; 2;0;0",
            "missiles KP RU - asserted Харків; missiles KP RU - asserted Харкова;                    1;0;0; 1;1; 1;0;0",
            "coal KP CN - asserted port_of_Nampo; coal KP CN - asserted Nampho_port;                 1;0;0; 1;1; 1;0;0",
            "munitions KP RU - asserted 나진항+Dunai; munitions KP RU - asserted 나진+Dunay;              1;0;0; 1;1; 2;0;0",
            "coal KP CN - asserted 南浦港+宁波—舟山; coal KP CN - asserted 南浦+宁波-舟山;                 1;0;0; 1;1; 2;0;0",
            // but another place, or the same name with a different kind of place, stays apart
            "coal KP CN - asserted Nampo; coal KP CN - asserted Najin;                               1;0;0; 1;1; 0;1;1",
            "weapons KP RU - asserted Kharkiv_region; weapons KP RU - asserted Kharkiv;              1;0;0; 1;1; 0;1;1",
            "coal KP RU - asserted Холмск; coal KP RU - asserted Хасан;                             1;0;0; 1;1; 0;1;1",
            "petroleum - KP - asserted 香港; petroleum - KP - asserted 香;                              1;0;0; 1;1; 0;1;1",
            // two labelled under one key: the prediction pairs with the one it agrees with
            "munitions KP RU 1000 asserted -|munitions KP RU 20 possible -; munitions KP RU 20 possible -; "
                    + "1;0;1; 1;1; 0;0;0",
            // two predictions for one labelled event: the second is invented
            "troops KP RU 10000 asserted Kursk; troops KP RU 10000 asserted Kursk|troops KP RU - asserted Kursk; "
                    + "1;1;0; 1;1; 1;1;0",
    })
    void scoresOnePage(String labelled, String predicted, int found, int invented, int missed, int amountRight,
                       int statusRight, int placesFound, int placesExtra, int placesMissed) {
        EventScore score = new EventScore();
        score.add(events(labelled), events(predicted));
        assertThat(List.of(score.events.tp, score.events.fp, score.events.fn)).containsExactly(found, invented, missed);
        assertThat(score.matched).isEqualTo(found);
        assertThat(List.of(score.amountRight, score.statusRight)).containsExactly(amountRight, statusRight);
        assertThat(List.of(score.places.tp, score.places.fp, score.places.fn))
                .containsExactly(placesFound, placesExtra, placesMissed);
    }

    @Test
    void noPredictionsScoreZeroAndNeverNaN() {
        EventScore score = new EventScore();
        score.add(events("coal KP CN 3 asserted Nampo|workers KP RU - asserted -"), List.of());
        score.add(List.of(), List.of());
        assertThat(score.events.f1()).isZero();
        assertThat(score.events.recall()).isZero();
        assertThat(score.amountAccuracy()).isZero();
        assertThat(score.statusAccuracy()).isZero();
        assertThat(score.places.f1()).isZero();
        assertThat(score.summary()).contains("events F1 0.000", "P n/a", "2 expected, 0 predicted",
                "amount accuracy n/a (0 matched)");
    }

    @Test
    void figuresAddUpOverPages() {
        EventScore score = new EventScore();
        score.add(events("coal KP CN 3 asserted -"), events("coal KP CN 3 asserted -"));
        score.add(events("funds KP RU - asserted -"), events("funds KP CN - asserted -"));
        // found 1, invented 1, missed 1: P = R = 0.5; the one pair has the right amount and status
        assertThat(score.events.f1()).isCloseTo(0.5, within(1e-9));
        assertThat(score.amountAccuracy()).isEqualTo(1.0);
        assertThat(score.statusAccuracy()).isEqualTo(1.0);
    }

    private static List<ExpectedEvent> events(String table) {
        if (table == null || table.isBlank()) {
            return List.of();
        }
        return Arrays.stream(table.split("\\|")).map(String::strip).map(e -> {
            String[] f = e.split(" ");
            return new ExpectedEvent(f[0], f[1], f[2], f[3].equals("-") ? null : Long.valueOf(f[3]), null,
                    f[5].equals("-") ? List.of() : List.of(f[5].replace('_', ' ').split("\\+")), f[4], "");
        }).toList();
    }
}
