package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken pages keep their text; only bodies that are not text are called binary. */
class BinaryAndControlCharactersTest {
    private static final String PARAGRAPH = "The harbour council approved the ferry budget on Monday after a long "
            + "debate, and the first new boat is due in the spring, the chair said.";
    private final ArticleExtractor extractor = new ArticleExtractor();

    /** About 600 characters of article text among NUL bytes, in the markup and in the text. */
    static String nulPaddedPage() {
        StringBuilder b = new StringBuilder("\0".repeat(200)).append("<html><head><title>Ferries\0</title></head>")
                .append("<body>").append("\0".repeat(500)).append("<article>");
        for (int i = 0; i < 4; i++) {
            b.append("<p\0>").append(PARAGRAPH.replace(", ", ",\0 ")).append("</p>").append("\0".repeat(400));
        }
        return b.append("</article></body></html>").toString();
    }

    private static byte[] bytes(String kind) throws Exception {
        Random random = new Random(42);
        String text = (PARAGRAPH + "\n\n").repeat(40);
        return switch (kind) {
            case "html" -> ("<html><body><p>" + text + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
            case "nul-padded-html" -> nulPaddedPage().getBytes(StandardCharsets.UTF_8);
            case "greek-utf8" -> "Το λιμάνι άνοιξε ξανά την Τρίτη. ".repeat(100).getBytes(StandardCharsets.UTF_8);
            case "latin1-as-utf8" -> "Le conseil a approuvé le budget du ferry après un débat. ".repeat(100)
                    .getBytes(StandardCharsets.ISO_8859_1);
            case "utf16le-no-bom" -> text.getBytes(StandardCharsets.UTF_16LE);
            case "utf16-with-bom" -> text.getBytes(StandardCharsets.UTF_16);
            case "empty" -> new byte[0];
            case "only-nul" -> new byte[5000];
            case "png" -> {
                byte[] b = new byte[8192];
                random.nextBytes(b);
                System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I',
                        'H', 'D', 'R'}, 0, b, 0, 16);
                yield b;
            }
            case "zip" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ZipOutputStream z = new ZipOutputStream(out)) {
                    z.putNextEntry(new ZipEntry("story.txt"));
                    z.write(text.getBytes(StandardCharsets.UTF_8));
                }
                yield out.toByteArray();
            }
            case "gzip" -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                    z.write(text.getBytes(StandardCharsets.UTF_8));
                }
                yield out.toByteArray();
            }
            case "random" -> {
                byte[] b = new byte[100_000];
                random.nextBytes(b);
                yield b;
            }
            case "random-without-nul" -> {
                byte[] b = new byte[100_000];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (1 + random.nextInt(255));
                }
                yield b;
            }
            case "control-characters" -> "\u0001\u0002\u0003\u0004\u0005 ok".repeat(200)
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} is binary: {1}")
    @CsvSource({
            "html,               false",
            "nul-padded-html,    false",
            "greek-utf8,         false",
            "latin1-as-utf8,     false",
            "utf16le-no-bom,     false",
            "utf16-with-bom,     false",
            "empty,              false",
            "only-nul,           true",
            "png,                true",
            "zip,                true",
            "gzip,               true",
            "random,             true",
            "random-without-nul, true",
            "control-characters, true"})
    void onlyBodiesThatAreNotTextAreBinary(String kind, boolean binary) throws Exception {
        assertThat(ArticleExtractor.looksBinary(bytes(kind), null)).isEqualTo(binary);
    }

    @Test
    void theDeclaredCharsetIsUsed() {
        byte[] latin1 = "Le conseil a approuvé le budget du ferry après un débat. ".repeat(5)
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ArticleExtractor.looksBinary(latin1, "text/html; charset=ISO-8859-1")).isFalse();
        byte[] utf16 = PARAGRAPH.getBytes(StandardCharsets.UTF_16BE);
        assertThat(ArticleExtractor.looksBinary(utf16, "text/plain; charset=UTF-16BE")).isFalse();
    }

    @Test
    void aPageOfTextAmongNulBytesKeepsItsText() {
        byte[] body = nulPaddedPage().getBytes(StandardCharsets.UTF_8);

        for (String type : new String[] {"text/html; charset=utf-8", null}) {
            ExtractedArticle a = extractor.extract(body, type, "https://news.example/ferries");
            assertThat(a.text()).as(type).isEqualTo(String.join("\n\n", PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH));
            assertThat(a.text().length()).isGreaterThan(550);
            assertThat(a.title()).isEqualTo("Ferries");
        }
    }

    @Test
    void controlCharactersLeavePlainTextAndMarkupButLineEndsAndTabsStay() {
        ExtractedArticle plain = extractor.extract(("First\0 line\u0007 here.\n\tSecond\u0085 line.\n\n"
                + "Next\u001b paragraph.").getBytes(StandardCharsets.UTF_8), "text/plain", null);
        assertThat(plain.text()).isEqualTo("First line here. Second line.\n\nNext paragraph.");

        ExtractedArticle html = extractor.extract("<html><body><article><p>Ships &#1;returned &#x9d;to port on "
                + "Friday\u0002 after the storm had passed over the islands.</p></article></body></html>",
                "https://news.example/ships");
        assertThat(html.text()).isEqualTo("Ships returned to port on Friday after the storm had passed over the "
                + "islands.");
    }
}
