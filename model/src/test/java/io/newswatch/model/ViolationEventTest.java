package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.serde.JsonSerde;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViolationEventTest {

    private static ViolationEvent event(String from, String to, String commodity, Long amount, String unit,
                                        List<String> places, String status, String attribution) {
        return new ViolationEvent(commodity, from, to, amount, unit, places, List.of(), List.of(), List.of(), status,
                attribution, new ViolationEvent.Span("s", 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            all parts          | KP   | RU   | munitions   | 1000    | container | Najin;Dunay | asserted | the White House | KP → RU · munitions · 1,000 containers · Najin → Dunay · asserted (the White House)
            no amount or place | RU   | KP   | military-technology | null | null | ''          | possible | null            | RU → KP · military-technology · possible
            unknown receiver   | KP   | null | workers     | 5000000 | worker    | ''          | asserted | ''              | KP → ? · workers · 5,000,000 workers · asserted
            one of a unit      | KP   | RU   | missiles    | 1       | launcher  | ''          | asserted | null            | KP → RU · missiles · 1 launcher · asserted
            unit ending in y   | RU   | KP   | weapons     | 3       | battery   | ''          | possible | null            | RU → KP · weapons · 3 batteries · possible
            unit ending in ss  | KP   | RU   | other-goods | 2       | glass     | ''          | asserted | null            | KP → RU · other-goods · 2 glass · asserted
            """)
    void summaryIsOneLineOfTheStatedParts(String label, String from, String to, String commodity, Long amount,
                                          String unit, String places, String status, String attribution,
                                          String expected) {
        List<String> placeList = places.isEmpty() ? List.of() : List.of(places.split(";"));
        assertThat(event(from, to, commodity, amount, unit, placeList, status, attribution).summary())
                .isEqualTo(expected).doesNotContain("\n");
    }

    @Test
    void summaryNamesVesselsAndResolutions() {
        ViolationEvent e = new ViolationEvent("petroleum", "RU", "KP", null, null, List.of("Vostochny"),
                List.of("Lady R"), List.of("9123456"), List.of("2375", "2397"), "asserted", null, null);
        assertThat(e.summary()).isEqualTo("RU → KP · petroleum · Vostochny · Lady R · UNSCR 2375, 2397 · asserted");
    }

    @Test
    void unknownCommodityOrStatusIsRefusedWithTheAllowedValues() {
        assertThatThrownBy(() -> event("KP", "RU", "bananas", null, null, List.of(), "asserted", null))
                .hasMessageContaining("bananas").hasMessageContaining("munitions");
        assertThatThrownBy(() -> event("KP", "RU", "coal", null, null, List.of(), "rumoured", null))
                .hasMessageContaining("rumoured");
    }

    @Test
    void jsonRoundTripKeepsEveryField() {
        ViolationEvent e = new ViolationEvent("coal", "KP", "CN", 120000L, "tonne", List.of("Nampo"),
                List.of("Wan Heng 11"), List.of("8405220"), List.of("2371"), "asserted", "the panel",
                new ViolationEvent.Span("Coal was loaded at Nampo.", 10, 35));
        var serde = JsonSerde.of(ViolationEvent.class);
        byte[] json = serde.serializer().serialize("t", e);
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(e);
    }

    @Test
    void evidenceWithoutARoleReadsAsDecisiveAndFirstDecisiveSkipsContext() {
        var serde = JsonSerde.of(Evidence.class);
        Evidence old = serde.deserializer().deserialize("t",
                "{\"tag\":\"x\",\"text\":\"t\",\"start\":0,\"end\":1,\"matched\":[]}".getBytes());
        assertThat(old.role()).isEqualTo(Evidence.DECISIVE);
        Evidence context = new Evidence("x", Evidence.CONTEXT, "menu", 0, 4, List.of());
        Evidence proof = new Evidence("x", Evidence.DECISIVE, "proof", 10, 15, List.of());
        assertThat(Evidence.firstDecisive(List.of(context, proof))).isEqualTo(proof);
        assertThat(Evidence.firstDecisive(List.of(context))).isEqualTo(context);
        assertThat(Evidence.firstDecisive(List.of())).isNull();
        assertThatThrownBy(() -> new Evidence("x", "maybe", "t", 0, 1, List.of())).hasMessageContaining("maybe");
    }
}
