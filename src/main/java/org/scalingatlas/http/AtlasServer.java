package org.scalingatlas.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.scalingatlas.api.NoteSummary;
import org.scalingatlas.app.Services;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: the route table, static files from {@code web/}, and one JSON error shape
 * ({@code {"error": "..."}}) for every failure. Handlers only parse, call the application and write JSON.
 */
public final class AtlasServer {

    private static final Logger LOG = LoggerFactory.getLogger(AtlasServer.class);
    /** Room for a 100 KB question in a URL, so that it is refused by the application with a clear message. */
    private static final int REQUEST_HEADER_BYTES = 256 * 1024;

    private AtlasServer() {
    }

    /** The application's web server, not yet started; tests start it on port 0. */
    public static Javalin create(Services services) {
        return create(services, route -> { });
    }

    /** The same, telling {@code onRoute} each route registered, as "METHOD /path" (for the OpenAPI test). */
    static Javalin create(Services services, java.util.function.Consumer<String> onRoute) {
        String openapi = resource("openapi.json");
        return Javalin.create(config -> {
            config.events.handlerAdded(meta -> onRoute.accept(meta.getHttpMethod() + " " + meta.getPath()));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // long questions reach the validation (a JSON 400) instead of Jetty's HTML 414
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            EdgeLimits edge = new EdgeLimits(services.config().limits());
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler(services.config().limits().maxBodyBytes()));
                edge.guard(server);
            });
            // read when the server starts, after start(host, port) has set them
            config.jetty.addConnector((server, http) -> edge.connector(server, http, config.jetty.host, config.jetty.port));
            config.http.maxRequestSize = services.config().limits().maxBodyBytes();
            // a known path with a wrong method: 405 with Allow (ErrorResponses words it), not 404
            config.http.prefer405over404 = true;
            config.routes.before(SecurityHeaders::apply);
            if (services.config().limits().rateLimited()) {
                ClientRateLimit limit = new ClientRateLimit(services.config().limits());
                config.routes.before(ctx -> {
                    if (ctx.path().startsWith("/api/") || ctx.path().equals("/sparql")) {
                        limit.take(ctx.ip()).ifPresent(seconds -> {
                            ctx.header("Retry-After", Long.toString(seconds));
                            throw new ApiError(429, "too many requests from " + ctx.ip() + ": the limit is " + limit.describe()
                                    + "; retry in " + seconds + " s");
                        });
                    }
                });
            }
            if (Files.isDirectory(services.config().webDir())) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = services.config().webDir().toString();
                    files.location = Location.EXTERNAL;
                });
            } else {
                LOG.warn("web folder {} not found: serving the API only", services.config().webDir());
            }
            Health health = Health.of(services);
            config.routes.get("/health", ctx -> ctx.json(health));
            if (Files.isDirectory(services.config().webDir())) {
                new PageRoutes(services.config().webDir()).register(config.routes);
            }
            new CorpusRoutes(services.records(), services.traces()).register(config.routes);
            // one pool for the expensive requests (fits, curves, allocations, exports); refusals are 503 + Retry-After
            HeavyRequests heavy = new HeavyRequests(services.config().heavy());
            config.events.serverStopped(heavy::close);
            new ExportRoutes(services.exports(), heavy).register(config.routes);
            new GraphRoutes(services.exports()).register(config.routes);
            new AskRoutes(services.ask()).register(config.routes);
            new SparqlRoutes(services.sparql()).register(config.routes);
            new LawRoutes(services.laws(), heavy).register(config.routes);
            new PlanRoutes(services.laws(), heavy).register(config.routes);
            LawRoutes.mapErrors(config.routes);
            ErrorResponses.install(config, services.config().limits().maxBodyBytes(),
                    Files.isDirectory(services.config().webDir()) ? services.config().webDir() : null);
        });
    }

    /** Starts the server; {@code port} 0 picks a free one. */
    public static Running start(Services services, String host, int port) {
        Javalin server = create(services).start(host, port);
        return new Running(server);
    }

    /**
     * Starts the server once it has asked itself the corpus's note titles for {@code warmUp} ({@link WarmUp}), on as many
     * threads as the machine has cores; {@code port} 0 picks a free one.
     */
    public static Running start(Services services, String host, int port, Duration warmUp) {
        if (!warmUp.isZero()) {
            List<String> titles = services.records().notes().stream().map(NoteSummary::title).toList();
            WarmUp.Report report = new WarmUp(services.ask()).run(titles, warmUp, Runtime.getRuntime().availableProcessors());
            if (report.failure() == null) {
                LOG.info("warmed up before listening: {} asks of the corpus's note titles on {} threads in {} ms (server.warmup.seconds)",
                        report.asks(), report.threads(), report.millis());
            } else {
                LOG.warn("the warm-up stopped after {} asks in {} ms ({}); serving without the rest of it", report.asks(), report.millis(),
                        report.failure());
            }
        }
        return start(services, host, port);
    }

    /** A started server: its port, and a way to stop it. */
    public static final class Running implements AutoCloseable {
        private final Javalin server;

        private Running(Javalin server) {
            this.server = server;
        }

        public int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private static String resource(String name) {
        try (java.io.InputStream in = AtlasServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }



    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ErrorBody(message));
    }

    /** The one error shape of every endpoint. */
    record ErrorBody(String error) {
    }
}
