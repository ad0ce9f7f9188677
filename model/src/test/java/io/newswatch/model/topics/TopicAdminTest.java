package io.newswatch.model.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicAdminTest {

    @ParameterizedTest(name = "{0} broker(s): RF {1}, min.insync.replicas {2}")
    @CsvSource({
            // brokers, replication factor, min.insync.replicas
            "1, 1, 1",
            // two brokers: either may be down and writes go on
            "2, 2, 1",
            // Kafka's recommended durable setting: an acknowledged write is on two replicas
            "3, 3, 2",
            "5, 3, 2",
            "12, 3, 2",
    })
    void replicationFollowsTheClusterSize(int brokers, short factor, int minInsync) {
        assertThat(TopicAdmin.Replication.forBrokers(brokers))
                .isEqualTo(new TopicAdmin.Replication(factor, minInsync));
    }

    @ParameterizedTest(name = "RF {0}, min.insync.replicas {1}: {2}")
    @CsvSource({
            // judged by the topic's own replication factor, however many brokers are up when checking
            "1, 1, ok",
            "2, 1, ok",
            "2, 2, ok",
            // three copies but a write acknowledged by one: losing that leader loses it
            "3, 1, weak",
            "3, 2, ok",
            "3, 3, ok",
            "5, 1, weak",
            "5, 2, ok",
    })
    void minInsyncReplicasIsJudgedAgainstTheTopicsOwnReplicationFactor(int factor, int minInsync, String verdict) {
        assertThat(TopicAdmin.Replication.isWeak(factor, minInsync)).isEqualTo(verdict.equals("weak"));
        assertThat(new TopicAdmin.WeakTopic(factor, minInsync).wanted()).isEqualTo(factor >= 3 ? 2 : 1);
    }

    @ParameterizedTest(name = "{0} live broker(s)")
    @CsvSource({
            "1, ''",
            "2, 'only 2 live broker(s): topics will be created with replication factor 2 (the live count)'",
            "3, ''",
            "4, ''",
    })
    void creatingTopicsWithFewerThanThreeLiveBrokersIsWarnedAboutNamingTheCount(int live, String start) {
        if (start.isEmpty()) {
            assertThat(TopicAdmin.fewBrokersWarning(live)).isEmpty();
        } else {
            assertThat(TopicAdmin.fewBrokersWarning(live)).hasValueSatisfying(w -> assertThat(w).startsWith(start)
                    .contains("keep that when more brokers join"));
        }
    }
}
