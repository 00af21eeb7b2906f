package org.scalingatlas.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * A transport that sends one {@code notifications/resources/list_changed} for a batch of added resources instead of
 * one per resource: the SDK notifies on every {@code addResource}, and the corpus adds a few hundred at once when it
 * has loaded. Everything else passes through to the wrapped transport.
 */
final class OneListChangedNotice extends ForwardingTransportProvider {

    private final AtomicBoolean batching = new AtomicBoolean();

    OneListChangedNotice(McpServerTransportProvider transport) {
        super(transport);
    }

    /** Runs {@code additions} with the resource-list notices held back, then sends one. */
    void batch(Runnable additions) {
        batching.set(true);
        try {
            additions.run();
        } finally {
            batching.set(false);
        }
        // no client yet, or it has gone: nothing to tell (a client that lists later gets the whole list)
        transport.notifyClients(McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED, null).onErrorResume(e -> Mono.empty()).block();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return heldBack(method) ? Mono.empty() : transport.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return heldBack(method) ? Mono.empty() : transport.notifyClient(sessionId, method, params);
    }

    private boolean heldBack(String method) {
        return batching.get() && McpSchema.METHOD_NOTIFICATION_RESOURCES_LIST_CHANGED.equals(method);
    }
}
