package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.serde.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, usage errors, config errors, and the offline tools. */
class CommandLineTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final CommandRunner commands = new CommandRunner();

    private int run(String... args) {
        return commands.run(args);
    }

    private String out() {
        return commands.out();
    }

    private String err() {
        return commands.err();
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(run("--help")).isZero();
        for (String sub : List.of("run", "demo", "ingest", "streams", "alerts", "console", "broker", "tag", "rules", "sources", "subscribe", "routes", "dlq", "events", "extract",
                "topics")) {
            assertThat(out()).containsPattern("(?m)^\\s+" + sub + "\\s");
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : List.of("run", "demo", "ingest", "streams", "alerts", "console", "broker", "tag", "rules", "sources", "subscribe", "routes", "dlq", "events", "extract",
                "topics")) {
            assertThat(run(sub, "--help")).as(sub).isZero();
            assertThat(out()).as(sub).contains("Usage: newswatch " + sub);
        }
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        assertThat(run("demo", "--frobnicate")).isEqualTo(2);
        assertThat(err().lines().findFirst().orElseThrow()).contains("--frobnicate");
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theTopicTableKeepsItsColumnsAndShowsThePerRuleTopics() {
        assertThat(run("topics")).isZero();
        List<String> lines = out().lines().toList();
        int valueColumn = lines.get(0).indexOf("VALUE");
        String deliveries = lines.stream().filter(l -> l.startsWith("news.deliveries ")).findFirst().orElseThrow();
        assertThat(deliveries).contains("compact,delete");
        assertThat(deliveries.indexOf("Delivery JSON")).as(deliveries).isEqualTo(valueColumn);
        assertThat(lines).anyMatch(l -> l.startsWith("news.alerts.<rule-id> "));
    }

    @Test
    void theOfflineCommandsTakeNoCluster() {
        for (String offline : List.of("tag", "extract")) {
            assertThat(run(offline, "-b", "127.0.0.1:9092", "x.txt")).as(offline).isEqualTo(2);
            assertThat(err()).as(offline).contains("-b");
        }
    }

    @Test
    void badConfigFileNamesTheKey() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "streams.commit.interval: sometimes\n");
        assertThat(run("topics", "--check", "--config", cfg.toString())).isEqualTo(1);
        assertThat(err().strip()).contains("streams.commit.interval").doesNotContain("\tat ");
        assertThat(err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void brokerReportsAPortInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThat(run("broker", "--port", String.valueOf(port), "--data-dir", dir.resolve("k").toString()))
                    .isEqualTo(1);
            assertThat(err()).contains("port " + port + " is already in use").doesNotContain("\tat ");
        }
    }

    @Test
    void tagPrintsOneObjectPerFileInOrderAndNamesTheUnreadableOne() throws Exception {
        Path text = dir.resolve("pair.txt");
        Files.writeString(text, "Russia and North Korea signed a defence pact on Wednesday.\n\n"
                + "The weather in Oslo was mild.\n");
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<!DOCTYPE html><html lang=\"en\"><head><title>Talks</title></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/w\">World news about Russia</a></nav>"
                + "<article><h1>Talks</h1><p>China and North Korea held talks in Beijing on trade and tourism,"
                + " officials in both capitals said on Monday.</p>"
                + "<p>The talks lasted two days and ended without a joint statement, according to diplomats.</p>"
                + "</article></body></html>");
        Path quiet = dir.resolve("quiet.txt");
        Files.writeString(quiet, "South Korea and China discussed trade in Seoul.\n");
        int code = run("tag", text.toString(), dir.resolve("missing.txt").toString(), html.toString(), quiet.toString());

        assertThat(code).isEqualTo(3);
        assertThat(err()).contains("missing.txt").doesNotContain("\tat ");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out().strip().split("\n")) {
            rows.add(Json.mapper().readTree(line));
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("source").asText()).isEqualTo(text.toString());
        assertThat(texts(rows.get(0).get("entities"))).containsExactly("KP", "RU");
        assertThat(texts(rows.get(0).get("tags"))).contains("ru-kp");
        assertThat(rows.get(0).get("evidence").get(0).get("text").asText()).startsWith("Russia and North Korea");
        assertThat(rows.get(1).get("source").asText()).isEqualTo(html.toString());
        assertThat(texts(rows.get(1).get("tags"))).contains("cn-kp");
        // the navigation's "Russia" is boilerplate, not article text
        assertThat(texts(rows.get(1).get("entities"))).containsExactly("CN", "KP");
        assertThat(texts(rows.get(2).get("entities"))).containsExactly("CN");
        assertThat(texts(rows.get(2).get("tags"))).isEmpty();
    }

    @Test
    void tagWritesTheStableContractMembersInOrderWithEvidenceRolesAndEvents() throws Exception {
        Path text = dir.resolve("pact.txt");
        Files.writeString(text, "Russia and North Korea signed a defence pact on Wednesday.\n");

        assertThat(run("tag", text.toString())).isZero();

        JsonNode row = Json.mapper().readTree(out().strip());
        assertThat(fieldNames(row)).containsExactly("source", "entities", "tags", "mentions", "evidence", "events");
        assertThat(row.get("events").isArray()).isTrue();
        JsonNode evidence = row.get("evidence");
        assertThat(evidence).isNotEmpty();
        for (JsonNode item : evidence) {
            assertThat(fieldNames(item)).containsExactly("tag", "role", "text", "start", "end", "matched");
            assertThat(item.get("role").asText()).isIn("decisive", "context");
        }
        for (int i = 1; i < evidence.size(); i++) {
            boolean sameTag = evidence.get(i).get("tag").asText().equals(evidence.get(i - 1).get("tag").asText());
            boolean decisiveAfterContext = evidence.get(i).get("role").asText().equals("decisive")
                    && evidence.get(i - 1).get("role").asText().equals("context");
            assertThat(sameTag && decisiveAfterContext).as("decisive items of a tag come first").isFalse();
        }
    }

    @Test
    void tagWritesEachEventAsTheViolationEventRecord() throws Exception {
        String sentence = "Officials said North Korea shipped 1,000 containers of shells to Russia.";
        io.newswatch.model.ViolationEvent event = new io.newswatch.model.ViolationEvent("munitions", "KP", "RU",
                1000L, "container", List.of("Najin"), List.of("Angara"), List.of("9179842"), List.of("2270"),
                "asserted", "officials", new io.newswatch.model.ViolationEvent.Span(sentence, 0, sentence.length()));
        io.newswatch.tagger.TagResult result = new io.newswatch.tagger.TagResult(List.of("KP", "RU"),
                List.of("sanctions-violation"), List.of("sanctions-violation"), List.of(),
                List.of(new io.newswatch.model.Evidence("sanctions-violation", sentence, 0, sentence.length(),
                        List.of("shells"))), List.of(event));

        JsonNode row = Json.mapper().readTree(Json.mapper().writeValueAsString(TagCommand.row("a.txt", result)));

        JsonNode e = row.get("events").get(0);
        assertThat(fieldNames(e)).containsExactly("commodity", "from", "to", "amount", "unit", "places", "vessels",
                "imo", "resolutions", "status", "attribution", "evidence");
        assertThat(fieldNames(e.get("evidence"))).containsExactly("text", "start", "end");
        assertThat(e.get("amount").asLong()).isEqualTo(1000);
        assertThat(e.get("evidence").get("text").asText()).isEqualTo(sentence);
        assertThat(row.get("evidence").get(0).get("role").asText()).isEqualTo("decisive");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void tagSaysWhyABinaryFileIsRefusedAndGivesAnEmptyFileAnEmptyResult() throws Exception {
        Path binary = dir.resolve("photo.jpg");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 16, 74, 70, 73, 70, 0});
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        Path greek = dir.resolve("greek.txt");
        Files.writeString(greek, "Η Αθήνα φιλοξένησε τη σύνοδο κορυφής την Τρίτη.\n");

        int code = run("tag", binary.toString(), empty.toString(), greek.toString());

        assertThat(code).isEqualTo(3);
        assertThat(err()).contains("photo.jpg").contains("binary");
        String[] lines = out().strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines[0]);
        assertThat(first.get("source").asText()).isEqualTo(empty.toString());
        assertThat(first.get("entities")).isEmpty();
        assertThat(first.get("tags")).isEmpty();
        assertThat(Json.mapper().readTree(lines[1]).get("mentions")).isEmpty();
    }

    @Test
    void tagUsesTheRulesFileGiven() throws Exception {
        Path rules = dir.resolve("mine.yaml");
        Files.writeString(rules, """
                version: 2
                rules:
                  - id: kp-satellite
                    title: North Korea and satellites
                    query: SENTENCE(@KP AND satellite*)
                """);
        Path text = dir.resolve("a.txt");
        Files.writeString(text, "North Korea launched a satellite. Russia and North Korea met.\n");

        assertThat(run("tag", "--rules", rules.toString(), text.toString())).isZero();

        JsonNode row = Json.mapper().readTree(out().strip());
        assertThat(texts(row.get("tags"))).containsExactly("kp-satellite");
        assertThat(row.get("evidence").get(0).get("text").asText()).isEqualTo("North Korea launched a satellite.");
    }

    @Test
    void rulesCheckPassesTheShippedRulesAndReportsEachExample() throws Exception {
        Path shipped = Path.of("..", "rules", "default.yaml");

        int code = run("rules", "check", shipped.toString());

        assertThat(code).isZero();
        assertThat(out()).contains("SUCCESS").doesNotContain("FAIL");
        assertThat(out().lines().filter(l -> l.strip().startsWith("PASS")).count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void rulesCheckNamesAFailingExampleAndExitsOne() throws Exception {
        Path rules = dir.resolve("wrong-example.yaml");
        Files.writeString(rules, """
                version: 2
                rules:
                  - id: kp-ru
                    title: pair
                    query: SENTENCE(@KP AND @RU)
                    examples:
                      match: ["Moscow hosted Pyongyang's envoy."]
                      no-match: ["Putin met Kim Jong Un."]
                """);

        int code = run("rules", "check", rules.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains("PASS  kp-ru  match").contains("FAIL  kp-ru  no-match  line 8")
                .contains("FAILED (1 of 2 examples)").contains("matched [Putin, Kim Jong Un]");
    }

    @Test
    void rulesCheckShowsWhereARuleFileIsBrokenAndChecksTheNextFile() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                version: 2
                rules:
                  - id: near-zero
                    title: adjacent words
                    query: sanctions NEAR/0 evasion
                """);
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, """
                version: 2
                rules:
                  - id: pair
                    title: pair
                    query: SENTENCE(@KP AND @CN)
                """);

        int code = run("rules", "check", broken.toString(), good.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out()).contains(broken + ":5:22: rule 'near-zero': NEAR/0")
                .contains("    5 |     query: sanctions NEAR/0 evasion\n      | " + " ".repeat(21) + "^\n")
                .contains(broken + ": INVALID")
                .contains(good + ": SUCCESS");
    }

    @Test
    void extractFollowsTheContract() throws Exception {
        Path html = dir.resolve("a.html");
        Files.writeString(html, "<!DOCTYPE html><html lang=\"ru\"><head><title>Визит | Газета</title>"
                + "<meta property=\"article:published_time\" content=\"2026-10-13T08:00:00Z\">"
                + "<meta name=\"author\" content=\"Анна Петрова\"></head><body>"
                + "<header><nav><a href=\"/\">Главная</a></nav></header><article><h1>Визит</h1>"
                + "<p>Министр прибыл в столицу в понедельник утром и провёл первые переговоры.</p>"
                + "<p>Переговоры продолжатся во вторник, сообщили в министерстве.</p></article>"
                + "<footer>Все права защищены</footer></body></html>");
        assertThat(run("extract", "--url", "https://news.example/a?utm_source=x", html.toString())).isZero();
        JsonNode o = Json.mapper().readTree(out().strip());
        assertThat(o.get("source").asText()).isEqualTo(html.toString());
        assertThat(o.get("url").asText()).isEqualTo("https://news.example/a");
        assertThat(o.get("title").asText()).isEqualTo("Визит");
        assertThat(o.get("byline").asText()).isEqualTo("Анна Петрова");
        assertThat(o.get("publishedAt").asText()).isEqualTo("2026-10-13T08:00:00Z");
        assertThat(o.get("language").asText()).isEqualTo("ru");
        assertThat(o.get("text").asText()).isEqualTo("Министр прибыл в столицу в понедельник утром и провёл первые переговоры."
                + "\n\nПереговоры продолжатся во вторник, сообщили в министерстве.");
        var fields = new ArrayList<String>();
        o.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("source", "url", "title", "byline", "publishedAt", "language", "text");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
