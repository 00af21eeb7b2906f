package org.scalingatlas.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.scalingatlas.app.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scaling Atlas for AI assistants, over the Model Context Protocol (the official Java SDK, every protocol version it
 * knows up to the newest): the tools {@code ask}, {@code trace}, {@code law_evaluate}, {@code law_optimal} and
 * {@code search_notes} (each with the output schema of its HTTP counterpart, answering with the same JSON as
 * structured content and as text), the research prompt as the prompt {@code research}, and every note and paper as a
 * resource named by its IRI.
 *
 * <p>The server answers the handshake before the corpus has loaded, and starts loading it then: requests that need
 * it wait for the services (see {@link LoadingServices}), and the notes and papers join the resource list once they
 * are there.
 */
public final class AtlasMcpServer {

    private static final Logger LOG = LoggerFactory.getLogger(AtlasMcpServer.class);
    private static final String INSTRUCTIONS = "Answers questions about neural scaling laws from a curated corpus only. Every answer says "
            + "whether the corpus covers the question (answered, partial with the missing parts, or refused) and cites notes and papers; "
            + "relay the verdict and citations as given, and do not fill what the corpus lacks from elsewhere.";

    private final LoadingServices services;

    /** A server over services that load (or have loaded) elsewhere. */
    public AtlasMcpServer(LoadingServices services) {
        this.services = services;
    }

    /** A server over services already loaded. */
    public AtlasMcpServer(Services services) {
        this(LoadingServices.loaded(services));
    }

    /** Starts serving on the transport (stdio for {@code ./atlas mcp}) and returns at once. */
    public McpSyncServer start(McpServerTransportProvider transport) {
        // the corpus loads once the handshake is answered (or when a request first needs it), so that loading, which
        // keeps every core busy for seconds, does not hold up the answer to initialize
        OneListChangedNotice notices = new OneListChangedNotice(new HandshakeSignal(transport, services::start));
        AtlasResources resources = new AtlasResources(services);
        var spec = McpServer.sync(notices)
                .serverInfo("scaling-atlas", Services.version())
                .jsonMapper(jsonMapper())
                .jsonSchemaValidator(new LazySchemaValidator())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, true).prompts(false).build())
                // the tools read their arguments as the HTTP API does ("70B" is a number) and refuse bad ones with a
                // message of their own, so the SDK's schema check of the arguments is left off
                .validateToolInputs(false)
                .tools(new AtlasTools(services, OutputSchemas.fromOpenApi()).all())
                .prompts(new AtlasPrompts(services).all())
                .resourceTemplates(resources.templates());
        var loadedAtStart = services.ifLoaded();
        loadedAtStart.ifPresent(loaded -> spec.resources(AtlasResources.listed(loaded)));
        McpSyncServer server = spec.build();
        if (loadedAtStart.isEmpty()) {
            services.whenLoaded(loaded -> {
                notices.batch(() -> AtlasResources.listed(loaded).forEach(server::addResource));
                LOG.info("Scaling Atlas is ready, {} s after the process started", secondsSinceStart());
            });
            services.whenFailed(e -> LOG.error("Scaling Atlas could not load; every tool call will say so", e));
        }
        return server;
    }

    /**
     * Serves over these streams (the process's standard input and output) until the client closes its end, then
     * shuts down gracefully.
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    closed.countDown();
                }
                return c;
            }
        };
        McpSyncServer server = start(new StdioServerTransportProvider(jsonMapper(), watched, out));
        closed.await();
        server.closeGracefully();
    }

    /** The JSON mapper of the server and of the tests' clients: Jackson 2, like the rest of the application. */
    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper());
    }

    private static String secondsSinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> String.format(java.util.Locale.ROOT, "%.1f", Duration.between(start, Instant.now()).toMillis() / 1000.0))
                .orElse("?");
    }
}
