package io.newswatch.tagger.internal;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Traditional-to-Simplified character table that {@link CharClasses} folds Han ideographs with, from
 * ICU's {@code Traditional-Simplified} transform applied to each ideograph of the CJK Unified Ideographs block and
 * its Extension A. Only one-to-one replacements are kept: a character the transform leaves alone, or turns into
 * more than one, keeps its identity.
 *
 * <p>Run it from the repository's root after an ICU upgrade ({@code java -cp <test classpath>
 * io.newswatch.tagger.internal.HanSimplifiedTable}); {@code HanFoldTest} fails while the shipped table and ICU
 * disagree.
 */
final class HanSimplifiedTable {
    static final Path SHIPPED = Path.of("src/main/resources/io/newswatch/tagger/internal/han-simplified.txt");

    private HanSimplifiedTable() {
    }

    /** The table as ICU gives it today: one "traditional simplified" pair per line, in code-point order. */
    static String fromIcu() {
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder out = new StringBuilder();
        out.append("# Traditional Chinese ideograph, then its Simplified form: the tagger folds the first to the second\n");
        out.append("# so that words written in either script match. Generated from ICU's Traditional-Simplified transform\n");
        out.append("# by HanSimplifiedTable (tagger tests); do not edit by hand.\n");
        for (int c = 0x3400; c <= 0x9FFF; c++) {
            if (c > 0x4DBF && c < 0x4E00) {
                continue;
            }
            String s = toSimplified.transliterate(String.valueOf((char) c));
            // a few forms are themselves turned into another: follow the chain to its end so that folding is stable,
            // and leave alone the handful that go round in a circle (苎 and 苧)
            for (int hops = 0; s.length() == 1 && hops < 4; hops++) {
                String again = toSimplified.transliterate(s);
                if (again.equals(s)) {
                    break;
                }
                s = again;
            }
            if (s.length() == 1 && s.charAt(0) != c && toSimplified.transliterate(s).equals(s)) {
                out.append((char) c).append(' ').append(s).append('\n');
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of("tagger").resolve(SHIPPED);
        Files.writeString(target, fromIcu(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }
}
