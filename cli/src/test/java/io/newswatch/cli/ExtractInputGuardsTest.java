package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.serde.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** extract and tag share their input guards: a size cap and a binary check that NUL bytes alone do not trip. */
class ExtractInputGuardsTest {
    private static final String PARAGRAPH = "The harbour council approved the ferry budget on Monday after a long "
            + "debate, and the first new boat is due in the spring, the chair said.";
    @TempDir
    Path dir;
    @RegisterExtension
    final CommandRunner commands = new CommandRunner();
    private Path big;
    private Path good;
    private Path nulPadded;
    private Path png;

    @BeforeEach
    void files() throws Exception {
        Random random = new Random(15);
        StringBuilder words = new StringBuilder(21_000_000);
        while (words.length() < 20_000_000) {
            int n = 1 + random.nextInt(9);
            for (int i = 0; i < n; i++) {
                words.append((char) ('a' + random.nextInt(26)));
            }
            words.append(random.nextInt(12) == 0 ? '\n' : ' ');
        }
        big = dir.resolve("random.txt");
        Files.writeString(big, words);
        good = dir.resolve("good.html");
        Files.writeString(good, "<html><body><article><p>" + PARAGRAPH + "</p></article></body></html>");
        nulPadded = dir.resolve("broken.html");
        StringBuilder page = new StringBuilder("<html><body>").append("\0".repeat(400)).append("<article>");
        for (int i = 0; i < 4; i++) {
            page.append("<p>").append(PARAGRAPH).append("</p>").append("\0".repeat(600));
        }
        Files.write(nulPadded, page.append("</article></body></html>").toString().getBytes(StandardCharsets.UTF_8));
        png = dir.resolve("photo.png");
        byte[] image = new byte[20_000];
        random.nextBytes(image);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, image, 0, 8);
        Files.write(png, image);
    }

    @Test
    void twentyMegabytesOfRandomTextIsRefusedInOneLineAndTheOtherInputsAreExtracted() throws Exception {
        int code = commands.run("extract", big.toString(), good.toString(), nulPadded.toString(), png.toString());

        assertThat(code).isEqualTo(TagCommand.SOME_INPUTS_UNREADABLE);
        List<String> errors = commands.err().strip().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("newswatch extract: " + big + ": its text has ")
                .endsWith(" characters, more than the 16000000 accepted");
        assertThat(errors.get(1)).startsWith("newswatch extract: " + png + ": looks like a binary file");
        List<String> out = commands.out().strip().lines().toList();
        assertThat(out).hasSize(2);
        assertThat(commands.out().length()).isLessThan(10_000);
        JsonNode first = Json.mapper().readTree(out.get(0));
        JsonNode second = Json.mapper().readTree(out.get(1));
        assertThat(first.get("source").asText()).isEqualTo(good.toString());
        assertThat(first.get("text").asText()).isEqualTo(PARAGRAPH);
        assertThat(second.get("source").asText()).isEqualTo(nulPadded.toString());
        assertThat(second.get("text").asText()).isEqualTo(String.join("\n\n", PARAGRAPH, PARAGRAPH, PARAGRAPH,
                PARAGRAPH));
    }

    @Test
    void tagUsesTheSameGuards() {
        int code = commands.run("tag", big.toString(), nulPadded.toString(), png.toString());

        assertThat(code).isEqualTo(TagCommand.SOME_INPUTS_UNREADABLE);
        List<String> errors = commands.err().strip().lines().toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("newswatch tag: " + big + ": its text has ");
        assertThat(errors.get(1)).startsWith("newswatch tag: " + png + ": looks like a binary file");
        assertThat(commands.out().strip().lines()).hasSize(1);
    }
}
