package io.newswatch.alerts.delivery;

import io.newswatch.alerts.receiver.Notification;
import io.newswatch.alerts.routing.Grouping;
import io.newswatch.alerts.routing.Route;
import io.newswatch.model.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The alert groups of one receiver, and when each is due (the timing of Prometheus Alertmanager's grouping; see
 * {@link Grouping}). Pure: time comes in as an argument, so tests drive it with any clock, and one thread (the
 * receiver's lane) owns an instance.
 *
 * <p>A group is identified by its route and its label. The first alert of a new group makes it due
 * {@code group_wait} later; alerts arriving while it waits join the same message. After a message, new alerts wait
 * until {@code group_interval} after it. A newer revision of an alert that is still waiting replaces the older one
 * in the message (which then settles both). With {@code repeat_interval}, a group with nothing new sends a
 * {@link Notification.Kind#REMINDER} of the alerts it sent whose latest revision arrived within
 * {@code repeat_for}; a group with nothing left to send or remind of is forgotten.
 */
public final class AlertGroups {
    private static final class Group {
        final String scope;
        final String label;
        final Grouping grouping;
        final LinkedHashMap<String, Incoming> waiting = new LinkedHashMap<>();
        final List<Incoming> superseded = new ArrayList<>();
        final LinkedHashMap<String, Sent> sent = new LinkedHashMap<>();
        Instant dueAt;
        Instant lastSentAt;
        Instant remindAt;

        Group(String scope, String label, Grouping grouping) {
            this.scope = scope;
            this.label = label;
            this.grouping = grouping;
        }
    }

    private record Sent(Alert alert, Instant arrivedAt) {
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    /**
     * Adds an alert that {@code route} (which groups) sends to this receiver.
     *
     * @throws IllegalArgumentException when the route does not group
     */
    public void add(Route route, Incoming in, Instant now) {
        Grouping g = route.grouping();
        if (!g.groups()) {
            throw new IllegalArgumentException("route " + route.path() + " does not group");
        }
        String label = g.groupLabel(in.alert());
        String scope = route.path() + " | " + label;
        Group group = groups.computeIfAbsent(scope, s -> new Group(s, label, g));
        Incoming older = group.waiting.remove(in.alert().id());
        if (older != null) {
            group.superseded.add(older);
        }
        group.waiting.put(in.alert().id(), in);
        if (group.dueAt == null) {
            group.dueAt = group.lastSentAt == null ? now.plus(g.groupWait())
                    : later(now, group.lastSentAt.plus(g.groupInterval()));
        }
    }

    /**
     * The messages due at {@code now}, groups before reminders, in the order the groups were created; each group's
     * state moves on as if the message was sent (whether it is then delivered or dead-lettered).
     */
    public List<Outgoing> due(Instant now) {
        List<Outgoing> out = new ArrayList<>();
        for (Iterator<Group> it = groups.values().iterator(); it.hasNext(); ) {
            Group group = it.next();
            if (!group.waiting.isEmpty() && !group.dueAt.isAfter(now)) {
                out.add(flush(group, now));
            } else if (group.waiting.isEmpty() && group.remindAt != null && !group.remindAt.isAfter(now)) {
                remind(group, now).ifPresent(out::add);
            }
            if (forgettable(group, now)) {
                it.remove();
            }
        }
        return out;
    }

    private Outgoing flush(Group group, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        List<Incoming> carried = new ArrayList<>(group.superseded);
        for (Incoming in : group.waiting.values()) {
            alerts.add(in.alert());
            carried.add(in);
            group.sent.remove(in.alert().id());
            group.sent.put(in.alert().id(), new Sent(in.alert(), now));
        }
        group.waiting.clear();
        group.superseded.clear();
        group.dueAt = null;
        group.lastSentAt = now;
        group.remindAt = group.grouping.repeats() ? now.plus(group.grouping.repeatInterval()) : null;
        Notification n = Notification.ofGroup(Notification.Kind.GROUP, group.scope, group.label, alerts);
        return new Outgoing(n, carried);
    }

    private Optional<Outgoing> remind(Group group, Instant now) {
        Instant cutoff = now.minus(group.grouping.repeatFor());
        group.sent.values().removeIf(s -> s.arrivedAt().isBefore(cutoff));
        if (group.sent.isEmpty()) {
            group.remindAt = null;
            return Optional.empty();
        }
        List<Alert> alerts = group.sent.values().stream().map(Sent::alert).toList();
        Notification n = Notification.ofGroup(Notification.Kind.REMINDER, group.scope + " | " + group.remindAt,
                group.label, alerts);
        group.remindAt = now.plus(group.grouping.repeatInterval());
        return Optional.of(new Outgoing(n, List.of()));
    }

    /** Nothing waiting, no reminder to come, and past the interval that would hold back its next message. */
    private static boolean forgettable(Group group, Instant now) {
        return group.waiting.isEmpty() && group.remindAt == null
                && (group.lastSentAt == null || !group.lastSentAt.plus(group.grouping.groupInterval()).isAfter(now));
    }

    /** When {@link #due} next has something to do, if ever. */
    public Optional<Instant> nextDue() {
        Instant next = null;
        for (Group group : groups.values()) {
            Instant at = !group.waiting.isEmpty() ? group.dueAt
                    : group.remindAt != null ? group.remindAt
                    : group.lastSentAt == null ? Instant.EPOCH // emptied by removeWaiting: forget at once
                    : group.lastSentAt.plus(group.grouping.groupInterval());
            if (next == null || at.isBefore(next)) {
                next = at;
            }
        }
        return Optional.ofNullable(next);
    }

    /** Removes and returns the waiting alerts (superseded ones included) that match, e.g. of revoked partitions. */
    public List<Incoming> removeWaiting(Predicate<Incoming> which) {
        List<Incoming> removed = new ArrayList<>();
        for (Group group : groups.values()) {
            for (Iterator<Incoming> it = group.waiting.values().iterator(); it.hasNext(); ) {
                Incoming in = it.next();
                if (which.test(in)) {
                    removed.add(in);
                    it.remove();
                }
            }
            group.superseded.removeIf(in -> which.test(in) && removed.add(in));
            if (group.waiting.isEmpty()) {
                group.dueAt = null;
            }
        }
        return removed;
    }

    /** Alerts waiting in groups (not counting superseded revisions). */
    public int waiting() {
        return groups.values().stream().mapToInt(g -> g.waiting.size()).sum();
    }

    /** Groups currently known (waiting, within their interval, or reminding). */
    public int size() {
        return groups.size();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
