package io.newswatch.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which ledger records ({@code news.events}) a listing shows, and in which order. Every criterion that is null
 * selects everything; the given ones must all hold.
 *
 * @param commodity exactly this commodity
 * @param from      this supplying (sending) state, ISO 3166 alpha-2, any case
 * @param to        this receiving (host) state, ISO 3166 alpha-2, any case
 * @param since     a latest report at or after this instant (a record without report times never matches)
 * @param vessel    a vessel name or IMO number containing this text, ignoring case
 * @param place     a place containing this text, ignoring case
 * @param status     exactly this status ({@value ViolationEvent#ASSERTED} or {@value ViolationEvent#POSSIBLE})
 * @param resolution a UN Security Council resolution number containing this text
 * @param outlet     an outlet (source id) among the reports, exactly
 */
public record LedgerFilter(String commodity, String from, String to, Instant since, String vessel, String place,
                           String status, String resolution, String outlet) {
    /**
     * The order of a listing: latest report newest first, records without one last; at the same time by from, to
     * and commodity (an unknown state first), then by id.
     */
    public static final Comparator<ViolationRecord> NEWEST_FIRST = Comparator
            .comparing(ViolationRecord::latestReportedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            // then by what the event is, so that the order does not hang on ids hashed from URLs
            .thenComparing(ViolationRecord::from, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ViolationRecord::to, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ViolationRecord::commodity, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ViolationRecord::id, Comparator.nullsLast(Comparator.naturalOrder()));

    /** The filter of the criteria {@code newswatch events} offers. */
    public LedgerFilter(String commodity, String from, String to, Instant since, String vessel, String place) {
        this(commodity, from, to, since, vessel, place, null, null, null);
    }

    /** Selects every record. */
    public static LedgerFilter all() {
        return new LedgerFilter(null, null, null, null, null, null);
    }

    /** Whether the record is selected. */
    public boolean matches(ViolationRecord r) {
        return (commodity == null || commodity.equals(r.commodity()))
                && (from == null || from.equalsIgnoreCase(nullToEmpty(r.from())))
                && (to == null || to.equalsIgnoreCase(nullToEmpty(r.to())))
                && (since == null || r.latestReportedAt() != null && !r.latestReportedAt().isBefore(since))
                && (vessel == null || containsIgnoringCase(r.vessels(), vessel)
                    || containsIgnoringCase(r.imo(), vessel))
                && (place == null || containsIgnoringCase(r.places(), place))
                && (status == null || status.equalsIgnoreCase(nullToEmpty(r.status())))
                && (resolution == null || containsIgnoringCase(r.resolutions(), resolution))
                && (outlet == null || r.reports().stream().anyMatch(p -> outlet.equals(p.sourceId())));
    }

    /** The selected records, {@link #NEWEST_FIRST}. */
    public List<ViolationRecord> select(java.util.Collection<ViolationRecord> records) {
        return records.stream().filter(this::matches).sorted(NEWEST_FIRST).toList();
    }

    private static boolean containsIgnoringCase(List<String> values, String needle) {
        String n = needle.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(n));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
