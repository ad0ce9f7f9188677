package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newswatch.model.ViolationEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The violation events of the two seed pages, the real pages newswatch was created from (their README lists the
 * events each must yield). The pages are not in the repository: pass their folder as the system property
 * {@code newswatch.seeds.dir}; without it the tests are skipped and say so.
 */
class SeedEventsTest {
    private static final String PROPERTY = "newswatch.seeds.dir";
    private static Tagger tagger;

    @BeforeAll
    static void compileRules() {
        tagger = Tagger.withDefaultRules();
    }

    @Test
    void seed000TheNajinDunayContainersAndTheTechnologyPutinMaySupply() {
        List<ViolationEvent> events = eventsOf("000_");

        ViolationEvent munitions = only(events, "munitions", "KP", "RU");
        assertThat(munitions.amount()).isEqualTo(1000L);
        assertThat(munitions.unit()).isEqualTo("container");
        assertThat(munitions.places()).contains("Najin", "Dunay", "Tikhoretsk");
        assertThat(munitions.status()).isEqualTo(ViolationEvent.ASSERTED);
        assertThat(munitions.attribution()).containsIgnoringCase("the White House");
        assertThat(munitions.evidence().text()).contains("North Korea had delivered more than 1,000 containers");

        ViolationEvent technology = only(events, "military-technology", "RU", "KP");
        assertThat(technology.status()).isEqualTo(ViolationEvent.POSSIBLE);
    }

    @Test
    void seed001TheDronesHandedToPyongyangTheAmmunitionWorkersAndSatellites() {
        List<ViolationEvent> events = eventsOf("001_");

        ViolationEvent drones = only(events, "weapons", "RU", "KP");
        assertThat(drones.status()).isEqualTo(ViolationEvent.ASSERTED);
        assertThat(drones.resolutions()).contains("2397");
        assertThat(drones.evidence().text()).contains("combat and surveillance drones");

        assertThat(only(events, "munitions", "KP", "RU").status()).isEqualTo(ViolationEvent.ASSERTED);

        ViolationEvent workers = only(events, "workers", "KP", "RU");
        assertThat(workers.status()).isEqualTo(ViolationEvent.POSSIBLE);
        assertThat(workers.places()).contains("Russian Far East");
        assertThat(workers.resolutions()).contains("2397");

        assertThat(only(events, "military-technology", "RU", "KP").status()).isEqualTo(ViolationEvent.POSSIBLE);
    }

    private static ViolationEvent only(List<ViolationEvent> events, String commodity, String from, String to) {
        List<ViolationEvent> found = events.stream().filter(e -> e.commodity().equals(commodity)
                && from.equals(e.from()) && to.equals(e.to())).toList();
        assertThat(found).as("%s %s → %s among %s", commodity, from, to,
                events.stream().map(ViolationEvent::summary).toList()).hasSize(1);
        return found.get(0);
    }

    private static List<ViolationEvent> eventsOf(String prefix) {
        String dir = System.getProperty(PROPERTY, "");
        assumeTrue(!dir.isBlank(), "seed pages not given: run with -D" + PROPERTY + "=<folder of the seed pages>");
        Path folder = Path.of(dir);
        assumeTrue(Files.isDirectory(folder), PROPERTY + "=" + dir + " is not a folder");
        try (Stream<Path> files = Files.list(folder)) {
            Optional<Path> page = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".txt")).findFirst();
            assumeTrue(page.isPresent(), "no seed page " + prefix + "*.txt in " + folder);
            TagResult result = tagger.tag(Files.readString(page.get(), StandardCharsets.UTF_8));
            assertThat(result.tags()).contains("sanctions-violation");
            return result.events();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
