package io.newswatch.ingest;

import java.time.Instant;

/**
 * How one source is doing, as {@link IngestService#health()} reports it.
 *
 * @param id                  the source id
 * @param healthy             false once {@link IngestService#UNHEALTHY_AFTER} polls in a row failed; true again
 *                            after the next successful poll
 * @param consecutiveFailures failed polls since the last successful one
 * @param lastSuccess         when the last successful poll ended, or null when none has yet
 * @param lastError           the message of the last failed poll, or null when none has failed yet
 * @param nextPoll            when the source is due next (its adaptive or backed-off interval after the last poll)
 */
public record SourceHealth(String id, boolean healthy, int consecutiveFailures, Instant lastSuccess,
                           String lastError, Instant nextPoll) {
}
