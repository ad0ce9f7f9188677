package io.newswatch.ingest.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "2024-03-05T10:15:00Z             | 2024-03-05T10:15:00Z",
        "2024-03-05T10:15:00+09:00        | 2024-03-05T01:15:00Z",
        "2024-03-05T10:15:00.250-05:00    | 2024-03-05T15:15:00.250Z",
        "2024-03-05T10:15:00+0900         | 2024-03-05T01:15:00Z",
        "2024-03-05 10:15:00              | 2024-03-05T10:15:00Z",
        "2024-03-05T10:15                 | 2024-03-05T10:15:00Z",
        "2024-03-05                       | 2024-03-05T00:00:00Z",
        "Tue, 5 Mar 2024 10:15:00 GMT     | 2024-03-05T10:15:00Z",
        "last Tuesday                     | NULL",
        "2024-13-45                       | NULL",
    })
    void parsesPublisherDates(String text, String expected) {
        assertThat(DateParsing.parse(text)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "en-US     | en",
        "en_GB     | en",
        "RU        | ru",
        "ko-KR     | ko",
        "zh-Hans-CN| zh",
        "'en, fr'  | en",
        "''        | NULL",
        "12        | NULL",
    })
    void normalisesLanguageTags(String tag, String expected) {
        assertThat(MetadataReader.normaliseLanguage(tag)).isEqualTo(expected);
    }
}
