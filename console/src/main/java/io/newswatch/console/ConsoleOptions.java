package io.newswatch.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the console listens and the access token it asks for.
 *
 * <p>Bound to a loopback address (the default, 127.0.0.1) only this machine reaches it, and it asks for nothing.
 * Bound anywhere else it refuses to start without a token, which is never written in a file of settings: the
 * setting names where it is, {@code env:NAME} (an environment variable) or {@code file:PATH} (the first line of a
 * file). The token is never sent to a browser; a browser that presents it once gets an HttpOnly, SameSite=Strict
 * session cookie instead.
 *
 * @param bind  the address to listen on
 * @param port  the port, 0 for any free one
 * @param token the access token, or null when the console is on loopback and asks for none
 */
public record ConsoleOptions(String bind, int port, String token) {
    /** The default address: loopback. */
    public static final String LOOPBACK = "127.0.0.1";

    public ConsoleOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("console.port must be between 0 and 65535, not " + port);
        }
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("console.bind must name an address, such as " + LOOPBACK);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
        if (token == null && !isLoopback(bind)) {
            throw new IllegalArgumentException("console.bind is " + bind + ", which other machines can reach: set "
                    + "console.token to env:NAME or file:PATH so that the console asks for a token, or bind to "
                    + LOOPBACK);
        }
    }

    /** The console on loopback at a port. */
    public static ConsoleOptions loopback(int port) {
        return new ConsoleOptions(LOOPBACK, port, null);
    }

    /**
     * Options from the three settings, the token read from where {@code tokenSource} says ({@code env:NAME},
     * {@code file:PATH}, or empty for none).
     *
     * @throws IllegalArgumentException naming the setting when the token source is malformed or empty
     */
    public static ConsoleOptions of(String bind, int port, String tokenSource) {
        return of(bind, port, tokenSource, System::getenv);
    }

    static ConsoleOptions of(String bind, int port, String tokenSource, Function<String, String> environment) {
        return new ConsoleOptions(bind, port, readToken(tokenSource, environment));
    }

    private static String readToken(String source, Function<String, String> environment) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String value;
        if (source.startsWith("env:")) {
            value = environment.apply(source.substring(4));
        } else if (source.startsWith("file:")) {
            try {
                value = Files.readAllLines(Path.of(source.substring(5)), StandardCharsets.UTF_8).stream()
                        .findFirst().orElse(null);
            } catch (IOException e) {
                throw new IllegalArgumentException("console.token: cannot read " + source.substring(5) + ": "
                        + e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("console.token must be env:NAME or file:PATH, so that no token is "
                    + "written in a settings file");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("console.token: " + source + " holds no token");
        }
        return value.strip();
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("console.bind: unknown address " + bind, e);
        }
    }
}
