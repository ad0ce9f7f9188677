package io.newswatch.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * How one source is doing, as the ingest instance that polls it last reported; the value on
 * {@code news.sources.status}, keyed by source id. Counters count from when that instance took the source over.
 *
 * @param id                  the source id
 * @param instance            the ingest instance that polls it (host name and process id)
 * @param healthy             false after several failed polls in a row; true again after a good one
 * @param consecutiveFailures failed polls since the last good one
 * @param lastSuccess         when the last good poll ended, or null
 * @param lastError           the message of the last failed poll, or null
 * @param nextPoll            when it is due next
 * @param polls               polls made
 * @param notModified         polls answered 304 Not Modified
 * @param pollFailures        polls that could not read the source
 * @param pagesFetched        article pages requested over HTTP or read from a file (warc, folder)
 * @param pageFailures        entries whose page could not be fetched or held no text
 * @param published           article versions published
 * @param retryWaiting        entries whose page failed transiently (429, 5xx, a timeout) and wait for a retry now
 * @param retrySucceeded      such entries whose page a retry fetched
 * @param retryGivenUp        such entries given up: out of retries, failed permanently on a retry, or not queued
 *                            because the retry queue was full
 * @param updatedAt           when this status was written
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceStatus(
        String id,
        String instance,
        boolean healthy,
        int consecutiveFailures,
        Instant lastSuccess,
        String lastError,
        Instant nextPoll,
        long polls,
        long notModified,
        long pollFailures,
        long pagesFetched,
        long pageFailures,
        long published,
        int retryWaiting,
        long retrySucceeded,
        long retryGivenUp,
        Instant updatedAt) {
}
