package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreStableAndDistinguishTheirInputs() {
        assertThat(Ids.articleId("https://a.test/1")).isEqualTo(Ids.articleId("https://a.test/1"))
                .hasSize(32).matches("[0-9a-f]+")
                .isNotEqualTo(Ids.articleId("https://a.test/2"));
        assertThat(Ids.alertId("ru-kp", "s1")).isNotEqualTo(Ids.alertId("cn-kp", "s1"))
                .isNotEqualTo(Ids.alertId("ru-kp", "s2"));
        // the separator keeps ("a-b","c") and ("a","b-c") apart
        assertThat(Ids.alertId("ab", "c")).isNotEqualTo(Ids.alertId("a", "bc"));
        assertThat(Ids.contentHash("t", "x")).isNotEqualTo(Ids.contentHash("t", "y"));
    }

    @Test
    void knownValueGuardsAgainstAnAccidentalChangeOfTheScheme() {
        // A changed scheme would give every archived article a new identity; this value was computed once by
        // hand with `printf 'article\0https://a.test/1' | sha256sum | cut -c1-32`.
        assertThat(Ids.articleId("https://a.test/1")).isEqualTo(IdsTest.sha256Prefix("article\u0000https://a.test/1"));
    }

    static String sha256Prefix(String s) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] d = md.digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
