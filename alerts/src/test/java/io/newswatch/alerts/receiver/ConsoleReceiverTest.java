package io.newswatch.alerts.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group and reminder notifications on the console; single alerts are covered in {@link AlertFormatterTest}. */
class ConsoleReceiverTest {
    private static final String NL = System.lineSeparator();
    private final AlertFormatter formatter = new AlertFormatter();

    /** Counts the print calls that reach the stream, to show a notification is printed at once. */
    private static final class CountingStream extends PrintStream {
        private int prints;

        CountingStream(OutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }

        @Override
        public void print(String s) {
            prints++;
            super.print(s);
        }

        @Override
        public void print(Object o) {
            prints++;
            super.print(o);
        }
    }

    private String block(Alert alert) {
        return formatter.format(alert).replace("\n", NL) + NL + NL;
    }

    @Test
    void aGroupIsAHeadlineThenEachAlertsBlockInOnePrint() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CountingStream out = new CountingStream(bytes);
        List<Alert> alerts = TestNotifications.threeAlerts();

        new ConsoleReceiver(out, false).deliver(TestNotifications.group(alerts));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).isEqualTo("3 alerts · group rule=ru-kp" + NL + block(alerts.get(0)) + block(alerts.get(1))
                + block(alerts.get(2)));
        assertThat(out.prints).isEqualTo(1);
    }

    @Test
    void aReminderSaysSoAndWithColourItsHeadlineIsBold() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Alert> alerts = TestNotifications.threeAlerts().subList(0, 2);

        new ConsoleReceiver(new PrintStream(bytes, true, StandardCharsets.UTF_8), true)
                .deliver(TestNotifications.reminder(alerts));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split(NL);
        assertThat(lines[0]).isEqualTo("\u001b[1mReminder: 2 open alerts · group rule=ru-kp\u001b[0m");
        assertThat(lines[1]).isEqualTo("\u001b[1;31m" + formatter.header(alerts.get(0)) + "\u001b[0m");
    }

    @Test
    void aSingleAlertNotificationPrintsExactlyWhatDeliveringTheAlertPrints() throws Exception {
        Alert alert = TestAlerts.sanctions("console-single");
        ByteArrayOutputStream viaAlert = new ByteArrayOutputStream();
        ByteArrayOutputStream viaNotification = new ByteArrayOutputStream();
        new ConsoleReceiver(new PrintStream(viaAlert, true, StandardCharsets.UTF_8), true).deliver(alert);
        new ConsoleReceiver(new PrintStream(viaNotification, true, StandardCharsets.UTF_8), true)
                .deliver(Notification.of(alert));
        assertThat(viaNotification.toByteArray()).isEqualTo(viaAlert.toByteArray());
    }
}
