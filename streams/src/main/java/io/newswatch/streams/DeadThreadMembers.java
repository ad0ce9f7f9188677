package io.newswatch.streams;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the partitions of a stream thread that died over to its replacement at once, instead of after the group's
 * session timeout.
 *
 * <p>Why: the main consumers are static group members (KIP-345), each under {@code <group.instance.id>-<thread
 * index>}. Kafka Streams starts the replacement of a dead thread under a new index, so it joins as a new member,
 * while the dead thread's member, which does not leave the group on close, keeps its partitions until its session
 * timeout ends (45 s by default). Every record on those partitions waited that long: a tagged record the broker
 * refused stalled its partition for 45 s. This removes the dead member through the Admin API (KIP-345's
 * {@code RemoveMembersFromConsumerGroup}), so the group rebalances at once.
 *
 * <p>Failure behaviour: the removal runs on a background thread of its own and never delays the stream threads; if it
 * fails (the broker unreachable, the member already gone), a warning says so and the group waits out the session
 * timeout, as it did before.
 */
final class DeadThreadMembers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadThreadMembers.class);
    /** How Kafka Streams names its stream threads: {@code <client id>-StreamThread-<index>}. */
    private static final Pattern THREAD_INDEX = Pattern.compile("-StreamThread-(\\d+)$");
    private static final long TIMEOUT_SECONDS = 30;

    private final Properties adminProps;
    private final String groupId;
    private final String instanceId;
    private final ExecutorService remover = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newswatch-dead-member-removal");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param adminProps the Admin client's properties
     * @param groupId    the consumer group: the Streams application id
     * @param instanceId the configured {@code group.instance.id}, without the thread index Streams adds
     */
    DeadThreadMembers(Properties adminProps, String groupId, String instanceId) {
        this.adminProps = adminProps;
        this.groupId = groupId;
        this.instanceId = instanceId;
    }

    /**
     * The static member id of the main consumer of the stream thread named {@code threadName}, or null when that is
     * not the name of a stream thread.
     */
    static String memberOf(String instanceId, String threadName) {
        Matcher m = THREAD_INDEX.matcher(threadName);
        return m.find() ? instanceId + "-" + m.group(1) : null;
    }

    /**
     * Removes the member of the dying stream thread named {@code threadName} from the group, in the background.
     * Called from the thread's uncaught exception handler, as it is replaced.
     */
    void removeLater(String threadName) {
        String member = memberOf(instanceId, threadName);
        if (member == null) {
            LOG.warn("'{}' is not a stream thread's name: its group member is left to the session timeout",
                    threadName);
            return;
        }
        remover.execute(() -> remove(member));
    }

    private void remove(String member) {
        try (Admin admin = Admin.create(adminProps)) {
            admin.removeMembersFromConsumerGroup(groupId,
                    new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(member))))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("removed the dead stream thread's member {} from group {}: its partitions move now", member,
                    groupId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("could not remove the dead stream thread's member {} from group {}; its partitions wait out the "
                    + "session timeout: {}", member, groupId, cause.toString());
        }
    }

    /** Stops the background thread; a removal under way is interrupted. */
    @Override
    public void close() {
        remover.shutdownNow();
    }
}
