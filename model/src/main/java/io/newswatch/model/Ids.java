package io.newswatch.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identities. Every id is a truncated SHA-256 in lower-case hex, so it is the same on every machine,
 * in every run and in every replay.
 */
public final class Ids {
    private static final int ID_BYTES = 16;

    private Ids() {
    }

    /** The article id for a canonical URL. */
    public static String articleId(String canonicalUrl) {
        return hash("article\u0000" + canonicalUrl);
    }

    /** The alert id for a rule firing on a story: the same pair always gives the same id. */
    public static String alertId(String ruleId, String storyId) {
        return hash("alert\u0000" + ruleId + "\u0000" + storyId);
    }

    /**
     * The id of a violation event in the ledger: one per (story, commodity, from, to), so every outlet's report of
     * the same breach revises one record. A missing state counts as its own value.
     */
    public static String eventId(String storyId, String commodity, String from, String to) {
        return hash("event\u0000" + storyId + "\u0000" + commodity + "\u0000" + (from == null ? "-" : from)
                + "\u0000" + (to == null ? "-" : to));
    }

    /** The hash that tells two versions of an article apart. */
    public static String contentHash(String title, String text) {
        return hash("content\u0000" + (title == null ? "" : title) + "\u0000" + (text == null ? "" : text));
    }

    /** The id of a notification that lists several alerts: the same scope and alerts always give the same id. */
    public static String notificationId(String identity) {
        return hash("notification\u0000" + identity);
    }

    static String hash(String input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] full = digest.digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(full, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
