package org.scalingatlas.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Files;
import org.scalingatlas.Atlas;
import org.scalingatlas.graph.SparqlEndpoint;
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
    public static Javalin create(Atlas atlas) {
        return create(atlas, route -> { });
    }

    /** The same, telling {@code onRoute} each route registered, as "METHOD /path" (for the OpenAPI test). */
    static Javalin create(Atlas atlas, java.util.function.Consumer<String> onRoute) {
        String openapi = resource("openapi.json");
        return Javalin.create(config -> {
            config.events.handlerAdded(meta -> onRoute.accept(meta.getHttpMethod() + " " + meta.getPath()));
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openapi));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // long questions reach the validation (a JSON 400) instead of Jetty's HTML 414
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(REQUEST_HEADER_BYTES));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.http.maxRequestSize = atlas.config().limits().maxBodyBytes();
            config.routes.before(SecurityHeaders::apply);
            if (atlas.config().limits().rateLimited()) {
                ClientRateLimit limit = new ClientRateLimit(atlas.config().limits());
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
            if (Files.isDirectory(atlas.config().webDir())) {
                config.staticFiles.add(files -> {
                    files.hostedPath = "/";
                    files.directory = atlas.config().webDir().toString();
                    files.location = Location.EXTERNAL;
                });
            } else {
                LOG.warn("web folder {} not found: serving the API only", atlas.config().webDir());
            }
            Health health = Health.of(atlas, atlas.fingerprint());
            config.routes.get("/health", ctx -> ctx.json(health));
            if (Files.isDirectory(atlas.config().webDir())) {
                new PageRoutes(atlas.config().webDir()).register(config.routes);
            }
            new CorpusRoutes(atlas).register(config.routes);
            // one pool for the expensive requests (fits, curves, allocations, exports); refusals are 503 + Retry-After
            HeavyRequests heavy = new HeavyRequests(atlas.config().heavy());
            config.events.serverStopped(heavy::close);
            new ExportRoutes(atlas, heavy).register(config.routes);
            new GraphRoutes(atlas.graph()).register(config.routes);
            new AskRoutes(atlas.assistant(), atlas.fingerprint()).register(config.routes);
            new SparqlRoutes(atlas.sparql()).register(config.routes);
            new LawRoutes(atlas, heavy).register(config.routes);
            LawRoutes.mapErrors(config.routes);
            config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.status()), e.getMessage()));
            config.routes.exception(SparqlEndpoint.Refusal.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.status()), e.getMessage()));
            config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
                String type = ctx.res().getContentType();
                if (type == null || !type.startsWith("application/json")) {
                    error(ctx, HttpStatus.NOT_FOUND, "no such page or endpoint: " + ctx.path());
                }
            });
            config.routes.exception(java.nio.charset.IllegalCharsetNameException.class,
                    (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the request's charset '" + e.getCharsetName() + "' is not one this server knows; send UTF-8"));
            config.routes.exception(java.nio.charset.UnsupportedCharsetException.class,
                    (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the request's charset '" + e.getCharsetName() + "' is not one this server knows; send UTF-8"));
            int maxBody = atlas.config().limits().maxBodyBytes();
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.getStatus()),
                    e.getStatus() == HttpStatus.NOT_FOUND.getCode() ? "no such page or endpoint: " + ctx.path() : describe(e, maxBody)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // one line, with where it broke; the whole stack only at debug level, never in the response
                LOG.error("{} {} failed: {} at {}", ctx.method(), ctx.path(), e, whereItBroke(e));
                LOG.debug("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
            });
        });
    }

    /** Starts the server; {@code port} 0 picks a free one. */
    public static Running start(Atlas atlas, String host, int port) {
        Javalin server = create(atlas).start(host, port);
        return new Running(server);
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

    /** The innermost frame of the application's own code, else the innermost frame. */
    private static String whereItBroke(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return java.util.Arrays.stream(frames).filter(f -> f.getClassName().startsWith("org.scalingatlas.")).findFirst()
                .or(() -> java.util.Arrays.stream(frames).findFirst()).map(StackTraceElement::toString).orElse("?");
    }

    /** Javalin's own refusals (a body past the size limit, a bad form) in words, not a status name. */
    private static String describe(HttpResponseException e, int maxBody) {
        if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return "the request body is larger than " + maxBody + " bytes, the most this server accepts (server.max.body.bytes)";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? HttpStatus.forStatus(e.getStatus()).getMessage() : e.getMessage();
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ErrorBody(message));
    }

    /** The one error shape of every endpoint. */
    record ErrorBody(String error) {
    }
}
