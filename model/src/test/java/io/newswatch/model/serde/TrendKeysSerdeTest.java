package io.newswatch.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.TrendKeys;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrendKeysSerdeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''",
            "RU",
            "RU KP ru-kp sanctions-violation",
            "CN triangle Пхеньян 北京",
    })
    void roundTrips(String spaceSeparated) {
        List<String> keys = spaceSeparated.isEmpty() ? List.of() : Arrays.asList(spaceSeparated.split(" "));
        TrendKeys value = new TrendKeys(keys);

        assertThat(TrendKeysSerde.read(TrendKeysSerde.write(value))).isEqualTo(value);
    }

    @Test
    void writesOneVersionByteACountAndLengthPrefixedKeys() {
        assertThat(HexFormat.of().formatHex(TrendKeysSerde.write(new TrendKeys(List.of("RU", "ru-kp")))))
                .isEqualTo("01" + "0002" + "0002" + "5255" + "0005" + "72752d6b70");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                         | not a trend keys record",
            "02000100025255             | unknown trend keys format version 2",
            "7b7d                       | unknown trend keys format version 123",
            "01                         | not a trend keys record",
            "0100010005525555           | not a trend keys record",
            "0100010002525500           | 1 bytes after the trend keys",
            "0100010000                 | not a trend keys record",
    })
    void refusesWhatItDidNotWrite(String hex, String message) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThatThrownBy(() -> TrendKeysSerde.read(bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theSerdeMapsNullToNull() {
        try (TrendKeysSerde serde = new TrendKeysSerde()) {
            assertThat(serde.serializer().serialize("t", null)).isNull();
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
        }
    }
}
