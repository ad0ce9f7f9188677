package io.newswatch.model.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressBlockTest {
    @ParameterizedTest(name = "{0} holds {1}: {2}")
    @CsvSource({
            "127.0.0.1,        127.0.0.1,        true",
            "127.0.0.1,        127.0.0.2,        false",
            "127.0.0.0/8,      127.255.0.1,      true",
            "10.0.0.0/8,       11.0.0.1,         false",
            "10.1.2.3/8,       10.200.0.1,       true",
            "172.16.0.0/12,    172.31.255.255,   true",
            "172.16.0.0/12,    172.32.0.0,       false",
            "0.0.0.0/0,        8.8.8.8,          true",
            "0.0.0.0/0,        ::1,              false",
            "::1,              ::1,              true",
            "[::1]/128,        ::1,              true",
            "fd00::/8,         fd12::1,          true",
            "fd00::/8,         fc00::1,          false",
            "10.0.0.0/8,       ::ffff:10.9.9.9,  true"})
    void blocksHoldTheirAddresses(String block, String address, boolean holds) throws Exception {
        assertThat(AddressBlock.parse(block).contains(InetAddress.getByName(address))).isEqualTo(holds);
    }

    @ParameterizedTest
    @CsvSource({"localhost", "example.org", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/x", "''"})
    void namesAndBadBlocksAreRefusedWithoutAskingDns(String text) {
        assertThatThrownBy(() -> AddressBlock.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfigurationKeyTakesAListAndNamesItselfWhenABlockIsBad() {
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.FETCH_ALLOW_ADDRESSES, "127.0.0.1, 10.0.0.0/8 fd00::/8");
        assertThat(config.get(ConfigKeys.FETCH_ALLOW_ADDRESSES)).extracting(AddressBlock::toString)
                .containsExactly("127.0.0.1/32", "10.0.0.0/8", "fd00:0:0:0:0:0:0:0/8");
        assertThat(NewswatchConfig.defaults().get(ConfigKeys.FETCH_ALLOW_ADDRESSES)).isEmpty();
        assertThatThrownBy(() -> NewswatchConfig.defaults().with(ConfigKeys.FETCH_ALLOW_ADDRESSES, "intranet")
                .get(ConfigKeys.FETCH_ALLOW_ADDRESSES))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.fetch.allow.addresses");
    }
}
