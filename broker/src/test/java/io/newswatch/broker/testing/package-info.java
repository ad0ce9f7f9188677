/**
 * Test support shared through the broker module's test-jar: the external cluster an integration test may be
 * pointed at, and a cluster of the official Apache Kafka image run by Testcontainers. Not an API: only tests use it.
 */
package io.newswatch.broker.testing;
