package io.newswatch.tagger.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that remembers where every node stands (line and column, from 1), so a
 * validation error can point at the exact spot. Built on Jackson's streaming YAML parser; duplicate keys in a
 * map are an error rather than silently overwriting each other.
 */
public final class YamlTree {
    private YamlTree() {
    }

    /** A YAML problem at a position; the caller adds the file name. */
    public static final class YamlError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        public YamlError(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** One node: a map, a list, a scalar (as text) or null. */
    public static final class Node {
        public enum Kind { MAP, LIST, SCALAR, NULL }

        private final Kind kind;
        private final String scalar;
        private final Map<String, Node> map;
        private final Map<String, int[]> keyPositions = new LinkedHashMap<>();
        private final List<Node> list;
        private final int line;
        private final int column;

        Node(Kind kind, String scalar, Map<String, Node> map, List<Node> list, int line, int column) {
            this.kind = kind;
            this.scalar = scalar;
            this.map = map;
            this.list = list;
            this.line = line;
            this.column = column;
        }

        public Kind kind() {
            return kind;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** The entries of a map node, in document order. */
        public Map<String, Node> entries() {
            require(Kind.MAP, "a map");
            return Collections.unmodifiableMap(map);
        }

        /** An error positioned at one of this map's keys (where a misspelt key is), or at the map if unknown. */
        public YamlError keyError(String key, String message) {
            int[] at = keyPositions.get(key);
            return at == null ? error(message) : new YamlError(at[0], at[1], message);
        }

        /** The items of a list node. */
        public List<Node> items() {
            require(Kind.LIST, "a list");
            return Collections.unmodifiableList(list);
        }

        /** The text of a scalar node. */
        public String text() {
            require(Kind.SCALAR, "a single value");
            return scalar;
        }

        /** An error positioned at this node. */
        public YamlError error(String message) {
            return new YamlError(line, column, message);
        }

        private void require(Kind wanted, String what) {
            if (kind != wanted) {
                throw error("expected " + what + " but found " + describe());
            }
        }

        /** What this node is, for error messages. */
        public String describe() {
            return switch (kind) {
                case MAP -> "a map";
                case LIST -> "a list";
                case SCALAR -> "'" + scalar + "'";
                case NULL -> "nothing";
            };
        }
    }

    /**
     * Parses a YAML document.
     *
     * @throws YamlError when the text is not YAML or repeats a key; an empty document parses to a NULL node
     */
    public static Node parse(String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Node(Node.Kind.NULL, null, null, null, 1, 1);
            }
            return read(p);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new YamlError(loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid YAML: " + problemOnly(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new YamlError(0, 0, "cannot read YAML: " + e.getMessage());
        }
    }

    /** SnakeYAML's message without its own excerpt and marks: the caller shows the line with a caret. */
    private static String problemOnly(String message) {
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || line.startsWith(" ") || t.startsWith("in 'reader'") || t.equals("^")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(t);
        }
        return out.length() == 0 ? message : out.toString();
    }

    private static Node read(JsonParser p) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> map = new LinkedHashMap<>();
            Map<String, int[]> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyLoc = p.currentTokenLocation();
                p.nextToken();
                Node value = read(p);
                if (map.putIfAbsent(key, value) != null) {
                    throw new YamlError(keyLoc.getLineNr(), keyLoc.getColumnNr(), "key '" + key + "' appears twice");
                }
                keys.put(key, new int[] {keyLoc.getLineNr(), keyLoc.getColumnNr()});
            }
            Node node = new Node(Node.Kind.MAP, null, map, null, line, col);
            node.keyPositions.putAll(keys);
            return node;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(p));
            }
            return new Node(Node.Kind.LIST, null, null, list, line, col);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new Node(Node.Kind.NULL, null, null, null, line, col);
        }
        return new Node(Node.Kind.SCALAR, p.getText(), null, null, line, col);
    }
}
