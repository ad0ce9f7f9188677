package io.newswatch.model.serde;

import io.newswatch.model.TrendKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The binary form of {@link TrendKeys}: one version byte ({@link #VERSION}), a 16-bit key count, then each key as a
 * 16-bit length and its UTF-8 bytes. A few bytes an article, against the kilobytes of the tagged article it
 * replaces as the counting step's input.
 *
 * <p>Reading refuses, with a {@link SerializationException}, an unknown version, a truncated record, trailing bytes
 * and an empty key. Writing refuses (with an {@link IllegalArgumentException}) a key longer than 65,535 UTF-8 bytes
 * or more than 65,535 keys, which no ruleset produces.
 */
public final class TrendKeysSerde extends Serdes.WrapperSerde<TrendKeys> {
    /** The format version this code writes and the only one it reads. */
    public static final byte VERSION = 1;
    private static final int MAX_UNSIGNED_SHORT = 0xFFFF;

    public TrendKeysSerde() {
        super(new KeysSerializer(), new KeysDeserializer());
    }

    /** The value's bytes. */
    public static byte[] write(TrendKeys value) {
        List<byte[]> encoded = new ArrayList<>(value.keys().size());
        int size = 1 + 2;
        for (String key : value.keys()) {
            byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > MAX_UNSIGNED_SHORT) {
                throw new IllegalArgumentException("a trend key of " + utf8.length + " bytes is too long");
            }
            encoded.add(utf8);
            size += 2 + utf8.length;
        }
        if (encoded.size() > MAX_UNSIGNED_SHORT) {
            throw new IllegalArgumentException("too many trend keys: " + encoded.size());
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putShort((short) encoded.size());
        encoded.forEach(k -> out.putShort((short) k.length).put(k));
        return out.array();
    }

    /**
     * Reads the bytes {@link #write} made.
     *
     * @throws SerializationException when they are not such a record (see the class comment)
     */
    public static TrendKeys read(byte[] data) {
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("unknown trend keys format version " + version);
            }
            int count = Short.toUnsignedInt(in.getShort());
            List<String> keys = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] utf8 = new byte[Short.toUnsignedInt(in.getShort())];
                in.get(utf8);
                keys.add(new String(utf8, StandardCharsets.UTF_8));
            }
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " bytes after the trend keys");
            }
            return new TrendKeys(keys);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            // a truncated buffer or an empty key: the bytes are not a record this code wrote
            throw new SerializationException("not a trend keys record: " + e, e);
        }
    }

    private static final class KeysSerializer implements Serializer<TrendKeys> {
        @Override
        public byte[] serialize(String topic, TrendKeys data) {
            return data == null ? null : write(data);
        }
    }

    private static final class KeysDeserializer implements Deserializer<TrendKeys> {
        @Override
        public TrendKeys deserialize(String topic, byte[] data) {
            return data == null ? null : read(data);
        }
    }
}
