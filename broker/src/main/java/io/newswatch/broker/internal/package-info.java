/**
 * The parts of the embedded broker: node settings, data directories and free local ports for one Kafka node. Not an
 * API: nothing outside the {@code broker} module may use this package.
 */
package io.newswatch.broker.internal;
