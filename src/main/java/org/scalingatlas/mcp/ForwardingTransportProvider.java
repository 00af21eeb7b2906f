package org.scalingatlas.mcp;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A transport provider that passes every call through to another: subclasses override only what they change (the
 * forwarding-decorator pattern, as Guava's {@code Forwarding*} classes).
 */
abstract class ForwardingTransportProvider implements McpServerTransportProvider {

    protected final McpServerTransportProvider transport;

    ForwardingTransportProvider(McpServerTransportProvider transport) {
        this.transport = transport;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        transport.setSessionFactory(sessionFactory);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return transport.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return transport.notifyClient(sessionId, method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }
}
