package io.newswatch.alerts.receiver;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import java.util.ArrayList;
import java.util.List;

/** Group and reminder notifications for the receiver tests; the stories are invented. */
final class TestNotifications {
    static final String GROUP_LABEL = "rule=ru-kp";

    private TestNotifications() {
    }

    /** Three alerts on different stories, each with its own severity, title and evidence sentence. */
    static List<Alert> threeAlerts() {
        return List.of(
                TestAlerts.with(TestAlerts.sanctions("story-g1"), "critical", "Tanker seen off Nakhodka",
                        "The tanker switched off its transponder near Nakhodka."),
                TestAlerts.with(TestAlerts.sanctions("story-g2"), "warning", "Coal ship dark for a week",
                        "A bulk carrier carrying coal went dark for seven days."),
                TestAlerts.with(TestAlerts.sanctions("story-g3"), "info", "Port fees waived for convoy",
                        "The port authority waived fees for a convoy of three ships."));
    }

    /** {@code count} alerts on different stories, titled {@code Story 1}, {@code Story 2}, ... */
    static List<Alert> numberedAlerts(int count) {
        List<Alert> alerts = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            alerts.add(TestAlerts.with(TestAlerts.sanctions("story-n" + i), "warning", "Story " + i,
                    "Evidence sentence number " + i + "."));
        }
        return alerts;
    }

    /** A group notification of {@code alerts} under {@link #GROUP_LABEL}. */
    static Notification group(List<Alert> alerts) {
        return Notification.ofGroup(Notification.Kind.GROUP, "routes/0\n" + GROUP_LABEL, GROUP_LABEL, alerts);
    }

    /** A reminder of {@code alerts} under {@link #GROUP_LABEL}. */
    static Notification reminder(List<Alert> alerts) {
        return Notification.ofGroup(Notification.Kind.REMINDER, "routes/0\n" + GROUP_LABEL + "\n2025-03-14T12:00Z",
                GROUP_LABEL, alerts);
    }
}
