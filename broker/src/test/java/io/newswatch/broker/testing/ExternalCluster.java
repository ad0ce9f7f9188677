package io.newswatch.broker.testing;

import java.util.Optional;

/**
 * The cluster named by {@code -Dnewswatch.it.bootstrap=HOST:PORT[,HOST:PORT...]}, which integration tests that
 * only produce and consume run against instead of a broker of their own. Such a cluster must be empty of
 * newswatch's topics: those tests count what they find. Tests that stop brokers are marked {@link StopsBrokers}
 * instead, and are skipped while the property is set.
 */
public final class ExternalCluster {

    /** The system property naming the external cluster's bootstrap servers. */
    public static final String PROPERTY = "newswatch.it.bootstrap";

    private ExternalCluster() {
    }

    /** The external cluster's bootstrap servers, or empty when the property is unset or blank. */
    public static Optional<String> bootstrapServers() {
        return Optional.ofNullable(System.getProperty(PROPERTY)).map(String::strip).filter(s -> !s.isEmpty());
    }
}
