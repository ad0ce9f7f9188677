package io.newswatch.alerts.delivery;

import io.newswatch.alerts.delivery.internal.RetryingDelivery;
import io.newswatch.model.config.ConfigException;
import io.newswatch.model.config.ConfigKey;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.time.Duration;

/**
 * How hard the alerts service tries each receiver, and how much it holds in flight.
 *
 * @param maxAge          how long after delivery of a message began it may still be retried
 *                        ({@code alerts.delivery.max.age})
 * @param backoffMax      the longest wait between two attempts, unless a Retry-After asks for more
 *                        ({@code alerts.delivery.backoff.max})
 * @param circuitFailures failed attempts in a row after which a receiver counts as down and its circuit opens
 *                        ({@code alerts.delivery.circuit.failures})
 * @param probeDelay      how long an open circuit waits before one probe ({@code alerts.delivery.circuit.probe.delay})
 * @param maxInFlight     alerts read but not yet finished before the service stops reading more
 *                        ({@code alerts.delivery.max.in.flight})
 */
public record DeliverySettings(Duration maxAge, Duration backoffMax, int circuitFailures, Duration probeDelay,
                               int maxInFlight) {

    /**
     * The configured settings.
     *
     * @throws ConfigException naming the key when a duration is not positive, or the backoff cap is below its
     *                         first step ({@link RetryingDelivery#BASE})
     */
    public static DeliverySettings from(NewswatchConfig config) {
        Duration maxAge = positive(config, ConfigKeys.ALERTS_DELIVERY_MAX_AGE);
        Duration backoffMax = positive(config, ConfigKeys.ALERTS_DELIVERY_BACKOFF_MAX);
        if (backoffMax.compareTo(RetryingDelivery.BASE) < 0) {
            throw new ConfigException(ConfigKeys.ALERTS_DELIVERY_BACKOFF_MAX.name() + ": must be at least "
                    + RetryingDelivery.BASE.toMillis() + "ms, not " + backoffMax.toMillis() + "ms");
        }
        return new DeliverySettings(maxAge, backoffMax, config.get(ConfigKeys.ALERTS_DELIVERY_CIRCUIT_FAILURES),
                positive(config, ConfigKeys.ALERTS_DELIVERY_CIRCUIT_PROBE_DELAY),
                config.get(ConfigKeys.ALERTS_DELIVERY_MAX_IN_FLIGHT));
    }

    /** The retry and circuit policy of each receiver's lane. */
    public RetryingDelivery.Policy policy() {
        return new RetryingDelivery.Policy(maxAge, RetryingDelivery.BASE, backoffMax, circuitFailures, probeDelay);
    }

    private static Duration positive(NewswatchConfig config, ConfigKey<Duration> key) {
        Duration d = config.get(key);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(key.name() + ": must be longer than zero, not " + d);
        }
        return d;
    }
}
