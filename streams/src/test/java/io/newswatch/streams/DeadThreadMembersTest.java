package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which group member a dying stream thread held; the removal itself is tested in OversizedArticleIntegrationTest. */
class DeadThreadMembersTest {
    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(nullValues = "none", value = {
        "vm-6b8001a6, app-d617909a-4d26-46b0-9901-fa4164fec8af-StreamThread-1, vm-6b8001a6-1",
        "vm-6b8001a6, app-d617909a-4d26-46b0-9901-fa4164fec8af-StreamThread-12, vm-6b8001a6-12",
        "host.example, newswatch-streams-StreamThread-3, host.example-3",
        "vm-6b8001a6, app-GlobalStreamThread, none",
        "vm-6b8001a6, app-StreamThread-, none",
        "vm-6b8001a6, main, none",
    })
    void theMemberIsTheInstanceIdWithTheThreadIndex(String instanceId, String threadName, String member) {
        assertThat(DeadThreadMembers.memberOf(instanceId, threadName)).isEqualTo(member);
    }
}
