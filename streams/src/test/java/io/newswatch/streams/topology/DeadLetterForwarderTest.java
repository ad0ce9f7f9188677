package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dead letter keeps the record's value only when the whole letter (key, value, the headers it copies and adds,
 * and the record's framing) fits the record limit of the topics written; else the value is left out, so the letter
 * itself is never refused.
 */
class DeadLetterForwarderTest {
    @ParameterizedTest(name = "value {0} B, headers of {1} B, limit {2} B: value kept {3}")
    @CsvSource(textBlock = """
            # value bytes, header value bytes, record limit, value kept
            0,             1000,               2000,         true
            800,           1000,               2000,         true
            900,           1000,               2000,         false
            500,           1500,               2000,         false
            500,           100,                2000,         true
            99500,         100,                100000,       false
            90000,         100,                100000,       true
            1035000,       2000,               1048576,      true
            1040000,       2000,               1048576,      false
            """)
    void keepsTheValueOnlyWhenTheLetterFits(int valueBytes, int headerBytes, int limit, boolean kept) {
        byte[] key = "k".getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[valueBytes];
        RecordHeaders headers = new RecordHeaders();
        headers.add("h", new byte[headerBytes]);

        byte[] fitting = DeadLetterForwarder.fitting(key, value, headers, limit);
        if (kept) {
            assertThat(fitting).isSameAs(value);
        } else {
            assertThat(fitting).isNull();
        }
    }
}
