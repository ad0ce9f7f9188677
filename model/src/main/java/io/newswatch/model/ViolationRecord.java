package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One entry of the violations ledger, the value on {@code news.events}: a breach as every outlet has reported it.
 * Its key and {@link #id()} are {@link Ids#eventId(String, String, String, String)} of (story, commodity, from, to),
 * so the same breach reported again, by the same outlet or another, revises this record instead of adding one.
 *
 * <p>A report adds its article (once: a re-tagged article replaces its own report), widens the first and latest
 * report times, keeps the largest amount, and takes the union of places, vessels, IMO numbers, resolutions and
 * attributions. The status is {@value ViolationEvent#ASSERTED} once any report asserts it.
 *
 * @param schemaVersion    schema version of this record
 * @param id               the event id
 * @param storyId          the story the reports belong to
 * @param commodity        what moved (see {@link ViolationEvent#COMMODITIES})
 * @param from             supplying state, or null
 * @param to               receiving state, or null
 * @param status           asserted or possible, over all reports
 * @param amount           the largest amount any report states, or null
 * @param unit             that amount's unit, or null
 * @param places           union of the reports' places, in first-seen order
 * @param vessels          union of vessel names
 * @param imo              union of IMO numbers
 * @param resolutions      union of resolution numbers
 * @param attributions     union of who says so
 * @param reports          the articles that report it, oldest first
 * @param firstReportedAt  the earliest report's publication (or fetch) time
 * @param latestReportedAt the latest report's publication (or fetch) time
 * @param revision         0 for the first report, then one more for each record that revises it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ViolationRecord(int schemaVersion, String id, String storyId, String commodity, String from, String to,
                              String status, Long amount, String unit, List<String> places, List<String> vessels,
                              List<String> imo, List<String> resolutions, List<String> attributions,
                              List<Report> reports, Instant firstReportedAt, Instant latestReportedAt, int revision) {

    public static final int SCHEMA_VERSION = 1;
    /**
     * Reports listed per event: the oldest are the ones an analyst cites, so a later report beyond this is not
     * listed, but still widens the report dates and adds its facts (amount, places, vessels, ...).
     */
    public static final int MAX_REPORTS = 200;

    /**
     * One article's report of the event.
     *
     * @param articleId   the article
     * @param url         its URL
     * @param title       its headline
     * @param sourceId    the outlet (source id) that carried it
     * @param reportedAt  its publication time, or its fetch time when the page gives none
     * @param status      what this article says: asserted or possible
     * @param amount      the amount it states, or null
     * @param evidence    the sentence that states it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Report(String articleId, String url, String title, String sourceId, Instant reportedAt,
                         String status, Long amount, String evidence) {
    }

    public ViolationRecord {
        places = places == null ? List.of() : List.copyOf(places);
        vessels = vessels == null ? List.of() : List.copyOf(vessels);
        imo = imo == null ? List.of() : List.copyOf(imo);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        attributions = attributions == null ? List.of() : List.copyOf(attributions);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** The first record of an event, from one article's report of it. */
    public static ViolationRecord first(String storyId, ViolationEvent event, Report report) {
        ViolationRecord empty = new ViolationRecord(SCHEMA_VERSION,
                Ids.eventId(storyId, event.commodity(), event.from(), event.to()), storyId, event.commodity(),
                event.from(), event.to(), ViolationEvent.POSSIBLE, null, null, null, null, null, null, null, null,
                null, null, -1);
        return empty.withReport(event, report);
    }

    /**
     * This record revised by another report: the next revision. A report from an article already listed replaces
     * that article's earlier report (an edited page), so re-tagging never counts one article twice.
     */
    public ViolationRecord withReport(ViolationEvent event, Report report) {
        List<Report> merged = new ArrayList<>();
        for (Report r : reports) {
            if (!r.articleId().equals(report.articleId())) {
                merged.add(r);
            }
        }
        boolean listed = merged.size() < MAX_REPORTS;
        if (listed) {
            merged.add(report);
        }
        merged.sort((a, b) -> compare(a.reportedAt(), b.reportedAt()));
        Instant first = null;
        Instant latest = null;
        for (Report r : merged) {
            if (r.reportedAt() != null) {
                first = first == null || r.reportedAt().isBefore(first) ? r.reportedAt() : first;
                latest = latest == null || r.reportedAt().isAfter(latest) ? r.reportedAt() : latest;
            }
        }
        if (!listed) {
            // an unlisted report still happened: the dates span it and the reports it could not displace
            first = earliest(earliest(first, firstReportedAt), report.reportedAt());
            latest = latestOf(latestOf(latest, latestReportedAt), report.reportedAt());
        }
        boolean larger = event.amount() != null && (amount == null || event.amount() > amount);
        String newStatus = ViolationEvent.ASSERTED.equals(status) || ViolationEvent.ASSERTED.equals(event.status())
                ? ViolationEvent.ASSERTED : ViolationEvent.POSSIBLE;
        List<String> attributed = event.attribution() == null ? attributions
                : union(attributions, List.of(event.attribution()));
        return new ViolationRecord(SCHEMA_VERSION, id, storyId, commodity, from, to, newStatus,
                larger ? event.amount() : amount, larger ? event.unit() : unit,
                union(places, event.places()), union(vessels, event.vessels()), union(imo, event.imo()),
                union(resolutions, event.resolutions()), attributed, merged, first, latest, revision + 1);
    }

    /** The outlets that reported it, each once, in report order. */
    public List<String> outlets() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Report r : reports) {
            if (r.sourceId() != null) {
                out.add(r.sourceId());
            }
        }
        return List.copyOf(out);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latestOf(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
