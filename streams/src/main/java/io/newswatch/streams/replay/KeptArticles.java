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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What a replay keeps of each article between its two passes, the latest version of each article in range: its
 * story candidate (the article without its text, its tags and proposed alerts, its fingerprint) and its matches.
 * Both are records in temporary files ({@link SpillFile}); the heap holds only the article id, its event time and the positions, a
 * few dozen bytes per article, so a replay of millions of articles runs in the heap a live pipeline has.
 *
 * <p>Candidates are encoded as the story-candidate topic encodes them ({@link Topics#STORY_CANDIDATES}), matches as
 * JSON. The encoding is done by the caller's worker threads ({@link #encodeCandidate}, {@link #encodeMatch}, both
 * thread-safe); {@link #put} and {@link #remove} run on one thread, in archive order, so that the latest version of
 * an article wins.
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
    private static final Comparator<MatchKey> MATCH_ORDER = Comparator.comparing(MatchKey::ruleId)
            .thenComparing(MatchKey::publishedAt).thenComparing(MatchKey::articleId);

    /** A match as the heap keeps it: what {@link ReplayResult#MATCH_ORDER} sorts by, and where the match is. */
    private record MatchKey(String ruleId, Instant publishedAt, String articleId, long position) {
    }

    /** One kept article. */
    private record Slot(String id, long eventTime, long candidate, MatchKey[] matches) {
    }

    /** One article's match, encoded by a worker. */
    record EncodedMatch(String ruleId, Instant publishedAt, byte[] record) {
    }

    /** Shared by the articles that matched nothing, most of them. */
    private static final MatchKey[] NO_MATCHES = new MatchKey[0];

    private final SpillFile candidates = new SpillFile("newswatch-replay-candidates-");
    private final SpillFile matchFile = new SpillFile("newswatch-replay-matches-");
    private final Map<String, Slot> latest = new HashMap<>();
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
        MatchKey[] keys = matches.isEmpty() ? NO_MATCHES : new MatchKey[matches.size()];
        for (int i = 0; i < keys.length; i++) {
            EncodedMatch m = matches.get(i);
            keys[i] = new MatchKey(m.ruleId(), m.publishedAt(), id, matchFile.append(m.record()));
        }
        latest.put(id, new Slot(id, eventTime, at, keys));
    }

    /** Forgets an article whose latest version is out of range. */
    void remove(String id) {
        latest.remove(id);
    }

    /** Articles kept. */
    int size() {
        return latest.size();
    }

    /**
     * Ends the first pass and hands every kept candidate to {@code story}, ordered by event time, ties by article
     * id: the order the story step runs in.
     *
     * @throws ReplayCancelledException when {@code cancelled} turns true
     */
    void forEachInEventOrder(Consumer<StoryCandidate> story, BooleanSupplier cancelled) {
        candidates.finishWriting();
        List<Slot> ordered = new ArrayList<>(latest.values());
        ordered.sort(Comparator.comparingLong(Slot::eventTime).thenComparing(Slot::id));
        for (Slot s : ordered) {
            if (cancelled.getAsBoolean()) {
                throw new ReplayCancelledException();
            }
            story.accept(CANDIDATES_BACK.deserialize(Topics.STORY_CANDIDATES.name(),
                    candidates.read(s.candidate())));
        }
        candidates.close(); // the story step was their only reader
    }

    /** Every kept match, in {@link ReplayResult#MATCH_ORDER}, read from the file when asked for. */
    List<ReplayMatch> matches() {
        matchFile.finishWriting();
        List<MatchKey> keys = new ArrayList<>();
        latest.values().forEach(s -> keys.addAll(List.of(s.matches())));
        keys.sort(MATCH_ORDER);
        long[] positions = keys.stream().mapToLong(MatchKey::position).toArray();
        matchesHandedOut = true;
        return new SpilledList<>(matchFile, positions, KeptArticles::decodeMatch);
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
        latest.clear();
        candidates.close();
        if (!matchesHandedOut) {
            matchFile.close();
        }
    }
}
