package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HTTPS://News.Example.ORG:443/a/b?utm_source=x&id=7&utm_medium=y#top | https://news.example.org/a/b?id=7",
        "http://example.org:80/                                            | http://example.org/",
        "http://example.org                                                | http://example.org/",
        "https://example.org:8443/x                                        | https://example.org:8443/x",
        "https://example.org/story?fbclid=abc                              | https://example.org/story",
        "https://example.org/p?gclid=1&mc_cid=2&mc_eid=3&ref=home&cmpid=9  | https://example.org/p",
        "https://example.org/p?utm_campaign=&page=2                        | https://example.org/p?page=2",
        "https://example.org/p?UTM_Source=feed&page=2                      | https://example.org/p?page=2",
        "https://example.org/search?q=a+b&ref_src=tw                       | https://example.org/search?q=a+b&ref_src=tw",
        "https://example.org/story?b=2&a=1                                 | https://example.org/story?a=1&b=2",
        "https://example.org/a/./b/../c                                    | https://example.org/a/c",
        "https://example.org/%7euser/page                                  | https://example.org/~user/page",
        "https://example.org/world/story-1#comments                        | https://example.org/world/story-1",
    })
    void canonicalizes(String input, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "mailto:desk@example.org", "not a url", "/relative/path"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String input) {
        assertThatThrownBy(() -> UrlCanonicalizer.canonicalize(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(input);
    }
}
