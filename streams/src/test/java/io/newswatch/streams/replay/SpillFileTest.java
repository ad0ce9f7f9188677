package io.newswatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpillFileTest {

    @ParameterizedTest(name = "{0} records of up to {1} bytes")
    @CsvSource({
            "0, 10",
            "1, 0",
            "3, 1",
            "500, 70000", // records larger than the write buffer
            "20000, 40"
    })
    void aSpilledListHoldsWhatWasWrittenInTheOrderAsked(int count, int maxBytes) {
        try (SpillFile file = new SpillFile("spill-test-")) {
            List<String> written = new ArrayList<>();
            long[] positions = new long[count];
            for (int i = 0; i < count; i++) {
                int length = (int) ((i * 7919L) % (maxBytes + 1));
                String s = ("record " + i + ";").repeat(length / 8 + 1).substring(0, length);
                written.add(s);
                positions[i] = file.append(s.getBytes(StandardCharsets.UTF_8));
            }
            file.finishWriting();
            // read back in reverse: positions, not the writing order, decide
            long[] reversed = new long[count];
            for (int i = 0; i < count; i++) {
                reversed[i] = positions[count - 1 - i];
            }
            List<String> back = new SpilledList<>(file, reversed, b -> new String(b, StandardCharsets.UTF_8));
            List<String> expected = new ArrayList<>(written);
            java.util.Collections.reverse(expected);
            assertThat(back).hasSize(count).isEqualTo(expected);
            assertThat(back.hashCode()).isEqualTo(expected.hashCode());
        }
    }

    @Test
    void closingDeletesTheFileAndItsListsCanNoLongerBeRead() {
        SpillFile file = new SpillFile("spill-test-");
        Path path = file.path();
        long at = file.append("kept".getBytes(StandardCharsets.UTF_8));
        file.finishWriting();
        assertThat(path).exists();
        assertThat(new String(file.read(at), StandardCharsets.UTF_8)).isEqualTo("kept");
        List<String> list = new SpilledList<>(file, new long[] {at}, b -> new String(b, StandardCharsets.UTF_8));
        file.close();
        assertThat(Files.exists(path)).isFalse();
        assertThatThrownBy(() -> list.get(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(path.toString());
    }

    @Test
    void aFileIsNotReadBeforeItsWritingEndsNorWrittenAfter() {
        try (SpillFile file = new SpillFile("spill-test-")) {
            long at = file.append(new byte[] {1, 2, 3});
            assertThatThrownBy(() -> file.read(at)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("still being written");
            file.finishWriting();
            assertThat(file.read(at)).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> file.append(new byte[1])).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no longer written");
        }
    }
}
