package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.model.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two public pages newswatch was created from, saved as text with all their boilerplate: their entities, tags
 * and the decisive sentence an alert shows for {@code sanctions-violation}, which must be the sentence that states
 * the breach and never a banner or the headline line with its view counter and date.
 *
 * <p>The pages are not part of the repository: the build hands their folder over in the system property
 * {@code newswatch.seeds.dir} ({@code -Dnewswatch.seeds.dir=DIR}); without it the test is skipped and says so.
 */
class SeedPagesTest {
    private static final String SANCTIONS = "sanctions-violation";
    private static Tagger tagger;

    @BeforeAll
    static void compileRules() {
        tagger = Tagger.withDefaultRules();
    }

    /** Page (the start of its file name), the start and a later part of its decisive sentence, and the page lines
     * that must never be decisive. */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource(delimiter = '|', textBlock = """
            000_ | The White House announced on Oct. 13 that North Korea had delivered more than 1,000 containers | of military equipment and ammunition to bolster Russia's war against Ukraine. | The film is about two cases of sexual violence committed by Russian soldiers
            001_ | Russia, in turn, once again undermined the sanctions policy imposed on North Korea | several combat and surveillance drones to the North Korean delegation violated the 2017 UN Security Council Resolution 2397 | North Korea Strengthens Cooperation with Russia
            """)
    void entitiesTagsAndTheDecisiveSentence(String page, String decisiveStart, String decisivePart, String never)
            throws IOException {
        String text = Files.readString(seed(page));
        TagResult result = tagger.tag(text);

        assertThat(result.entities()).containsExactlyInAnyOrder("RU", "KP", "CN");
        assertThat(result.tags()).contains("ru-kp", "cn-kp", "ru-cn", "triangle", SANCTIONS);

        List<Evidence> evidence = result.evidenceFor(SANCTIONS);
        Evidence first = evidence.get(0);
        assertThat(first.role()).isEqualTo(Evidence.DECISIVE);
        assertThat(first).isEqualTo(Evidence.firstDecisive(evidence));
        String shown = first.text().replaceAll("\\s+", " ");
        assertThat(shown).startsWith(decisiveStart).contains(decisivePart);
        assertThat(text.substring(first.start(), first.end())).isEqualTo(first.text());
        // the page furniture is never the proof of any tag
        assertThat(result.evidence()).filteredOn(Evidence::isDecisive)
                .noneMatch(e -> e.text().replaceAll("\\s+", " ").contains(never));
        // a bounded result (what travels in records) shows the same proof
        assertThat(Evidence.firstDecisive(ResultBounds.bound(result).evidenceFor(SANCTIONS))).isEqualTo(first);
    }

    private static Path seed(String prefix) throws IOException {
        String dir = System.getProperty("newswatch.seeds.dir", "");
        assumeTrue(!dir.isBlank(), "newswatch.seeds.dir is not set: the seed pages are not in the repository; run "
                + "with -Dnewswatch.seeds.dir=DIR to test them");
        Path folder = Path.of(dir);
        assumeTrue(Files.isDirectory(folder), "newswatch.seeds.dir=" + dir + " is not a folder; seed pages skipped");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(".txt")).toList();
            assumeTrue(found.size() == 1, "newswatch.seeds.dir=" + dir + " holds no single seed page " + prefix
                    + "*.txt; skipped");
            return found.get(0);
        }
    }
}
