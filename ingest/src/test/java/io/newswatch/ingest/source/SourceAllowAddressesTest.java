package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.net.AddressBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source's own allow_addresses: read, checked with positions, and carried over news.sources unchanged. */
class SourceAllowAddressesTest {
    @TempDir
    Path dir;

    @Test
    void aSourceListsTheNonPublicAddressesItMayReach() throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - id: intranet-wire
                    url: http://wire.corp.test/feed.xml
                    allow_addresses: [10.20.0.0/16, 'fd00::/8']
                  - id: local-site
                    type: sitemap
                    url: http://127.0.0.1:8080/sitemap.xml
                    allow_addresses: 127.0.0.1
                  - id: public
                    url: https://news.example.org/feed.xml
                """);

        List<Source> sources = SourcesFile.load(file);

        assertThat(sources.get(0).allowAddresses()).extracting(AddressBlock::toString)
                .containsExactly("10.20.0.0/16", "fd00:0:0:0:0:0:0:0/8");
        assertThat(sources.get(1).allowAddresses()).containsExactly(AddressBlock.parse("127.0.0.1"));
        assertThat(sources.get(2).allowAddresses()).isEmpty();
        for (Source s : sources) {
            String yaml = SourceYaml.write(s);
            assertThat(SourceYaml.parse(yaml, "news.sources/" + s.id())).isEqualTo(s);
        }
        assertThat(SourceYaml.write(sources.get(2))).doesNotContain("allow_addresses");
    }

    @Test
    void aNameOrABadBlockIsRefusedWithItsPosition() throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - id: wire
                    url: http://wire.corp.test/feed.xml
                    allow_addresses:
                      - 10.0.0.0/8
                      - wire.corp.test
                """);
        assertThatThrownBy(() -> SourcesFile.load(file))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(file + ":6:9:")
                .hasMessageContaining("'allow_addresses' of wire: 'wire.corp.test' is not an IP address");

        Files.writeString(file, """
                sources:
                  - id: archive
                    type: warc
                    path: .
                    allow_addresses: 127.0.0.1
                """);
        assertThatThrownBy(() -> SourcesFile.load(file))
                .hasMessageContaining("'allow_addresses' does not apply to archive of type warc");
    }
}
