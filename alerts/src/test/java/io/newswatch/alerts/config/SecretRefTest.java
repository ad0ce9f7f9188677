package io.newswatch.alerts.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRefTest {
    private static final String SECRET = "https://hooks.example.org/services/T0SECRET";
    private static final Function<String, String> ENVIRONMENT =
            Map.of("SLACK_URL", SECRET, "EMPTY_VAR", "")::get;

    @TempDir
    Path dir;

    @Test
    void envReadsTheVariable() {
        SecretRef ref = SecretRef.parse("env:SLACK_URL");
        assertThat(ref.kind()).isEqualTo(SecretRef.Kind.ENV);
        assertThat(ref.resolve(ENVIRONMENT)).isEqualTo(SECRET);
    }

    @Test
    void anUnsetVariableIsAnErrorNamingTheReference() {
        assertThatThrownBy(() -> SecretRef.parse("env:MISSING_URL").resolve(ENVIRONMENT))
                .isInstanceOf(ConfigException.class)
                .hasMessage("env:MISSING_URL is not set");
        assertThatThrownBy(() -> SecretRef.parse("env:EMPTY_VAR").resolve(ENVIRONMENT))
                .isInstanceOf(ConfigException.class)
                .hasMessage("env:EMPTY_VAR is set but empty");
    }

    @Test
    void theRealEnvironmentIsUsedWithoutAStandIn() {
        // PATH is set in every environment these tests run in; its value is compared, not printed
        SecretRef ref = SecretRef.parse("env:PATH");
        assertThat(ref.resolve()).isEqualTo(System.getenv("PATH"));
    }

    @Test
    void fileReadsTheFileWithoutSurroundingWhitespace() throws Exception {
        Path file = dir.resolve("slack-url");
        Files.writeString(file, "  " + SECRET + "\n\n", UTF_8);
        SecretRef ref = SecretRef.parse("file:" + file);
        assertThat(ref.kind()).isEqualTo(SecretRef.Kind.FILE);
        assertThat(ref.resolve()).isEqualTo(SECRET);
    }

    @Test
    void aFileIsReadAgainAtEachResolution() throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, "first-key-value-0001", UTF_8);
        SecretRef ref = SecretRef.parse("file:" + file);
        assertThat(ref.resolve()).isEqualTo("first-key-value-0001");
        Files.writeString(file, "second-key-value-0002", UTF_8);
        assertThat(ref.resolve()).isEqualTo("second-key-value-0002");
    }

    @Test
    void fileErrorsNameTheReferenceButNeverTheContents() throws Exception {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> SecretRef.parse("file:" + missing).resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("file:" + missing + " does not exist");

        Path blank = dir.resolve("blank");
        Files.writeString(blank, " \n\t\n", UTF_8);
        assertThatThrownBy(() -> SecretRef.parse("file:" + blank).resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("file:" + blank + " is empty");

        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {'T', '0', (byte) 0xC3, (byte) 0x28, 'S', 'E', 'C', 'R', 'E', 'T'});
        assertThatThrownBy(() -> SecretRef.parse("file:" + binary).resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessage("file:" + binary + " is not UTF-8 text");

        Path large = dir.resolve("large");
        Files.writeString(large, "T0SECRET".repeat(10_000), UTF_8);
        assertThatThrownBy(() -> SecretRef.parse("file:" + large).resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("file:" + large + " is larger than")
                .hasMessageNotContaining("T0SECRET");

        assertThatThrownBy(() -> SecretRef.parse("file:" + dir).resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("file:" + dir + " cannot be read");
    }

    @Test
    void anythingElseIsALiteral() {
        SecretRef ref = SecretRef.parse(SECRET);
        assertThat(ref.kind()).isEqualTo(SecretRef.Kind.LITERAL);
        assertThat(ref.resolve(ENVIRONMENT)).isEqualTo(SECRET);
        assertThat(SecretRef.parse("ENV:SLACK_URL").kind()).isEqualTo(SecretRef.Kind.LITERAL);
    }

    @Test
    void toStringShowsTheReferenceAndRedactsLiterals() {
        assertThat(SecretRef.parse("env:SLACK_URL")).hasToString("env:SLACK_URL");
        assertThat(SecretRef.parse("file:/run/secrets/slack")).hasToString("file:/run/secrets/slack");
        assertThat(SecretRef.parse(SECRET)).hasToString("<literal, redacted>");
        assertThat(String.valueOf(SecretRef.parse(SECRET))).doesNotContain("T0SECRET");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL, must not be empty", "'  ', must not be empty",
            "env:, env:NAME", "'env:  ', env:NAME", "file:, file:PATH"})
    void emptyReferencesAreRefused(String value, String says) {
        assertThatThrownBy(() -> SecretRef.parse(value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(says);
    }

    @Test
    void equalReferencesAreEqual() {
        assertThat(SecretRef.parse("env:A")).isEqualTo(SecretRef.parse("env:A"))
                .isNotEqualTo(SecretRef.parse("file:A")).isNotEqualTo(SecretRef.parse("env:B"));
        assertThat(SecretRef.parse("env:A")).hasSameHashCodeAs(SecretRef.parse("env:A"));
    }
}
