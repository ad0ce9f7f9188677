package io.newswatch.alerts.routing;

/** A subscriptions file that cannot be used; the message starts with {@code file:line:column} and names the key. */
public final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }
}
