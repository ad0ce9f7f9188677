package io.newswatch.broker.internal;

import io.newswatch.broker.BrokerStartException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Finds free TCP ports on 127.0.0.1 and checks a chosen one before Kafka tries to bind it. */
public final class LocalPorts {

    /** The only interface the embedded nodes listen on. */
    public static final String HOST = "127.0.0.1";

    private LocalPorts() {
    }

    /**
     * Returns {@code count} distinct ports that were free a moment ago. All probe sockets are held open together
     * so the operating system cannot hand out the same port twice in one call.
     *
     * @throws UncheckedIOException if no port can be bound at all
     */
    public static int[] pickFree(int count) {
        List<ServerSocket> probes = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket probe = new ServerSocket(0, 1, loopback());
                probes.add(probe);
                ports[i] = probe.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        } finally {
            probes.forEach(LocalPorts::closeQuietly);
        }
    }

    /**
     * Fails fast when something already listens on {@code port}, so Kafka never half-starts and logs a bind
     * failure stack trace.
     *
     * @throws BrokerStartException "port N is already in use"
     */
    public static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            // SO_REUSEADDR lets a port in TIME_WAIT from our own previous run count as free; a listener still fails
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(loopback(), port), 1);
        } catch (IOException e) {
            throw new BrokerStartException("port " + port + " is already in use");
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal IPv4 address cannot be unknown", e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a probe that fails to close only delays the port's reuse; the port number is what matters
        }
    }
}
