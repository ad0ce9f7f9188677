package io.newswatch.alerts.receiver;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link EmailReceiver} reaches its SMTP server and whom it writes to.
 *
 * @param host     the SMTP server's host name or address
 * @param port     its port (25, 587, or a test port)
 * @param startTls whether to upgrade the connection with STARTTLS (RFC 3207)
 * @param username the login, or null to send without authenticating
 * @param password the password, or null; never shown by {@link #toString()}, logs or exception messages
 * @param from     the sender address (RFC 5322 {@code From} and envelope sender)
 * @param to       the recipients, at least one
 * @param timeout  the limit for connecting and for each read and write on the connection
 * @throws IllegalArgumentException when a field is missing or malformed (the message never contains the password)
 */
public record EmailSettings(String host, int port, StartTls startTls, String username, String password, String from,
                            List<String> to, Duration timeout) {

    /** STARTTLS use. */
    public enum StartTls {
        /** Never upgrade: only for a server on the same host or a test server. */
        NONE,
        /** Upgrade when the server offers it, else send in clear. */
        OPTIONAL,
        /** Fail (permanently) unless the server offers it. */
        REQUIRED;

        /**
         * Parses {@code none}, {@code optional} or {@code required}, in any case.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static StartTls parse(String value) {
            String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            for (StartTls mode : values()) {
                if (mode.name().equals(v)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("startTls must be none, optional or required, not '" + value + "'");
        }
    }

    public EmailSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("email host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("email port must be 1-65535, not " + port);
        }
        Objects.requireNonNull(startTls, "startTls");
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (password != null && username == null) {
            throw new IllegalArgumentException("email password given without a username");
        }
        address("from", from);
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("email needs at least one recipient");
        }
        to = List.copyOf(to);
        for (String recipient : to) {
            address("to", recipient);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("email timeout must be positive, not " + timeout);
        }
    }

    /** Whether to log in before sending. */
    public boolean authenticates() {
        return username != null;
    }

    /** The settings with the password shown as {@code ***} (or {@code null} when there is none). */
    @Override
    public String toString() {
        return "EmailSettings[host=" + host + ", port=" + port + ", startTls=" + startTls + ", username=" + username
                + ", password=" + (password == null ? "null" : "***") + ", from=" + from + ", to=" + to
                + ", timeout=" + timeout + "]";
    }

    private static void address(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("email " + field + " address is missing");
        }
        try {
            new InternetAddress(value, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("email " + field + " address '" + value + "' is not valid: "
                    + e.getMessage());
        }
    }
}
