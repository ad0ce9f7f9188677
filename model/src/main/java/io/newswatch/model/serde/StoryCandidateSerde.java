package io.newswatch.model.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The binary form of a {@link StoryCandidate} on {@code news.story.candidates}. Most candidates are an article's
 * short fields, a few tags and a fingerprint, with no alert and no event; this form writes those as they are (no
 * field names, no quoting, no number or date formatting) and keeps JSON only for the lists that are usually empty.
 *
 * <p>Version {@value #VERSION}, in order; an int or long is big-endian, a string is an int length ({@code -1} for
 * null) then UTF-8, an instant a flag byte then seconds (long) and nanoseconds (int) when the flag is 1, a string
 * list an int count then its strings, and a "JSON list" an int length ({@code 0} for an empty list) then the
 * list's JSON as {@link Json#mapper()} writes it:
 * <ol>
 *   <li>the version byte, then the candidate's schema version (int);</li>
 *   <li>the fingerprint: a flag byte, then the long when the flag is 1;</li>
 *   <li>the tagged article's schema version (int), then the article: schema version (int), id, url, source id,
 *       title, byline, publishedAt, fetchedAt, language, text, content hash, then {@code truncatedFrom} as a
 *       flag byte and an int;</li>
 *   <li>entities and tags (string lists), rules version (string), taggedAt (instant);</li>
 *   <li>mentions, evidence, violation events and the proposed alerts, each a JSON list.</li>
 * </ol>
 *
 * <p>Reading refuses, with a {@link SerializationException}, any other version byte, a truncated record, trailing
 * bytes and anything the records' own constructors refuse (a missing article id, say), so the story step sends such
 * a record to the dead-letter topic as it does any poison record. A value that starts with <code>{</code> is a
 * candidate written as JSON before this form existed, and is read as such.
 */
public final class StoryCandidateSerde extends Serdes.WrapperSerde<StoryCandidate> {
    /** The format version this code writes; it reads this one and the JSON records written before it. */
    public static final byte VERSION = 1;
    private static final byte LEGACY_JSON = '{';
    private static final JsonSerde<StoryCandidate> LEGACY = JsonSerde.of(StoryCandidate.class);
    private static final ListCodec<Mention> MENTIONS = new ListCodec<>(new TypeReference<>() { });
    private static final ListCodec<Evidence> EVIDENCE = new ListCodec<>(new TypeReference<>() { });
    private static final ListCodec<ViolationEvent> EVENTS = new ListCodec<>(new TypeReference<>() { });
    private static final ListCodec<Alert> ALERTS = new ListCodec<>(new TypeReference<>() { });

    public StoryCandidateSerde() {
        super(new CandidateSerializer(), new CandidateDeserializer());
    }

    /** The candidate's bytes in the current version. */
    public static byte[] write(StoryCandidate c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(c.schemaVersion());
            out.writeBoolean(c.fingerprint() != null);
            if (c.fingerprint() != null) {
                out.writeLong(c.fingerprint());
            }
            TaggedArticle t = c.tagged();
            out.writeInt(t.schemaVersion());
            Article a = t.article();
            out.writeInt(a.schemaVersion());
            for (String s : new String[] {a.id(), a.url(), a.sourceId(), a.title(), a.byline()}) {
                writeString(out, s);
            }
            writeInstant(out, a.publishedAt());
            writeInstant(out, a.fetchedAt());
            for (String s : new String[] {a.language(), a.text(), a.contentHash()}) {
                writeString(out, s);
            }
            out.writeBoolean(a.truncatedFrom() != null);
            out.writeInt(a.truncatedFrom() == null ? 0 : a.truncatedFrom());
            writeStrings(out, t.entities());
            writeStrings(out, t.tags());
            writeString(out, t.rulesVersion());
            writeInstant(out, t.taggedAt());
            MENTIONS.write(out, t.mentions());
            EVIDENCE.write(out, t.evidence());
            EVENTS.write(out, t.events());
            ALERTS.write(out, c.alerts());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Reads a candidate in the current version, or one written as JSON.
     *
     * @throws SerializationException when the bytes are neither (see the class comment)
     */
    public static StoryCandidate read(byte[] data) {
        if (data.length > 0 && data[0] == LEGACY_JSON) {
            return LEGACY.deserialize(null, data);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte version = in.get();
            if (version != VERSION) {
                throw new SerializationException("unknown story candidate format version " + version);
            }
            int schemaVersion = in.getInt();
            Long fingerprint = flag(in) ? in.getLong() : null;
            int taggedVersion = in.getInt();
            // Java evaluates arguments left to right: each constructor call below reads its fields in wire order
            Article article = new Article(in.getInt(), readString(in), readString(in), readString(in),
                    readString(in), readString(in), readInstant(in), readInstant(in), readString(in), readString(in),
                    readString(in), flag(in) ? Integer.valueOf(in.getInt()) : skipInt(in));
            List<String> entities = readStrings(in);
            List<String> tags = readStrings(in);
            String rulesVersion = readString(in);
            Instant taggedAt = readInstant(in);
            List<Mention> mentions = MENTIONS.read(in);
            List<Evidence> evidence = EVIDENCE.read(in);
            List<ViolationEvent> events = EVENTS.read(in);
            TaggedArticle tagged = new TaggedArticle(taggedVersion, article, entities, tags, mentions, evidence,
                    rulesVersion, taggedAt, events);
            List<Alert> alerts = ALERTS.read(in);
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " bytes after the story candidate");
            }
            return new StoryCandidate(schemaVersion, tagged, alerts, fingerprint);
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("not a story candidate record: " + e, e);
        }
    }

    private static boolean flag(ByteBuffer in) {
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw new SerializationException("a flag byte of " + b);
        }
        return b == 1;
    }

    /** Skips the int written in place of an absent {@code truncatedFrom}; null. */
    private static Integer skipInt(ByteBuffer in) {
        in.getInt();
        return null;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new SerializationException("a string of " + length + " bytes with " + in.remaining() + " left");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    private static List<String> readStrings(ByteBuffer in) {
        int count = in.getInt();
        // each string takes at least its four length bytes: a larger count is a broken record, not an allocation
        if (count < 0 || count > in.remaining() / 4) {
            throw new SerializationException("a list of " + count + " strings with " + in.remaining() + " bytes left");
        }
        List<String> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) {
            out.writeLong(at.getEpochSecond());
            out.writeInt(at.getNano());
        }
    }

    private static Instant readInstant(ByteBuffer in) {
        return flag(in) ? Instant.ofEpochSecond(in.getLong(), in.getInt()) : null;
    }

    /** A list written as JSON, or as length 0 when empty (the usual case, which then costs no JSON at all). */
    private static final class ListCodec<T> {
        private final ObjectWriter writer;
        private final ObjectReader reader;

        ListCodec(TypeReference<List<T>> type) {
            this.writer = Json.mapper().writerFor(type);
            this.reader = Json.mapper().readerFor(type);
        }

        void write(DataOutputStream out, List<T> list) throws IOException {
            if (list.isEmpty()) {
                out.writeInt(0);
                return;
            }
            byte[] json = writer.writeValueAsBytes(list);
            out.writeInt(json.length);
            out.write(json);
        }

        List<T> read(ByteBuffer in) {
            int length = in.getInt();
            if (length == 0) {
                return List.of();
            }
            if (length < 0 || length > in.remaining()) {
                throw new SerializationException("a JSON list of " + length + " bytes with " + in.remaining()
                        + " left");
            }
            try {
                List<T> list = reader.readValue(in.array(), in.arrayOffset() + in.position(), length);
                in.position(in.position() + length);
                if (list == null) {
                    throw new SerializationException("a JSON list that is null");
                }
                return list;
            } catch (IOException e) {
                throw new SerializationException("a JSON list that cannot be read: " + e.getMessage(), e);
            }
        }
    }

    private static final class CandidateSerializer implements Serializer<StoryCandidate> {
        @Override
        public byte[] serialize(String topic, StoryCandidate data) {
            return data == null ? null : write(data);
        }
    }

    private static final class CandidateDeserializer implements Deserializer<StoryCandidate> {
        @Override
        public StoryCandidate deserialize(String topic, byte[] data) {
            return data == null ? null : read(data);
        }
    }
}
