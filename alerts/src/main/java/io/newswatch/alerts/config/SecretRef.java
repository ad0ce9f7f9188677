package io.newswatch.alerts.config;

import io.newswatch.model.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * A configuration value that holds a secret (a webhook URL with a token, a signing key, a password) or says where to
 * find it, so the secret itself need not sit in a configuration file or a command line:
 * <ul>
 *   <li>{@code env:NAME}: the value of environment variable {@code NAME}, as it is;</li>
 *   <li>{@code file:PATH}: the contents of the file (UTF-8, at most 64 KiB), without leading and trailing
 *       whitespace, so the newline an editor adds does not become part of the secret; a relative path is taken
 *       from the working directory;</li>
 *   <li>anything else: the value itself. Discouraged: a literal secret ends up in configuration files, shell
 *       history and process listings. It is accepted so that a local test setup stays simple.</li>
 * </ul>
 *
 * <p>Nothing here prints a secret: {@link #toString()} is the reference ({@code env:NAME}, {@code file:PATH}) or
 * {@code <literal, redacted>}, and resolution errors name the reference and what is wrong, never a value. The value
 * is read at each {@link #resolve()}, so a rotated file takes effect the next time a receiver is built.
 */
public final class SecretRef {

    /** Where the secret comes from. */
    public enum Kind { ENV, FILE, LITERAL }

    private static final String ENV_PREFIX = "env:";
    private static final String FILE_PREFIX = "file:";
    /** Larger files are not secrets but a wrong path (a log, a device): refused rather than read whole. */
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Kind kind;
    /** The variable name, the path, or for a literal the secret itself. */
    private final String target;

    private SecretRef(Kind kind, String target) {
        this.kind = kind;
        this.target = target;
    }

    /**
     * Reads a configuration value. Does not resolve it.
     *
     * @throws ConfigException when the value is blank, or {@code env:} / {@code file:} has nothing after it
     */
    public static SecretRef parse(String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException("a secret reference must not be empty (use env:NAME or file:PATH)");
        }
        if (value.startsWith(ENV_PREFIX)) {
            String name = value.substring(ENV_PREFIX.length()).trim();
            if (name.isEmpty()) {
                throw new ConfigException("env: needs the name of an environment variable, as env:NAME");
            }
            return new SecretRef(Kind.ENV, name);
        }
        if (value.startsWith(FILE_PREFIX)) {
            String path = value.substring(FILE_PREFIX.length()).trim();
            if (path.isEmpty()) {
                throw new ConfigException("file: needs the path of a file, as file:PATH");
            }
            return new SecretRef(Kind.FILE, path);
        }
        return new SecretRef(Kind.LITERAL, value);
    }

    /** Where the secret comes from; a configuration layer can warn about {@link Kind#LITERAL}. */
    public Kind kind() {
        return kind;
    }

    /**
     * The secret, read from the process environment or the file now.
     *
     * @throws ConfigException when the variable is not set or empty, or the file is missing, unreadable, not UTF-8,
     *                         too large or empty; the message names the reference, never a value
     */
    public String resolve() {
        return resolve(System::getenv);
    }

    /** As {@link #resolve()}, with {@code environment} standing in for the process environment. */
    String resolve(Function<String, String> environment) {
        return switch (kind) {
            case LITERAL -> target;
            case ENV -> fromEnvironment(environment.apply(target));
            case FILE -> fromFile(Path.of(target));
        };
    }

    private String fromEnvironment(String value) {
        if (value == null) {
            throw new ConfigException(this + " is not set");
        }
        if (value.isEmpty()) {
            throw new ConfigException(this + " is set but empty");
        }
        return value;
    }

    private String fromFile(Path path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(this + " does not exist");
        } catch (IOException e) {
            // the exception type says enough; its message is only the path again
            throw new ConfigException(this + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ConfigException(this + " is larger than " + MAX_FILE_BYTES + " bytes, too large for a secret");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new ConfigException(this + " is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw new ConfigException(this + " is empty");
        }
        return text;
    }

    /** The reference without the secret: {@code env:NAME}, {@code file:PATH} or {@code <literal, redacted>}. */
    @Override
    public String toString() {
        return switch (kind) {
            case ENV -> ENV_PREFIX + target;
            case FILE -> FILE_PREFIX + target;
            case LITERAL -> "<literal, redacted>";
        };
    }

    /** Same kind and same target; two literals are equal when their secrets are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRef that && kind == that.kind && target.equals(that.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, target);
    }
}
