package io.newswatch.tagger.events.internal;

import java.util.regex.Pattern;

/**
 * Places named only as where someone sits, not where the goods went: a ship's flag or registry ("Hong Kong-flagged"),
 * a group's seat ("a Kyiv-based group"), a speaker's town ("an analyst from Vladivostok") or an authority's
 * ("портовых властей Сахалина", "Pohang customs officials"). A trader's seat is a place of the route ("Dubai-based
 * traders"): the goods pass through it. Each check reads a few words on either side of one place, within its sentence.
 */
final class Seats {
    /**
     * A place that only says where a speaker or an authority is: "an analyst from Vladivostok", "a source in
     * Dandong", "аналитик из Владивостока", "портовых властей Сахалина", "Sakhalin port authorities", "단둥 세관".
     */
    private static final Pattern SPEAKER_BEFORE = Pattern.compile("(?iu)(?:analyst|expert|official|source|diplomat"
            + "|researcher|correspondent|reporter|journalist|spokes\\p{L}*|аналитик|эксперт|источник|корреспондент"
            + "|чиновник|аналітик|експерт|джерел|кореспондент|посадов)\\p{L}*\\s+(?:from|in|based in|из|в|во|с|со|з|із|у"
            + "|в)\\s+(?:the\\s+)?$|(?:властей|власти|властям|администрации|губернатор\\p{L}*|мэри[ия]|влади"
            + "|адміністрації|мерії)\\s+$");
    /** Words one of which every alternative of {@link #SPEAKER_BEFORE} holds, case-folded. */
    private static final Words.Literals SPEAKER_WORDS = new Words.Literals("analyst", "expert", "official", "source",
            "diplomat", "researcher", "correspondent", "reporter", "journalist", "spokes", "аналитик", "эксперт",
            "источник", "корреспондент", "чиновник", "аналітик", "експерт", "джерел", "кореспондент", "посадов",
            "власт", "администрации", "губернатор", "мэри", "влади", "адміністрації", "мерії");
    private static final Pattern AUTHORITY_AFTER = Pattern.compile("^(?:\\s+(?:port|city|local|provincial|regional"
            + "|customs))?\\s+(?:authorities|officials|police|customs|court|prosecutors|governor|mayor|administration"
            + "|당국|세관|시청|경찰)\\b|^(?:当局|海关|警方|政府)");
    /** How far before a place a speaker's words are looked for. */
    private static final int SPEAKER_REACH = 48;
    /** The trading parties a seat is a place of the route for, after "X-based" and its adjectives. */
    private static final Pattern TRADER = Pattern.compile("(?:[\\p{Ll}-]+ ){0,2}(?:compan|firm|trader|intermediar"
            + "|distributor|supplier|broker|exporter|importer|reseller|middlem|dealer|shipper|freight|logistics)");

    private Seats() {
    }

    /** Whether the place {@code h} only says where a speaker or an authority is ({@link #SPEAKER_BEFORE}). */
    static boolean speaker(String text, int start, int end, Hit h) {
        int from = Math.max(start, h.start() - SPEAKER_REACH);
        return Words.anyFolded(text, from, h.start(), SPEAKER_WORDS)
                && SPEAKER_BEFORE.matcher(text).region(from, h.start()).find()
                || AUTHORITY_AFTER.matcher(text).region(h.end(), end).lookingAt();
    }

    /**
     * "Hong Kong-flagged", "Panama-registered", "a Kyiv-based group": a flag or a seat, not a place of the route. A
     * trader's seat is one ("Dubai-based traders reshipped the chips", "Hong Kong-based front companies"): the goods
     * pass through it.
     */
    static boolean registry(String text, int at, int end) {
        if (at >= end || text.charAt(at) != '-' && text.charAt(at) != '‑') {
            return false;
        }
        if (text.startsWith("based ", at + 1)) {
            return !TRADER.matcher(text).region(at + 7, end).lookingAt();
        }
        return text.startsWith("flag", at + 1) || text.startsWith("regist", at + 1) || text.startsWith("based", at + 1);
    }
}
