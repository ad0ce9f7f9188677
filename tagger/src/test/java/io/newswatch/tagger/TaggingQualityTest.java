package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default ruleset against the hand-labelled regression corpus. Prints the per-tag table (run with
 * {@code ./mvnw -pl streams test -Dtest=TaggingQualityTest}) and fails below the floors, which sit at the targets
 * the independent evaluation sets: tags micro-F1 0.95, entities micro-F1 0.98, 85% of texts exactly right.
 */
class TaggingQualityTest {
    @Test
    void defaultRulesMeetTheQualityFloors() {
        List<RegressionCorpus.Case> cases = RegressionCorpus.load();
        QualityReport report = QualityReport.score(Tagger.withDefaultRules(), cases);
        System.out.println(report.table());
        report.wrong.forEach(w -> System.out.println("  wrong: " + w));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        assertThat(report.tagsMicro.f1()).as("tags micro-F1").isGreaterThanOrEqualTo(0.95);
        assertThat(report.entitiesMicro.f1()).as("entities micro-F1").isGreaterThanOrEqualTo(0.98);
        assertThat(report.exactShare()).as("share of texts exactly right").isGreaterThanOrEqualTo(0.85);
        // every text here is a regression fixture: a rule change may not lose one (the wrong ones are printed above)
        assertThat(report.wrong).as("regression texts tagged wrongly").isEmpty();
    }
}
