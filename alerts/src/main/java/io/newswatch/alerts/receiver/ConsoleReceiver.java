package io.newswatch.alerts.receiver;

import io.newswatch.alerts.template.AlertTemplates;
import io.newswatch.model.Alert;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints each alert as a block of {@link AlertFormatter} lines followed by a blank line. With colour on, the
 * header is coloured by severity (critical red, warning yellow, anything else cyan) and the URL dimmed, using
 * ANSI SGR sequences (ECMA-48 section 8.3.117); with colour off the output is exactly
 * {@link AlertFormatter#format} plus the blank line, fit for pipes and files. A group or reminder notification is a
 * headline line followed by the blocks of its alerts.
 *
 * <p>Failure behaviour: a {@link PrintStream} swallows I/O errors; after printing, its error flag is checked and
 * a set flag becomes a non-retryable {@link DeliveryException} (a closed terminal does not come back). Blocks
 * printed by several threads never interleave.
 */
public final class ConsoleReceiver implements AlertReceiver {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String BOLD_YELLOW = "\u001b[1;33m";
    private static final String BOLD_CYAN = "\u001b[1;36m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";

    private final PrintStream out;
    private final boolean colour;
    private final AlertFormatter formatter = new AlertFormatter();

    /**
     * @param out    where to print; not closed by {@link #close()}
     * @param colour whether to use ANSI colours; see {@link #stdoutIsTerminal()}
     */
    public ConsoleReceiver(PrintStream out, boolean colour) {
        this.out = Objects.requireNonNull(out, "out");
        this.colour = colour;
    }

    /**
     * True when standard output is an interactive terminal (the JVM has a {@link System#console()}), the usual
     * test for turning colour on.
     */
    public static boolean stdoutIsTerminal() {
        return System.console() != null;
    }

    @Override
    public String name() {
        return "console";
    }


    /**
     * Prints a single alert as {@link #deliver(Alert)} describes; a group or reminder as a headline
     * ({@code 3 alerts · group rule=ru-kp}, {@code Reminder: 2 open alerts · group all}), bold with colour on,
     * followed by each alert's block, all in one print so that no other output lands in between.
     */
    @Override
    public void deliver(Notification notification) throws DeliveryException {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(256 * notification.alerts().size());
        if (!notification.isSingle()) {
            String group = AlertTemplates.clean(notification.group());
            String headline = AlertTemplates.digestSummary(notification.kind() == Notification.Kind.REMINDER,
                    notification.alerts().size()) + " · group " + (group.isEmpty() ? "all" : group);
            text.append(colour ? BOLD + headline + RESET : headline).append(nl);
        }
        for (Alert alert : notification.alerts()) {
            appendBlock(text, alert, nl);
        }
        synchronized (out) {
            out.print(text);
            out.flush();
            if (out.checkError()) {
                throw DeliveryException.permanent("console output failed: the stream reported an I/O error");
            }
        }
    }

    private void appendBlock(StringBuilder block, Alert alert, String nl) {
        String header = formatter.header(alert);
        block.append(colour ? severityColour(alert) + header + RESET : header).append(nl);
        String evidence = formatter.evidenceLine(alert);
        if (!evidence.isEmpty()) {
            block.append(evidence).append(nl);
        }
        for (String event : formatter.eventLines(alert)) {
            block.append(event).append(nl);
        }
        String link = formatter.linkLine(alert);
        if (!link.isEmpty()) {
            block.append(colour ? DIM + link + RESET : link).append(nl);
        }
        block.append(nl);
    }

    private static String severityColour(Alert alert) {
        return switch (AlertFormatter.severity(alert)) {
            case "critical" -> BOLD_RED;
            case "warning" -> BOLD_YELLOW;
            default -> BOLD_CYAN;
        };
    }
}
