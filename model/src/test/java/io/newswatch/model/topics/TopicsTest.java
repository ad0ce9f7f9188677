package io.newswatch.model.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void archiveAndRulesAreCompacted() {
        assertThat(Topics.ARTICLES.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
        assertThat(Topics.RULES.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
        assertThat(Topics.ALERTS.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete");
    }

    @Test
    void catalogueNamesAreUniqueAndFindable() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates()
                .contains("news.articles", "news.tagged", "news.alerts", "news.rules", "news.dlq");
        for (TopicSpec<?, ?> spec : Topics.ALL) {
            assertThat(Topics.byName(spec.name())).isSameAs(spec);
        }
    }

    @Test
    void perRuleTopicsAreDerivedAndValidated() {
        assertThat(Topics.alertsForRule("ru-kp").name()).isEqualTo("news.alerts.ru-kp");
        assertThat(Topics.byName("news.alerts.triangle").name()).isEqualTo("news.alerts.triangle");
        assertThatThrownBy(() -> Topics.alertsForRule("Bad Rule!")).hasMessageContaining("Bad Rule!");
        assertThatThrownBy(() -> Topics.byName("nope")).hasMessageContaining("nope");
    }
}
