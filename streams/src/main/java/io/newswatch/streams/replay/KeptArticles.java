package io.newswatch.streams.replay;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What a replay keeps of each article between its two passes, the latest version of each article in range: its
 * story candidate (the article without its text, its tags and proposed alerts, its fingerprint) and its matches.
 * Both are records in temporary files ({@link SpillFile}). The heap holds, per article, its id packed into shared
 * pages ({@link IdArena}), its event time and the positions of its records, in columns of longs
 * ({@link LongColumn}) and an open-addressing table of ints: about 80 bytes for an article with a 32-character id,
 * and 32 more per match, with no object per article. So a replay of millions of articles runs in the heap a live
 * pipeline has.
 *
 * <p>Candidates are encoded as the story-candidate topic encodes them ({@link Topics#STORY_CANDIDATES}), matches as
 * JSON. The encoding is done by the caller's worker threads ({@link #encodeCandidate}, {@link #encodeMatch}, both
 * thread-safe); {@link #put} and {@link #remove} run on one thread, in archive order, so that the latest version of
 * an article wins. Orders are those of the strings and instants themselves: ids compare as {@link String}s do,
 * rules by id, times exactly.
 *
 * <p>Failure behaviour: an I/O error of the temporary file is thrown as {@link UncheckedIOException} and ends the
 * replay; the file is deleted with this object ({@link #close()}) unless lists returned by {@link #matches()} still
 * use it.
 */
final class KeptArticles implements AutoCloseable {
    private static final Serializer<StoryCandidate> CANDIDATES = Topics.STORY_CANDIDATES.valueSerde().serializer();
    private static final Deserializer<StoryCandidate> CANDIDATES_BACK =
            Topics.STORY_CANDIDATES.valueSerde().deserializer();
    private static final ObjectWriter MATCH_WRITER = Json.mapper().writerFor(ReplayMatch.class);
    private static final ObjectReader MATCH_READER = Json.mapper().readerFor(ReplayMatch.class);
    /** Where the candidate of an article is not kept: its latest version is out of the range. */
    private static final long OUT_OF_RANGE = -1;

    /** One article's match, encoded by a worker. */
    record EncodedMatch(String ruleId, Instant publishedAt, byte[] record) {
    }

    private final SpillFile candidates = new SpillFile("newswatch-replay-candidates-");
    private final SpillFile matchFile = new SpillFile("newswatch-replay-matches-");
    private final IdArena ids = new IdArena();
    // one row per article seen in range, by slot
    private final LongColumn idRefs = new LongColumn();
    private final LongColumn eventTimes = new LongColumn();
    private final LongColumn candidateAt = new LongColumn();
    private final LongColumn matchRanges = new LongColumn(); // first match row << 32 | match count
    // one row per match written; rows of an article's earlier versions are left behind, unreferenced
    private final LongColumn matchRuleAndSlot = new LongColumn(); // rule index << 32 | slot
    private final LongColumn matchSeconds = new LongColumn();
    private final LongColumn matchNanos = new LongColumn();
    private final LongColumn matchAt = new LongColumn();
    private final List<String> ruleIds = new ArrayList<>();
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private int[] table = new int[1 << 10]; // slot + 1 by hash of the id, 0 free; linear probing
    private int kept;
    private boolean matchesHandedOut;

    /** The candidate as a record of the spill file; thread-safe. */
    static byte[] encodeCandidate(StoryCandidate candidate) {
        return CANDIDATES.serialize(Topics.STORY_CANDIDATES.name(), candidate);
    }

    /** A match as a record of the spill file; thread-safe. */
    static EncodedMatch encodeMatch(ReplayMatch match) {
        try {
            return new EncodedMatch(match.ruleId(), match.publishedAt(), MATCH_WRITER.writeValueAsBytes(match));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the match of " + match.ruleId() + " on "
                    + match.articleId(), e);
        }
    }

    /** Keeps an article's latest version in range, replacing what an earlier version left. */
    void put(String id, long eventTime, byte[] candidate, List<EncodedMatch> matches) {
        long at = candidates.append(candidate);
        int slot = slotOf(id, true);
        if (candidateAt.get(slot) == OUT_OF_RANGE) {
            kept++;
        }
        eventTimes.set(slot, eventTime);
        candidateAt.set(slot, at);
        matchRanges.set(slot, (long) matchAt.size() << 32 | matches.size());
        for (EncodedMatch m : matches) {
            int rule = ruleIndex.computeIfAbsent(m.ruleId(), r -> {
                ruleIds.add(r);
                return ruleIds.size() - 1;
            });
            matchRuleAndSlot.add((long) rule << 32 | slot);
            matchSeconds.add(m.publishedAt().getEpochSecond());
            matchNanos.add(m.publishedAt().getNano());
            matchAt.add(matchFile.append(m.record()));
        }
    }

    /** Forgets an article whose latest version is out of range. */
    void remove(String id) {
        int slot = slotOf(id, false);
        if (slot >= 0 && candidateAt.get(slot) != OUT_OF_RANGE) {
            candidateAt.set(slot, OUT_OF_RANGE);
            kept--;
        }
    }

    /** Articles kept. */
    int size() {
        return kept;
    }

    /** Bytes of heap the bookkeeping takes, the id pages, columns and table; the records are in the files. */
    long footprint() {
        return ids.footprint() + (long) Integer.BYTES * table.length
                + Stream.of(idRefs, eventTimes, candidateAt, matchRanges, matchRuleAndSlot, matchSeconds, matchNanos,
                        matchAt).mapToLong(LongColumn::footprint).sum();
    }

    /**
     * Ends the first pass and hands every kept candidate to {@code story}, ordered by event time, ties by article
     * id: the order the story step runs in.
     *
     * @throws ReplayCancelledException when {@code cancelled} turns true
     */
    void forEachInEventOrder(Consumer<StoryCandidate> story, BooleanSupplier cancelled) {
        candidates.finishWriting();
        Integer[] order = IntStream.range(0, idRefs.size()).filter(s -> candidateAt.get(s) != OUT_OF_RANGE)
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingLong(eventTimes::get).thenComparing(this::idOf));
        for (int slot : order) {
            if (cancelled.getAsBoolean()) {
                throw new ReplayCancelledException();
            }
            story.accept(CANDIDATES_BACK.deserialize(Topics.STORY_CANDIDATES.name(),
                    candidates.read(candidateAt.get(slot))));
        }
        candidates.close(); // the story step was their only reader
    }

    /** Every kept match, in {@link ReplayResult#MATCH_ORDER}, read from the file when asked for. */
    List<ReplayMatch> matches() {
        matchFile.finishWriting();
        List<Integer> rows = new ArrayList<>();
        for (int slot = 0; slot < idRefs.size(); slot++) {
            if (candidateAt.get(slot) != OUT_OF_RANGE) {
                long range = matchRanges.get(slot);
                for (int row = (int) (range >>> 32), end = row + (int) range; row < end; row++) {
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.<Integer, String>comparing(row -> ruleIds.get((int) (matchRuleAndSlot.get(row) >>> 32)))
                .thenComparingLong(matchSeconds::get).thenComparingLong(matchNanos::get)
                .thenComparing(row -> idOf((int) matchRuleAndSlot.get(row))));
        long[] positions = rows.stream().mapToLong(matchAt::get).toArray();
        matchesHandedOut = true;
        return new SpilledList<>(matchFile, positions, KeptArticles::decodeMatch);
    }

    private String idOf(int slot) {
        return ids.get(idRefs.get(slot));
    }

    /** The slot of an id, made when {@code create} and there is none; -1 when there is none and not made. */
    private int slotOf(String id, boolean create) {
        int mask = table.length - 1;
        for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
            int entry = table[i];
            if (entry == 0) {
                if (!create) {
                    return -1;
                }
                int slot = idRefs.add(ids.add(id));
                eventTimes.add(0);
                candidateAt.add(OUT_OF_RANGE);
                matchRanges.add(0);
                table[i] = slot + 1;
                if (2L * idRefs.size() > table.length) {
                    grow();
                }
                return slot;
            }
            if (ids.sameAs(idRefs.get(entry - 1), id)) {
                return entry - 1;
            }
        }
    }

    /** Doubles the table, keeping it at most half full so that probes stay short. */
    private void grow() {
        int[] bigger = new int[table.length * 2];
        int mask = bigger.length - 1;
        for (int slot = 0; slot < idRefs.size(); slot++) {
            int i = spread(ids.hash(idRefs.get(slot))) & mask;
            while (bigger[i] != 0) {
                i = (i + 1) & mask;
            }
            bigger[i] = slot + 1;
        }
        table = bigger;
    }

    /** Fibonacci hashing: the high bits of the product mixed down, so that nearby hashes land apart. */
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static ReplayMatch decodeMatch(byte[] record) {
        try {
            return MATCH_READER.readValue(record);
        } catch (IOException e) {
            throw new UncheckedIOException("a replay match record cannot be read back", e);
        }
    }

    /**
     * Deletes the files, except the matches' once {@link #matches()} has handed them out (that file goes when its
     * list is no longer reachable).
     */
    @Override
    public void close() {
        candidates.close();
        if (!matchesHandedOut) {
            matchFile.close();
        }
    }
}
