package io.newswatch.broker.testing;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that stops and restarts brokers of a cluster it starts itself. It cannot run on the cluster
 * named by {@code -Dnewswatch.it.bootstrap} ({@link ExternalCluster}), whose brokers are not the test's to stop, so
 * while that property is set it is disabled, and the test report gives this reason (a condition rather than an
 * assumption in a {@code @BeforeAll}, which the report would show as zero tests with no reason).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DisabledIfSystemProperty(named = ExternalCluster.PROPERTY, matches = ".*\\S.*",
        disabledReason = StopsBrokers.REASON)
public @interface StopsBrokers {

    /** Why such a test is skipped on an external cluster. */
    String REASON = "stopping a broker needs a cluster the test owns; -D" + ExternalCluster.PROPERTY
            + " names one it does not";
}
