package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default ruleset against the labelled page corpus ({@code src/test/resources/io/newswatch/tagger/pages/}):
 * whole scraped pages, boilerplate kept, breaches buried and hard negatives. Prints, for each part apart (the
 * held-out part is only ever reported, never tuned on), the pages per language and kind, the per-tag table with
 * tags and entities micro-F1 ({@link QualityReport}), the precision at one of the {@code sanctions-violation}
 * evidence an alert shows, the event figures ({@link EventScore}), and the analyst's worklist: the pages whose tags
 * differ and those whose first sanctions evidence is not a decisive sentence.
 *
 * <p>Floors: tags micro-F1 0.95 (the target) on both parts; precision at one at the level each part has reached
 * (dev 0.92, held out 0.88, a little under the 0.93 and 0.89 reached: the held-out target of 0.90, met on the first
 * three batches, is not met since the fourth batch joined the corpus). The event targets (held out: events F1 0.80, amount
 * accuracy 0.85, places F1 0.75, status accuracy 0.85) are not all met yet, so the event figures are held at the
 * floors they reached ({@link #EVENT_FLOORS}): a change
 * that loses events fails here.
 * Run with {@code ./mvnw -pl tagger -am test -Dtest=PageCorpusQualityTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PageCorpusQualityTest {
    private static final String SANCTIONS = "sanctions-violation";
    private static final int SHOWN_CHARS = 100;
    /**
     * Per part: events F1, amount accuracy, places F1 and status accuracy must stay at or above these (the figures
     * reached, less a small margin). Raise them as the extractor improves, up to the targets.
     */
    private static final Map<String, double[]> EVENT_FLOORS = Map.of(
            PageCorpus.DEV, new double[] {0.83, 0.86, 0.66, 0.98},
            PageCorpus.HELDOUT, new double[] {0.65, 0.83, 0.40, 0.97});
    private static Tagger tagger;

    @BeforeAll
    static void compileRules() {
        tagger = Tagger.withDefaultRules();
    }

    /** The events the tagger predicts for a page ({@link TagResult#events()}), in the labels' terms. */
    private static List<ExpectedEvent> predictedEvents(TagResult result) {
        return result.events().stream().map(e -> new ExpectedEvent(e.commodity(), e.from(), e.to(), e.amount(),
                e.unit(), e.places(), e.status(), e.evidence() == null ? "" : e.evidence().text())).toList();
    }

    @ParameterizedTest(name = "{0}: {1} pages, tags micro-F1 >= {2}, decisive P@1 >= {3}")
    @CsvSource({"dev, 196, 0.95, 0.92", "heldout, 113, 0.95, 0.88"})
    void qualityOfThePart(String part, int pageCount, double tagsFloor, double precisionFloor) {
        List<PageCorpus.Page> pages = PageCorpus.load(part);
        assertThat(pages).hasSize(pageCount);
        assertThat(unfoundLabelSentences(pages)).as("decisive and evidence sentences not found in their page")
                .isEmpty();

        QualityReport tags = QualityReport.score(tagger, pages.stream().map(PageCorpus.Page::asCase).toList());
        int agreed = 0;
        int decisiveFirst = 0;
        List<String> notDecisive = new ArrayList<>();
        EventScore events = new EventScore();
        List<String> eventDiffs = new ArrayList<>();
        for (PageCorpus.Page page : pages) {
            TagResult result = tagger.tag(page.text());
            List<ExpectedEvent> predicted = predictedEvents(result);
            events.add(page.events(), predicted);
            if (part.equals(PageCorpus.DEV)) {
                eventDiffs.addAll(eventDiffs(page, predicted));
            }
            if (!page.tags().contains(SANCTIONS) || !result.tags().contains(SANCTIONS)) {
                continue;
            }
            agreed++;
            List<Evidence> evidence = result.evidenceFor(SANCTIONS);
            Evidence first = evidence.isEmpty() ? null : evidence.get(0);
            if (first != null && page.isDecisive(first.start(), first.end())) {
                decisiveFirst++;
            } else {
                notDecisive.add(page.id() + ": " + (first == null ? "(no evidence)" : shown(first.text())));
            }
        }
        double precisionAt1 = agreed == 0 ? 0 : (double) decisiveFirst / agreed;

        System.out.printf("== page corpus, part %s: %d pages ==%n", part, pages.size());
        System.out.print(languagesAndKinds(pages));
        System.out.print(tags.table());
        System.out.printf("SUMMARY %s: tags micro-F1 %.3f, entities micro-F1 %.3f, %d of %d pages exactly right%n",
                part, tags.tagsMicro.f1(), tags.entitiesMicro.f1(), tags.exact, tags.total);
        System.out.printf("SUMMARY %s: %s decisive-evidence P@1 %.3f (%d of %d pages both label and tagger tag)%n",
                part, SANCTIONS, precisionAt1, decisiveFirst, agreed);
        if (events.predicted == 0) {
            System.out.printf("SUMMARY %s: events: not produced yet (0 predicted)%n", part);
        }
        System.out.printf("SUMMARY %s: %s%n", part, events.summary());
        System.out.printf("worklist %s: %d pages whose tags differ%n", part, tags.tagDiffs.size());
        tags.tagDiffs.forEach(d -> System.out.println("  " + d));
        System.out.printf("worklist %s: %d pages whose first %s evidence is not decisive%n", part,
                notDecisive.size(), SANCTIONS);
        notDecisive.forEach(n -> System.out.println("  " + n));
        if (part.equals(PageCorpus.DEV)) {
            System.out.printf("worklist %s: %d event differences%n", part, eventDiffs.size());
            eventDiffs.forEach(d -> System.out.println("  " + d));
        }

        assertThat(agreed).as("pages both label and tagger call " + SANCTIONS).isPositive();
        assertThat(tags.tagsMicro.f1()).as("tags micro-F1").isNotNaN().isBetween(tagsFloor, 1.0);
        assertThat(tags.entitiesMicro.f1()).isNotNaN().isBetween(0.0, 1.0);
        assertThat(precisionAt1).as(SANCTIONS + " decisive-evidence P@1").isNotNaN().isBetween(precisionFloor, 1.0);
        assertThat(List.of(events.events.f1(), events.events.recall(), events.amountAccuracy(), events.places.f1(),
                events.statusAccuracy())).allSatisfy(f -> assertThat(f).isNotNaN().isBetween(0.0, 1.0));
        assertThat(events.expected).isEqualTo(pages.stream().mapToInt(p -> p.events().size()).sum());
        double[] floors = EVENT_FLOORS.get(part);
        assertThat(events.events.f1()).as("events F1").isGreaterThanOrEqualTo(floors[0]);
        assertThat(events.amountAccuracy()).as("amount accuracy").isGreaterThanOrEqualTo(floors[1]);
        assertThat(events.places.f1()).as("places F1").isGreaterThanOrEqualTo(floors[2]);
        assertThat(events.statusAccuracy()).as("status accuracy").isGreaterThanOrEqualTo(floors[3]);
    }

    @Test
    void thePartsDoNotShareAPage() {
        List<String> dev = PageCorpus.load(PageCorpus.DEV).stream().map(PageCorpus.Page::id).toList();
        List<String> heldout = PageCorpus.load(PageCorpus.HELDOUT).stream().map(PageCorpus.Page::id).toList();
        assertThat(dev).doesNotHaveDuplicates().doesNotContainAnyElementsOf(heldout);
        assertThat(heldout).doesNotHaveDuplicates();
    }

    /**
     * A page's missed events (labelled, not predicted, "-"), extra ones ("+") and, on found ones, a wrong amount,
     * status or places ("~"). Printed for the dev part only: the held-out part is never read for tuning.
     */
    private static List<String> eventDiffs(PageCorpus.Page page, List<ExpectedEvent> predicted) {
        List<String> out = new ArrayList<>();
        List<ExpectedEvent> open = new ArrayList<>(predicted);
        for (ExpectedEvent e : page.events()) {
            ExpectedEvent p = open.stream().filter(x -> x.key().equals(e.key())).findFirst().orElse(null);
            if (p == null) {
                out.add(page.id() + " - " + e.key() + " " + shown(e.evidence()));
                continue;
            }
            open.remove(p);
            if (!java.util.Objects.equals(e.amount(), p.amount()) || !e.status().equals(p.status())
                    || !new java.util.HashSet<>(e.foldedPlaces()).equals(new java.util.HashSet<>(p.foldedPlaces()))) {
                out.add(page.id() + " ~ " + e.key() + " amount " + e.amount() + "/" + p.amount() + " status "
                        + e.status() + "/" + p.status() + " places " + shownPlaces(e) + "/" + shownPlaces(p));
            }
        }
        open.forEach(p -> out.add(page.id() + " + " + p.key() + " " + p.status() + " " + shown(p.evidence())));
        return out;
    }

    private static List<String> unfoundLabelSentences(List<PageCorpus.Page> pages) {
        List<String> unfound = new ArrayList<>();
        for (PageCorpus.Page page : pages) {
            List<String> sentences = new ArrayList<>(page.decisive());
            page.events().forEach(e -> sentences.add(e.evidence()));
            for (String s : sentences) {
                if (PageCorpus.occurrences(page.text(), s).isEmpty()) {
                    unfound.add(page.id() + ": " + shown(s));
                }
            }
        }
        return unfound;
    }

    /** Pages per language (rows) and kind (columns), languages and kinds in the order the labels first use them. */
    private static String languagesAndKinds(List<PageCorpus.Page> pages) {
        List<String> kinds = pages.stream().map(PageCorpus.Page::kind).distinct().toList();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        List<String> languages = pages.stream().map(PageCorpus.Page::language).distinct().toList();
        pages.forEach(p -> counts.computeIfAbsent(p.language(), l -> new TreeMap<>()).merge(p.kind(), 1,
                Integer::sum));
        StringBuilder sb = new StringBuilder(String.format("%-9s", "language"));
        kinds.forEach(k -> sb.append(String.format(" %13s", k)));
        sb.append(String.format(" %6s%n", "total"));
        for (String language : languages) {
            Map<String, Integer> row = counts.get(language);
            sb.append(String.format("%-9s", language));
            kinds.forEach(k -> sb.append(String.format(" %13d", row.getOrDefault(k, 0))));
            sb.append(String.format(" %6d%n", row.values().stream().mapToInt(Integer::intValue).sum()));
        }
        return sb.toString();
    }

    /** The places as written, lower-cased: the worklist shows names, the scorer compares their keys. */
    private static java.util.List<String> shownPlaces(ExpectedEvent e) {
        return e.places().stream().map(ExpectedEvent::fold).distinct().toList();
    }

    /** What an alert would show, on one line and cut to {@value #SHOWN_CHARS} characters. */
    private static String shown(String text) {
        String line = text.strip().replaceAll("(?U)\\s+", " ");
        return line.length() <= SHOWN_CHARS ? line : line.substring(0, SHOWN_CHARS);
    }
}
