/**
 * The delivery machinery behind the alerts service: retries with a circuit per receiver, the dead-letter writer,
 * bounded bodies and the stop signal. Not an API: nothing outside the {@code alerts} module may use this package.
 */
package io.newswatch.alerts.internal;
