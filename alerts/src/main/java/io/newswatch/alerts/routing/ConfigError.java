package io.newswatch.alerts.routing;

import io.newswatch.model.config.ConfigException;

/**
 * Receivers or routing that cannot be used: a subscriptions file (the message starts with {@code file:line:column}
 * and names the key) or the {@code alerts.*} receiver keys (the message starts with the key and where its value
 * came from). A {@link ConfigException}, so every command reports it as one line, like any configuration error.
 */
public final class ConfigError extends ConfigException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }
}
