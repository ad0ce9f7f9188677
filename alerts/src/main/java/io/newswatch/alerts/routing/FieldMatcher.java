package io.newswatch.alerts.routing;

import io.newswatch.model.Alert;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One condition on one alert field, written the way Prometheus Alertmanager writes a label matcher:
 * {@code source!="tass"}, {@code rule=~"sanctions-.*"}.
 *
 * <p>Syntax: {@code FIELD OP VALUE}, spaces allowed around {@code OP}. {@code FIELD} is one of {@link #FIELDS}.
 * {@code OP} is {@code =} (equal), {@code !=} (not equal), {@code =~} (the regular expression matches) or
 * {@code !~} (it does not). {@code VALUE} is a double-quoted string, in which {@code \"}, {@code \\} and
 * {@code \n} are escapes, or bare text without quotes. A regular expression (Java syntax) must match the whole
 * value, as Alertmanager anchors its regular expressions: {@code rule=~"sanctions"} does not take
 * {@code sanctions-violation}.
 *
 * <p>Values: a field the alert lacks is the empty string, as Alertmanager treats an absent label, so
 * {@code source=""} and {@code source!="tass"} take an alert without a source. A missing severity is
 * {@code info}, as everywhere in newswatch. {@code tags} and {@code entities} hold several values: {@code =} and
 * {@code =~} hold when some value matches, {@code !=} and {@code !~} when none does; an alert with none has the
 * single value {@code ""}. {@code language} is the alert's primary language subtag in lower case ({@code en}
 * for {@code en-GB}, see {@link LanguageTags}); {@code =} and {@code !=} reduce their value the same way, so
 * {@code language="en-GB"} and {@code language="en"} are the same condition.
 *
 * @param field the alert field
 * @param op    the operator
 * @param value the value as written (unquoted, unescaped)
 * @param regex the compiled expression for {@code =~} and {@code !~} (compiled from {@code value} when null), else
 *              null
 */
public record FieldMatcher(String field, Op op, String value, Pattern regex) {
    /** The fields a matcher may name. */
    public static final List<String> FIELDS = List.of("rule", "severity", "source", "language", "story", "tags",
            "entities");

    /** The four operators, longest spelling first where they share a prefix. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String text;

        Op(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        boolean negative() {
            return this == NOT_EQUAL || this == NOT_REGEX;
        }
    }

    public FieldMatcher {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if ((op == Op.REGEX || op == Op.NOT_REGEX) && regex == null) {
            regex = Pattern.compile(value);
        }
    }

    /**
     * Parses one matcher.
     *
     * @throws IllegalArgumentException saying what is wrong and where (a character position counted from 1): no
     *                                  field or operator, an unknown field, an unclosed quote or text after it, a
     *                                  regular expression that does not compile
     */
    public static FieldMatcher parse(String text) {
        String prefix = "matcher '" + text + "': ";
        int i = skipSpaces(text, 0);
        int start = i;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        String field = text.substring(start, i);
        i = skipSpaces(text, i);
        Op op = null;
        if (text.startsWith("=~", i)) {
            op = Op.REGEX;
        } else if (text.startsWith("!~", i)) {
            op = Op.NOT_REGEX;
        } else if (text.startsWith("!=", i)) {
            op = Op.NOT_EQUAL;
        } else if (text.startsWith("=", i)) {
            op = Op.EQUAL;
        }
        if (field.isEmpty() || op == null) {
            throw new IllegalArgumentException(prefix + "no operator after a field name at character " + (i + 1)
                    + " (write FIELD=\"VALUE\", with =, !=, =~ or !~)");
        }
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException(prefix + "unknown field '" + field + "' (use "
                    + String.join(", ", FIELDS) + ")");
        }
        i = skipSpaces(text, i + op.text().length());
        String value = text.startsWith("\"", i) ? quoted(text, i, prefix) : bare(text, i, prefix);
        Pattern regex = null;
        if (op == Op.REGEX || op == Op.NOT_REGEX) {
            try {
                regex = Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(prefix + "not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex(), e);
            }
        }
        return new FieldMatcher(field, op, value, regex);
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String quoted(String text, int open, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else if (c == '"') {
                if (skipSpaces(text, i + 1) != text.length()) {
                    throw new IllegalArgumentException(prefix + "text after the closing quote at character "
                            + (i + 2));
                }
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new IllegalArgumentException(prefix + "the quoted value has no closing quote (opened at character "
                + (open + 1) + ")");
    }

    private static String bare(String text, int start, String prefix) {
        String v = text.substring(start).strip();
        int quote = v.indexOf('"');
        if (quote >= 0) {
            throw new IllegalArgumentException(prefix + "a value with a quote in it must be quoted as a whole "
                    + "(character " + (start + quote + 1) + ")");
        }
        return v;
    }

    /** Whether the alert satisfies the condition (a lacking field being empty). */
    public boolean matches(Alert alert) {
        return matchesValues(values(alert, field));
    }

    /** Whether the condition holds for an alert that lacks the field: such a condition alone takes nearly all. */
    public boolean matchesEmpty() {
        return matchesValues(List.of(""));
    }

    private boolean matchesValues(List<String> values) {
        boolean some = false;
        for (String v : values) {
            if (positive(v)) {
                some = true;
                break;
            }
        }
        return op.negative() != some;
    }

    private boolean positive(String v) {
        return switch (op) {
            case EQUAL, NOT_EQUAL -> field.equals("language") ? LanguageTags.same(v, value) : v.equals(value);
            case REGEX, NOT_REGEX -> regex.matcher(v).matches();
        };
    }

    /** The field's values on the alert; a lacking field is one empty value. */
    static List<String> values(Alert alert, String field) {
        return switch (field) {
            case "rule" -> single(alert.ruleId());
            case "severity" -> single(alert.severity() == null ? "info" : alert.severity().toLowerCase(Locale.ROOT));
            case "source" -> single(alert.sourceId());
            case "language" -> single(LanguageTags.primary(alert.language()));
            case "story" -> single(alert.storyId());
            case "tags" -> several(alert.tags());
            case "entities" -> several(alert.entities());
            default -> throw new IllegalStateException("unknown field " + field);
        };
    }

    private static List<String> single(String v) {
        return List.of(v == null ? "" : v);
    }

    private static List<String> several(List<String> vs) {
        return vs.isEmpty() ? List.of("") : vs.stream().map(v -> v == null ? "" : v).toList();
    }

    /** As it would be written: {@code field op "value"}. */
    @Override
    public String toString() {
        return field + op.text() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldMatcher m && m.field.equals(field) && m.op == op && m.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, op, value);
    }
}
