package io.newswatch.model.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The {@code group.instance.id} of this instance's consumers: Kafka's static group membership (KIP-345). A member
 * that comes back under the id of one that died (kill -9, OOM) replaces it at once and gets its partitions, instead
 * of the group waiting out the dead member's session timeout (45 s by default) before a rebalance.
 *
 * <p>The id must be stable across restarts and unique among the live instances of one service: when a second
 * instance joins under the id of a running one, the broker fences the first ({@code FencedInstanceIdException}).
 * It is {@code kafka.instance.id} when set, otherwise the host name, which is stable on a container platform's
 * stateful set or a VM; for Kafka Streams, which needs its own state directory per instance anyway, a short hash
 * of that directory is added so instances sharing a host differ.
 */
public final class GroupInstanceId {
    /** The characters and length Kafka accepts in a group instance id (as in topic names). */
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private GroupInstanceId() {
    }

    /**
     * @param stateDir the instance's own state directory, or null when the service keeps no local state
     * @throws ConfigException naming {@code kafka.instance.id} when the configured id has characters Kafka refuses
     */
    public static String of(NewswatchConfig config, Path stateDir) {
        String configured = config.get(ConfigKeys.INSTANCE_ID).trim();
        if (!configured.isEmpty()) {
            if (!LEGAL.matcher(configured).matches()) {
                throw new ConfigException(ConfigKeys.INSTANCE_ID.name() + ": '" + configured
                        + "' must be 1 to 200 letters, digits, '.', '_' or '-'");
            }
            return configured;
        }
        String host = hostName().replaceAll("[^A-Za-z0-9._-]", "-");
        return stateDir == null ? host : host + "-" + shortHash(stateDir.toAbsolutePath().normalize().toString());
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
