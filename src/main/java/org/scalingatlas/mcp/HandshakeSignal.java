package org.scalingatlas.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * A transport that runs an action once, right after the server has handed its answer to {@code initialize} to the
 * transport: the point from which heavy work no longer delays the handshake. Everything else passes through.
 */
final class HandshakeSignal extends ForwardingTransportProvider {

    private final Runnable afterHandshake;
    private final AtomicBoolean signalled = new AtomicBoolean();

    HandshakeSignal(McpServerTransportProvider transport, Runnable afterHandshake) {
        super(transport);
        this.afterHandshake = afterHandshake;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        transport.setSessionFactory(sessionTransport -> sessionFactory.create(new Watched(sessionTransport)));
    }

    /** A session's transport whose initialize answer fires the signal once it is on its way. */
    private final class Watched implements McpServerTransport {

        private final McpServerTransport session;

        Watched(McpServerTransport session) {
            this.session = session;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            Mono<Void> sent = session.sendMessage(message);
            if (message instanceof McpSchema.JSONRPCResponse response && response.result() instanceof McpSchema.InitializeResult) {
                return sent.doOnTerminate(() -> {
                    if (signalled.compareAndSet(false, true)) {
                        afterHandshake.run();
                    }
                });
            }
            return sent;
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return session.unmarshalFrom(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return session.closeGracefully();
        }

        @Override
        public void close() {
            session.close();
        }

        @Override
        public List<String> protocolVersions() {
            return session.protocolVersions();
        }
    }
}
