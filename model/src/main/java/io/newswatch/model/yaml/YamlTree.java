package io.newswatch.model.yaml;

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
 * A YAML document (YAML 1.1 as SnakeYAML reads it, through Jackson's streaming parser) read into a small tree
 * whose every node, and every key of a map, remembers where it stands, so that a validation error points at the
 * exact line and column. This is the only YAML reader of newswatch.
 *
 * <p>Contract: maps keep their keys in document order; a key given twice is an error at the second one rather
 * than a silent overwrite; scalars are kept as text (the caller decides their type, so {@code yes}, {@code 010}
 * and {@code 1e3} reach it as written); an explicit {@code null} or {@code ~} is a {@link Node.Kind#NULL} node. An
 * empty document parses to a NULL node at 1:1. The tree is immutable.
 *
 * <p>Failure behaviour: text that is not YAML, or a repeated key, raises {@link YamlError} carrying the line and
 * column; the message holds the problem only, so callers prefix their file name ({@link YamlError#in}).
 */
public final class YamlTree {
    private YamlTree() {
    }

    /** Where something stands in the text: line and column, both from 1. */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    /** A YAML problem at a position; the caller adds the file name. */
    public static final class YamlError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Position position;

        public YamlError(Position position, String message) {
            super(message);
            this.position = position;
        }

        public YamlError(int line, int column, String message) {
            this(new Position(line, column), message);
        }

        public Position position() {
            return position;
        }

        public int line() {
            return position.line();
        }

        public int column() {
            return position.column();
        }

        /** {@code origin:line:column: message}, the form every newswatch error about a file takes. */
        public String in(Object origin) {
            return origin + ":" + position + ": " + getMessage();
        }
    }

    /** One node: a map, a list, a scalar (as text) or null. */
    public static final class Node {
        public enum Kind { MAP, LIST, SCALAR, NULL }

        private final Kind kind;
        private final String scalar;
        private final Map<String, Node> map;
        private final Map<String, Position> keyPositions;
        private final List<Node> list;
        private final Position at;

        private Node(Kind kind, String scalar, Map<String, Node> map, Map<String, Position> keyPositions,
                     List<Node> list, Position at) {
            this.kind = kind;
            this.scalar = scalar;
            this.map = map;
            this.keyPositions = keyPositions;
            this.list = list;
            this.at = at;
        }

        public Kind kind() {
            return kind;
        }

        public boolean is(Kind wanted) {
            return kind == wanted;
        }

        /** Where the node starts. */
        public Position at() {
            return at;
        }

        public int line() {
            return at.line();
        }

        public int column() {
            return at.column();
        }

        /**
         * The entries of a map node, in document order.
         *
         * @throws YamlError at this node if it is not a map
         */
        public Map<String, Node> entries() {
            require(Kind.MAP, "a map");
            return map;
        }

        /** Where one of this map's keys stands, or the map's own position for a key it does not have. */
        public Position keyAt(String key) {
            Position p = keyPositions == null ? null : keyPositions.get(key);
            return p == null ? at : p;
        }

        /** An error positioned at one of this map's keys (where a misspelt key is), or at the map if unknown. */
        public YamlError keyError(String key, String message) {
            return new YamlError(keyAt(key), message);
        }

        /**
         * The items of a list node.
         *
         * @throws YamlError at this node if it is not a list
         */
        public List<Node> items() {
            require(Kind.LIST, "a list");
            return list;
        }

        /**
         * The text of a scalar node.
         *
         * @throws YamlError at this node if it is not a single value
         */
        public String text() {
            require(Kind.SCALAR, "a single value");
            return scalar;
        }

        /** The text of a scalar, {@code ""} for a NULL node. */
        public String textOrEmpty() {
            return kind == Kind.NULL ? "" : text();
        }

        /** An error positioned at this node. */
        public YamlError error(String message) {
            return new YamlError(at, message);
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
                return new Node(Node.Kind.NULL, null, null, null, null, new Position(1, 1));
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

    /** SnakeYAML's message without its own excerpt and marks: callers show the position themselves. */
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

    private static Position where(JsonLocation loc) {
        return new Position(loc.getLineNr(), loc.getColumnNr());
    }

    private static Node read(JsonParser p) throws IOException {
        Position at = where(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Node> map = new LinkedHashMap<>();
            Map<String, Position> keys = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                Position keyAt = where(p.currentTokenLocation());
                Position first = keys.putIfAbsent(key, keyAt);
                if (first != null) {
                    throw new YamlError(keyAt, "key '" + key + "' given twice (first at " + first + ")");
                }
                p.nextToken();
                map.put(key, read(p));
            }
            return new Node(Node.Kind.MAP, null, Collections.unmodifiableMap(map),
                    Collections.unmodifiableMap(keys), null, at);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(read(p));
            }
            return new Node(Node.Kind.LIST, null, null, null, Collections.unmodifiableList(list), at);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new Node(Node.Kind.NULL, null, null, null, null, at);
        }
        return new Node(Node.Kind.SCALAR, p.getText(), null, null, null, at);
    }
}
