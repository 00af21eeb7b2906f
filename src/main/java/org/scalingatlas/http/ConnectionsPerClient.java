package org.scalingatlas.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code limit} open connections per client address: one past it is closed as it opens, before a byte of it is
 * read, so one client cannot hold the server's connections (or its threads) with slow requests. Jetty 12.1 limits
 * connections only in total ({@code ConnectionLimit}, {@code NetworkConnectionLimit}) and requests per address
 * ({@code DoSHandler}); none counts connections per address, hence this listener on the connector.
 */
final class ConnectionsPerClient implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerClient.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final int limit;
    /** Each client's count of the connections taken (a refused one is never counted), and the most it held at once. */
    private final Map<InetAddress, Integer> held = new ConcurrentHashMap<>();
    private final Map<InetAddress, Integer> mostHeld = new ConcurrentHashMap<>();
    /** Whose each taken connection is: the address may no longer be readable from a closed socket. */
    private final Map<Connection, InetAddress> owners = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    ConnectionsPerClient(int limit) {
        this.limit = limit;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = clientOf(connection.getEndPoint().getRemoteSocketAddress());
        if (client == null) {
            return;
        }
        boolean[] taken = new boolean[1];
        int count = held.compute(client, (address, n) -> {
            int now = n == null ? 0 : n;
            taken[0] = now < limit;
            return taken[0] ? now + 1 : now; // checked and counted in one step, so two opens cannot both take the last place
        });
        if (!taken[0]) {
            long total = refused.incrementAndGet();
            long last = lastWarning.get();
            if (System.nanoTime() - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, System.nanoTime())) {
                LOG.warn("closed a connection from {}: it already holds {} (server.connections.per.client); {} refused so far", client.getHostAddress(),
                        limit, total);
            }
            connection.getEndPoint().close();
            return;
        }
        owners.put(connection, client);
        mostHeld.merge(client, count, Math::max);
    }

    /** The most connections from this client the server held at once (taken, not refused): never more than the limit. */
    int mostHeldAtOnce(InetAddress client) {
        return mostHeld.getOrDefault(client, 0);
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = owners.remove(connection);
        if (client != null) {
            held.computeIfPresent(client, (address, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static InetAddress clientOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
