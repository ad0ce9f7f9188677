package io.newswatch.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupInstanceIdTest {

    @ParameterizedTest
    @CsvSource({"alerts-eu-1", "host.example.org", "pod_0"})
    void aConfiguredIdIsUsedAsItIs(String id) {
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.INSTANCE_ID, id);
        assertThat(GroupInstanceId.of(config, null)).isEqualTo(id);
        assertThat(GroupInstanceId.of(config, Path.of("/var/lib/newswatch"))).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource({"'alerts 1'", "'a/b'", "'ü'"})
    void anIdKafkaWouldRefuseFailsNamingTheKey(String id) {
        NewswatchConfig config = NewswatchConfig.defaults().with(ConfigKeys.INSTANCE_ID, id);
        assertThatThrownBy(() -> GroupInstanceId.of(config, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.instance.id");
    }

    @Test
    void unsetItIsStableAndTwoStateDirectoriesOnOneHostDiffer() {
        NewswatchConfig config = NewswatchConfig.defaults();
        String plain = GroupInstanceId.of(config, null);
        assertThat(plain).matches("[A-Za-z0-9._-]+").isEqualTo(GroupInstanceId.of(config, null));
        String a = GroupInstanceId.of(config, Path.of("/data/streams-a"));
        assertThat(a).startsWith(plain + "-").isEqualTo(GroupInstanceId.of(config, Path.of("/data/../data/streams-a")));
        assertThat(GroupInstanceId.of(config, Path.of("/data/streams-b"))).isNotEqualTo(a);
    }
}
