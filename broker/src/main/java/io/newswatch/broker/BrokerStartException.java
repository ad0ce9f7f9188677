package io.newswatch.broker;

/**
 * An embedded Kafka node could not be started. The message is one line that names the cause (for example
 * "port 9092 is already in use"); nothing is left running when this is thrown.
 */
public final class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerStartException(String message) {
        super(message);
    }

    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
