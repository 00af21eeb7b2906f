package org.scalingatlas.http;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.scalingatlas.config.AtlasConfig;

/**
 * What a client may hold at the edge, set with Jetty's own parts so that slow or oversized requests cost no thread:
 * <ul>
 * <li>a body announced larger than {@code server.max.body.bytes} is refused with 413 before a byte of it is read
 * ({@link SizeLimitHandler});</li>
 * <li>a body is read without a thread, and the request is handed to a thread only once its body is in
 * ({@link EagerContentHandler}, Jetty's successor of delayed dispatch);</li>
 * <li>a body that arrives slower than {@value #MIN_BODY_BYTES_PER_SECOND} bytes per second on average is cut
 * ({@link MinimumDataRateHandler}), and a connection that sends nothing for {@code server.idle.timeout.ms} is
 * closed (the connector's idle timeout; {@link StalledBodies} makes it end a body the eager read waits for);</li>
 * <li>one client address holds at most {@code server.connections.per.client} connections ({@link ConnectionsPerClient}).</li>
 * </ul>
 * Requests still run on Javalin's pool of platform threads, not on virtual threads: with the body read before
 * dispatch a slow client holds no thread anyway, and the handlers that matter here are CPU-bound (SPARQL, fits,
 * embeddings), which virtual threads do not preempt: two of them would take both carrier threads of a 2-core machine
 * and stall every other request, {@code /health} included.
 */
final class EdgeLimits {

    /**
     * The slowest average a request body may arrive at. A hundredth of a slow mobile link (about 100 kB/s), so no real
     * client falls below it; a byte every few seconds (the attack of issue #13) is cut at its second byte. It is checked only while the
     * body is still incomplete, so a small body that arrives in one piece is never measured.
     */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;

    private final AtlasConfig.Limits limits;

    EdgeLimits(AtlasConfig.Limits limits) {
        this.limits = limits;
    }

    /** Puts the handlers in front of Javalin's: size first, then the rate and the idle timeout the eager read is held to, then the eager read. */
    void guard(Server server) {
        server.insertHandler(new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(limits.maxBodyBytes(), -1, false)));
        server.insertHandler(new StalledBodies());
        server.insertHandler(new MinimumDataRateHandler(MIN_BODY_BYTES_PER_SECOND, 0));
        server.insertHandler(new SizeLimitHandler(limits.maxBodyBytes(), -1));
    }

    /** The connector Javalin would make, with the idle timeout and the per-client connection limit. */
    ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addBean(new ConnectionsPerClient(limits.connectionsPerClient()));
        return connector;
    }
}
