/**
 * The delivery machinery behind the alerts service: each attempt retried with backoff and a circuit per receiver
 * ({@code RetryingDelivery}), the writer of the alerts' dead-letter topic, and the stop signal that cuts every wait
 * short at shutdown. Not an API: nothing outside the {@code alerts} module may use this package.
 */
package io.newswatch.alerts.delivery.internal;
