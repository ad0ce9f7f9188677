package io.newswatch.cli.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ArrayList;
import java.util.List;

/**
 * A logback filter that drops the WARN lines of third-party code that report a normal event, so that a WARN on the
 * console means that something is wrong. Each entry, {@code <known>LOGGER: TEXT</known>} in {@code logback.xml},
 * names a logger and a piece of the message; only WARN events of that logger whose formatted message contains the
 * text are dropped. Every other line, of that logger too, passes: a blanket level on the logger would also hide its
 * warnings that matter (a producer retrying on {@code NOT_ENOUGH_REPLICAS}, for one).
 */
public final class KnownWarnings extends Filter<ILoggingEvent> {
    private record Known(String logger, String text) {
    }

    private final List<Known> known = new ArrayList<>();

    /**
     * Adds an entry, {@code LOGGER: TEXT}.
     *
     * @throws IllegalArgumentException when there is no {@code ": "} between a logger name and a non-blank text
     */
    public void addKnown(String entry) {
        int colon = entry.indexOf(": ");
        if (colon <= 0 || entry.substring(colon + 2).isBlank()) {
            throw new IllegalArgumentException("a known warning is 'LOGGER: TEXT', not '" + entry + "'");
        }
        known.add(new Known(entry.substring(0, colon).strip(), entry.substring(colon + 2).strip()));
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel() != Level.WARN) {
            return FilterReply.NEUTRAL;
        }
        String message = null;
        for (Known k : known) {
            if (k.logger().equals(event.getLoggerName())) {
                if (message == null) {
                    message = event.getFormattedMessage();
                }
                if (message != null && message.contains(k.text())) {
                    return FilterReply.DENY;
                }
            }
        }
        return FilterReply.NEUTRAL;
    }
}
