package io.newswatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Memory per page is bounded: a 5 MB page is extracted in a JVM whose whole heap is 64 MiB, about 13 times the page.
 * Two pages, written here: a long report, each paragraph with its own block of links; and a catalogue of links with
 * no text at all, which sends the extractor down every step of its cascade (a second parse included). The child JVM
 * builds the page, drops everything but its bytes, and extracts it; running out of heap fails the test.
 */
class ExtractionMemoryTest {
    private static final int PAGE_BYTES = 5_000_000;

    @Test
    void aFiveMegabyteReportIsExtractedWithinSixtyFourMebibytesOfHeap() throws IOException, InterruptedException {
        assertThat(runChild("report")).contains("extracted");
    }

    @Test
    void aFiveMegabyteCatalogueWithoutTextStaysWithinSixtyFourMebibytes() throws IOException, InterruptedException {
        assertThat(runChild("catalogue")).contains("extracted 0 characters");
    }

    private static String runChild(String kind) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Child.class.getName(), kind, String.valueOf(PAGE_BYTES))
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(output).isZero();
        return output;
    }

    /** The child: builds the page, keeps only its bytes, extracts it, prints the sizes. */
    public static final class Child {
        public static void main(String[] args) {
            boolean report = args[0].equals("report");
            int bytes = Integer.parseInt(args[1]);
            byte[] page = report ? page(bytes) : catalogue(bytes);
            String text = new ArticleExtractor().extract(page, "text/html; charset=utf-8", "https://port.example/r").text();
            if (report && text.length() < page.length / 2) {
                throw new IllegalStateException("only " + text.length() + " characters of text from the page");
            }
            System.out.println("extracted " + text.length() + " characters from " + page.length + " bytes");
        }

        static byte[] catalogue(int bytes) {
            StringBuilder sb = new StringBuilder("<html><body><div class=catalogue>");
            for (int i = 0; sb.length() < bytes; i++) {
                sb.append("<div class=item><a href=/p").append(i).append(">Product ").append(i).append("</a></div>");
            }
            return sb.append("</div></body></html>").toString().getBytes(StandardCharsets.UTF_8);
        }

        static byte[] page(int bytes) {
            StringBuilder sb = new StringBuilder("<html><head><title>Harbour traffic, the full year</title></head>"
                    + "<body><nav>");
            for (int i = 0; i < 200; i++) {
                sb.append("<a href=/s").append(i).append(">Section ").append(i).append("</a> ");
            }
            sb.append("</nav><article>");
            for (int i = 0; sb.length() < bytes; i++) {
                sb.append("<div class=\"block b").append(i % 7).append("\"><p>Paragraph ").append(i)
                        .append(" of the report on harbour traffic gives the month's figures, the ships that called, and "
                                + "what the port authority said about the queue at the outer anchorage.</p><ul><li>"
                                + "<a href=/r").append(i).append(">Related item ").append(i).append("</a></li></ul></div>");
            }
            return sb.append("</article><footer>Imprint</footer></body></html>").toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
