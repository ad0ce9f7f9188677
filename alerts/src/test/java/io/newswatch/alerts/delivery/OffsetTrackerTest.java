package io.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.model.Alert;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {
    private static final TopicPartition TP = new TopicPartition("news.alerts", 0);
    private final OffsetTracker tracker = new OffsetTracker();
    private final Alert alert = TestAlerts.sanctions("s");

    @Test
    void theCommitStopsAtTheLowestAlertStillBeingDeliveredWhateverOrderReceiversFinishIn() {
        long epoch = tracker.assigned(TP);
        tracker.register(TP, 5, alert, 2);
        tracker.register(TP, 6, alert, 1);
        assertThat(tracker.complete(TP, 6, epoch, true).finished()).isTrue();
        tracker.release(TP, 6, epoch);
        assertThat(tracker.lowestOpen(TP)).contains(5L);
        assertThat(tracker.complete(TP, 5, epoch, true).finished()).as("one receiver left").isFalse();
        tracker.release(TP, 5, epoch);
        assertThat(tracker.lowestOpen(TP)).as("not finished: the release does nothing").contains(5L);
        OffsetTracker.Completion last = tracker.complete(TP, 5, epoch, false);
        assertThat(last.finished()).isTrue();
        assertThat(last.deliveredEverywhere()).as("one receiver dead-lettered it").isFalse();
        tracker.release(TP, 5, epoch);
        assertThat(tracker.lowestOpen(TP)).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }

    @Test
    void aCompletionFromAnEarlierAssignmentDoesNotCount() {
        long old = tracker.assigned(TP);
        tracker.register(TP, 1, alert, 1);
        tracker.revoked(TP);
        long now = tracker.assigned(TP);
        tracker.register(TP, 1, alert, 1);
        assertThat(tracker.complete(TP, 1, old, true).finished()).isFalse();
        assertThat(tracker.lowestOpen(TP)).contains(1L);
        assertThat(tracker.complete(TP, 1, now, true).finished()).isTrue();
    }

    @Test
    void aFinishedAlertHoldsTheCommitBackUntilReleasedAndFinishesOnlyOnce() {
        long epoch = tracker.assigned(TP);
        tracker.register(TP, 7, alert, 1);
        assertThat(tracker.complete(TP, 7, epoch, true).finished()).isTrue();
        assertThat(tracker.lowestOpen(TP)).as("the listeners have not run yet").contains(7L);
        assertThat(tracker.inFlight()).isOne();
        assertThat(tracker.complete(TP, 7, epoch, true).finished()).as("a second completion").isFalse();
        tracker.release(TP, 7, epoch - 1);
        assertThat(tracker.lowestOpen(TP)).as("a stale release").contains(7L);
        tracker.release(TP, 7, epoch);
        assertThat(tracker.lowestOpen(TP)).isEmpty();
        assertThat(tracker.inFlight()).isZero();
        tracker.release(TP, 7, epoch);
        assertThat(tracker.inFlight()).as("released once").isZero();
    }

    @Test
    void anAlertWithNoReceiverLeftIsNotHeldOpen() {
        tracker.assigned(TP);
        tracker.register(TP, 3, alert, 0);
        assertThat(tracker.lowestOpen(TP)).isEmpty();
        assertThat(tracker.inFlight()).isZero();
    }
}
