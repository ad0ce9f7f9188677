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
}
