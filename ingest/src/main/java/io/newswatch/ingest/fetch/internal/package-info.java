/**
 * The parts of polite fetching: the address guard, robots.txt cache, per-host gate, body limits, content decoding
 * and Retry-After. Not an API: nothing outside the {@code ingest} module may use this package.
 */
package io.newswatch.ingest.fetch.internal;
