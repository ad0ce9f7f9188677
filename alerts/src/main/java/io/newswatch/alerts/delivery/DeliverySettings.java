package io.newswatch.alerts.delivery;

import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.time.Duration;

/**
 * How hard the alerts service tries each receiver, and how much it holds in flight.
 *
 * @param attempts    attempts per message before it is dead-lettered ({@code alerts.delivery.attempts})
 * @param maxAge      how long after its first attempt a message may still be retried
 *                    ({@code alerts.delivery.max.age})
 * @param backoffMax  the longest wait between two attempts, unless a Retry-After asks for more
 *                    ({@code alerts.delivery.backoff.max})
 * @param maxInFlight alerts read but not yet finished before the service stops reading more
 *                    ({@code alerts.delivery.max.in.flight})
 */
public record DeliverySettings(int attempts, Duration maxAge, Duration backoffMax, int maxInFlight) {

    /** The configured settings. */
    public static DeliverySettings from(NewswatchConfig config) {
        return new DeliverySettings(config.get(ConfigKeys.ALERTS_DELIVERY_ATTEMPTS),
                config.get(ConfigKeys.ALERTS_DELIVERY_MAX_AGE), config.get(ConfigKeys.ALERTS_DELIVERY_BACKOFF_MAX),
                config.get(ConfigKeys.ALERTS_DELIVERY_MAX_IN_FLIGHT));
    }
}
