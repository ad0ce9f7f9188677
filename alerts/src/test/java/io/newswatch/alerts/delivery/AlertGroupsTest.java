package io.newswatch.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.alerts.TestAlerts;
import io.newswatch.alerts.receiver.Notification;
import io.newswatch.alerts.routing.AlertMatcher;
import io.newswatch.alerts.routing.Grouping;
import io.newswatch.alerts.routing.Route;
import io.newswatch.model.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Grouping, intervals and reminders, driven by a clock the test moves by hand. */
class AlertGroupsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Grouping BY_RULE = new Grouping(List.of("rule"), Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ZERO, Duration.ofHours(24));

    private final AlertGroups groups = new AlertGroups();
    private long offset;

    private static Route route(Grouping g) {
        return new Route("route.routes[0]", AlertMatcher.ANY, List.of("desk"), false, g, List.of());
    }

    private Incoming in(Alert a) {
        return new Incoming(a, new ConsumerRecord<>("news.alerts", 0, offset++, new byte[0], new byte[0]), 1);
    }

    private static Alert onStory(String story) {
        return TestAlerts.sanctions(story);
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aNewGroupWaitsGroupWaitAndSendsEverythingThatArrivedMeanwhileInOneMessage() {
        Route r = route(BY_RULE);
        groups.add(r, in(onStory("a")), at(0));
        groups.add(r, in(onStory("b")), at(10));
        assertThat(groups.due(at(29))).isEmpty();
        assertThat(groups.nextDue()).contains(at(30));

        List<Outgoing> out = groups.due(at(30));
        assertThat(out).hasSize(1);
        Notification n = out.get(0).notification();
        assertThat(n.kind()).isEqualTo(Notification.Kind.GROUP);
        assertThat(n.group()).isEqualTo("rule=sanctions-violation");
        assertThat(n.alerts()).extracting(Alert::storyId).containsExactly("a", "b");
        assertThat(out.get(0).carried()).hasSize(2);
        assertThat(groups.due(at(31))).isEmpty();
    }

    @Test
    void afterAMessageNewAlertsWaitForTheGroupIntervalAndAQuietGroupSendsNothing() {
        Route r = route(BY_RULE);
        groups.add(r, in(onStory("a")), at(0));
        assertThat(groups.due(at(30))).hasSize(1);
        assertThat(groups.due(at(200))).as("nothing new, no repeat: silence").isEmpty();

        groups.add(r, in(onStory("b")), at(250));
        // the interval counts from the last message (t=30), not from the new alert
        assertThat(groups.due(at(329))).isEmpty();
        List<Outgoing> second = groups.due(at(330));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).notification().alerts()).extracting(Alert::storyId).containsExactly("b");
    }

    @Test
    void anAlertAfterAQuietSpellLongerThanTheIntervalGoesOutAfterGroupWaitOnlyOnceForgotten() {
        Route r = route(BY_RULE);
        groups.add(r, in(onStory("a")), at(0));
        groups.due(at(30));
        groups.due(at(30 + 300)); // interval over: the group is forgotten
        assertThat(groups.size()).isZero();
        groups.add(r, in(onStory("b")), at(1000));
        assertThat(groups.due(at(1029))).isEmpty();
        assertThat(groups.due(at(1030))).hasSize(1);
    }

    @Test
    void differentGroupValuesMakeSeparateMessages() {
        Route r = route(new Grouping(List.of("story"), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ZERO,
                Duration.ofHours(24)));
        groups.add(r, in(onStory("a")), at(0));
        groups.add(r, in(onStory("b")), at(0));
        groups.add(r, in(onStory("a")), at(1));
        List<Outgoing> out = groups.due(at(30));
        assertThat(out).extracting(o -> o.notification().group()).containsExactly("story=a", "story=b");
    }

    @Test
    void aNewerRevisionReplacesTheWaitingOneAndTheMessageSettlesBoth() {
        Route r = route(BY_RULE);
        Alert first = onStory("a");
        Alert update = first.updated(List.of("other-outlet"), at(5));
        groups.add(r, in(first), at(0));
        groups.add(r, in(update), at(5));
        Outgoing out = groups.due(at(30)).get(0);
        assertThat(out.notification().alerts()).containsExactly(update);
        assertThat(out.carried()).extracting(i -> i.alert().revision()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void repeatIntervalRemindsOfSentAlertsUntilRepeatForRunsOut() {
        Route r = route(new Grouping(List.of("rule"), Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofHours(4), Duration.ofHours(10)));
        groups.add(r, in(onStory("a")), at(0));
        Outgoing first = groups.due(at(30)).get(0);

        assertThat(groups.nextDue()).contains(at(30 + 4 * 3600));
        List<Outgoing> reminder = groups.due(at(30 + 4 * 3600));
        assertThat(reminder).hasSize(1);
        assertThat(reminder.get(0).notification().kind()).isEqualTo(Notification.Kind.REMINDER);
        assertThat(reminder.get(0).notification().alerts()).extracting(Alert::storyId).containsExactly("a");
        assertThat(reminder.get(0).carried()).as("its alert was settled by the first message").isEmpty();
        assertThat(reminder.get(0).notification().key()).isNotEqualTo(first.notification().key());

        assertThat(groups.due(at(30 + 8 * 3600))).as("second reminder, 8 h < repeat_for 10 h").hasSize(1);
        assertThat(groups.due(at(30 + 12 * 3600))).as("past repeat_for: nothing left to remind of").isEmpty();
        assertThat(groups.size()).isZero();
    }

    @Test
    void theSameMessageHasTheSameKeyAfterARestart() {
        Route r = route(BY_RULE);
        groups.add(r, in(onStory("a")), at(0));
        String key = groups.due(at(30)).get(0).notification().key();

        AlertGroups afterRestart = new AlertGroups();
        afterRestart.add(r, in(onStory("a")), at(500));
        assertThat(afterRestart.due(at(530)).get(0).notification().key()).isEqualTo(key);
    }

    @Test
    void aDigestSendsOneMessagePerIntervalListingEverything() {
        Route r = route(Grouping.digest(Duration.ofHours(1)));
        groups.add(r, in(onStory("a")), at(0));
        groups.add(r, in(TestAlerts.with(onStory("b"), "info", "Other", null)), at(60));
        assertThat(groups.due(at(3599))).isEmpty();
        Outgoing digest = groups.due(at(3600)).get(0);
        assertThat(digest.notification().group()).isEqualTo("all");
        assertThat(digest.notification().alerts()).hasSize(2);
        groups.add(r, in(onStory("c")), at(3700));
        assertThat(groups.due(at(7199))).isEmpty();
        assertThat(groups.due(at(7200))).hasSize(1);
    }

    @Test
    void removedWaitingAlertsAreReturnedAndNotSent() {
        Route r = route(BY_RULE);
        groups.add(r, in(onStory("a")), at(0));
        groups.add(r, in(onStory("b")), at(0));
        List<Incoming> removed = groups.removeWaiting(i -> i.alert().storyId().equals("a"));
        assertThat(removed).extracting(i -> i.alert().storyId()).containsExactly("a");
        assertThat(groups.due(at(30)).get(0).notification().alerts()).extracting(Alert::storyId)
                .containsExactly("b");
    }
}
