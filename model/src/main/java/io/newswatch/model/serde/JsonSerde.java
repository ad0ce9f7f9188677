package io.newswatch.model.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde that writes a record as UTF-8 JSON and reads it back.
 *
 * <p>Failure behaviour: malformed input (not JSON, wrong shape, trailing garbage, an empty payload) raises a
 * {@link SerializationException} whose message names the target type, the cause and the first bytes of the
 * payload, so a dead-letter header tells an operator what was wrong. A {@code null} payload (a tombstone)
 * deserializes to {@code null}.
 *
 * @param <T> the record type
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private static final int SNIPPET_CHARS = 80;

    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.writer = Json.mapper().writerFor(type);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                    + ": empty payload");
        }
        try {
            T value = reader.readValue(data);
            if (value == null) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                        + ": payload is JSON null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new SerializationException("cannot read " + type.getSimpleName() + " from topic " + topic
                    + ": " + firstLine(reason) + " (payload starts: " + snippet(data) + ")", e);
        }
    }

    /** Reads a value outside Kafka, with the same checks. */
    public T fromBytes(byte[] data) {
        return deserialize(null, data);
    }

    /** Writes a value outside Kafka. */
    public byte[] toBytes(T value) {
        return serialize(null, value);
    }

    /** Writes a value as a JSON string. */
    public String toJson(T value) {
        return new String(serialize(null, value), StandardCharsets.UTF_8);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the type is fixed at construction
    }

    @Override
    public void close() {
        // stateless
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String snippet(byte[] data) {
        String s = new String(data, 0, Math.min(data.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
        s = s.replaceAll("\\p{Cntrl}", "?");
        return '"' + (s.length() > SNIPPET_CHARS ? s.substring(0, SNIPPET_CHARS) + "..." : s) + '"';
    }
}
