package io.newswatch.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.newswatch.model.net.AddressBlock;
import io.newswatch.model.yaml.YamlTree;
import io.newswatch.model.yaml.YamlTree.Node;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source as a YAML map, the value format of the {@code news.sources} topic: the same keys as an item of the
 * sources file ({@link SourcesFile}), so what an operator reads on the topic is what they wrote.
 *
 * <p>Contract: {@code parse(write(s))} equals {@code s}, and {@link #write} is deterministic (keys in a fixed
 * order, paths absolute, dates as UTC instants, intervals in ISO 8601), so two instances that load the same sources
 * file write byte-identical values and a sync can skip unchanged sources by comparing text.
 */
public final class SourceYaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private SourceYaml() {
    }

    /** The source as a YAML map. */
    public static String write(Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("type", s.type());
        if (s.url() != null) {
            m.put("url", s.url());
        }
        if (s.path() != null) {
            m.put("path", s.path().toAbsolutePath().normalize().toString());
        }
        if (s.interval() != null) {
            m.put("interval", s.interval().toString());
        }
        if (s.language() != null) {
            m.put("language", s.language());
        }
        if (!s.filter().include().isEmpty()) {
            m.put("include", s.filter().include());
        }
        if (!s.filter().exclude().isEmpty()) {
            m.put("exclude", s.filter().exclude());
        }
        if (s.selector() != null) {
            m.put("selector", s.selector());
        }
        if (s.range().since() != null) {
            m.put("since", s.range().since().toString());
        }
        if (s.range().until() != null) {
            m.put("until", s.range().until().toString());
        }
        if (s.discoverRobots()) {
            m.put("discover", "robots");
        }
        if (!s.allowAddresses().isEmpty()) {
            m.put("allow_addresses", s.allowAddresses().stream().map(AddressBlock::toString).toList());
        }
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one source map with the sources file's validation, except that a warc or folder path need not exist
     * on this machine (the source then fails when polled, and is reported unhealthy).
     *
     * @param origin names the text in messages, e.g. {@code news.sources/bbc-world}
     * @throws SourcesException naming the origin, the line:column and the key
     */
    public static Source parse(String yaml, String origin) {
        Path where = Path.of(origin);
        Node root;
        try {
            root = YamlTree.parse(yaml);
        } catch (YamlTree.YamlError e) {
            throw new SourcesException(e.in(origin), e);
        }
        if (!root.is(Node.Kind.MAP)) {
            throw SourcesFile.error(where, root.at(), "a source must be a map with id and type");
        }
        return SourcesFile.readItem(root, where, new HashMap<>(), false);
    }
}
