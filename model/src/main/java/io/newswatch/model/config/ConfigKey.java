package io.newswatch.model.config;

import io.newswatch.model.net.AddressBlock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration key: its dotted name and the parser that turns text into a typed value, with the range it
 * accepts. Its default is not here but in {@code newswatch-default.yaml}, the defaults layer, so that each default
 * is written once, next to the comment that explains it. The environment variable that overrides it is derived from the
 * name: {@code kafka.bootstrap.servers} → {@code NEWSWATCH_KAFKA_BOOTSTRAP_SERVERS}.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final String name;
    private final Function<String, T> parser;

    private ConfigKey(String name, Function<String, T> parser) {
        this.name = Objects.requireNonNull(name);
        this.parser = parser;
    }

    public static ConfigKey<String> string(String name) {
        return new ConfigKey<>(name, s -> s);
    }

    public static ConfigKey<Integer> integer(String name, int min, int max) {
        return new ConfigKey<>(name, s -> {
            int v;
            try {
                v = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        });
    }

    public static ConfigKey<Long> bytes(String name) {
        return new ConfigKey<>(name, ConfigKey::parseBytes);
    }

    public static ConfigKey<Boolean> bool(String name) {
        return new ConfigKey<>(name, s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        });
    }

    public static ConfigKey<Duration> duration(String name) {
        return new ConfigKey<>(name, ConfigKey::parseDuration);
    }

    /** A path; a leading {@code ~/} means the user's home directory. Empty text means "not set". */
    public static ConfigKey<Path> path(String name) {
        return new ConfigKey<>(name, s -> {
            String t = s.trim();
            if (t.isEmpty()) {
                return null;
            }
            if (t.equals("~") || t.startsWith("~/")) {
                t = System.getProperty("user.home") + t.substring(1);
            }
            return Path.of(t);
        });
    }

    /** A comma- or space-separated list of IP addresses and CIDR blocks (see {@link AddressBlock}); empty: none. */
    public static ConfigKey<List<AddressBlock>> addressBlocks(String name) {
        return new ConfigKey<>(name, AddressBlock::parseList);
    }

    /** A value from a fixed set, compared ignoring case. */
    public static ConfigKey<String> oneOf(String name, String... allowed) {
        return new ConfigKey<>(name, s -> {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
        });
    }

    public String name() {
        return name;
    }

    /** The environment variable that overrides this key. */
    public String envName() {
        return "NEWSWATCH_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Parses a value for this key.
     *
     * @throws ConfigException naming the key, the offending text and what was expected
     */
    public T parse(String text, String origin) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            throw new ConfigException("invalid value for " + name + " (" + origin + "): '" + text + "' "
                    + e.getMessage());
        }
    }

    /**
     * Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d} or an ISO-8601 duration.
     *
     * @throws IllegalArgumentException saying which forms are accepted
     */
    public static Duration parseDuration(String s) {
        String t = s.trim();
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("is not an ISO-8601 duration");
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a duration such as 250ms, 30s, 5m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    static long parseBytes(String s) {
        Matcher m = Pattern.compile("(\\d+)\\s*(|b|kib|kb|mib|mb|gib|gb)").matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("is not a size such as 512KiB or 5MiB");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "kib", "kb" -> n * 1024;
            case "mib", "mb" -> n * 1024 * 1024;
            case "gib", "gb" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
