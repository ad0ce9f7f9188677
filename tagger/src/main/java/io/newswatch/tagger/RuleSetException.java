package io.newswatch.tagger;

/**
 * A ruleset or gazetteer file that cannot be used. The message starts with {@code file:line:column:} and, for a
 * problem inside a rule or list, names it; when the spot is known the message goes on with the offending line of
 * the file and a caret under the column, the way compilers show it:
 *
 * <pre>
 * rules/mine.yaml:7:33: rule 'kp-arms': expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'missiles'
 *     7 |     query: SENTENCE(@KP AND shells missiles)
 *       |                                    ^
 * </pre>
 */
public class RuleSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    public RuleSetException(String message) {
        this(message, null);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
        this.line = 0;
        this.column = 0;
    }

    private RuleSetException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /**
     * An error at a position of a file, with the caret excerpt when the line exists.
     *
     * @param source   file name as the user gave it
     * @param fileText the file's text, for the excerpt
     * @param line     line from 1 (0 when unknown)
     * @param column   column from 1 (0 when unknown)
     */
    public static RuleSetException at(String source, String fileText, int line, int column, String message,
                                      Throwable cause) {
        StringBuilder msg = new StringBuilder(source);
        if (line > 0) {
            msg.append(':').append(line).append(':').append(Math.max(column, 1));
        }
        msg.append(": ").append(message);
        String[] lines = fileText == null ? new String[0] : fileText.split("\r?\n", -1);
        if (line > 0 && line <= lines.length) {
            String number = Integer.toString(line);
            String gutter = " ".repeat(number.length());
            msg.append('\n').append("    ").append(number).append(" | ").append(lines[line - 1]);
            msg.append('\n').append("    ").append(gutter).append(" | ");
            String text = lines[line - 1];
            for (int i = 0; i < Math.max(column, 1) - 1 && i < text.length(); i++) {
                msg.append(text.charAt(i) == '\t' ? '\t' : ' ');
            }
            msg.append('^');
        }
        return new RuleSetException(msg.toString(), line, column, cause);
    }

    /** The line of the problem, from 1; 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1; 0 when unknown. */
    public int column() {
        return column;
    }
}
