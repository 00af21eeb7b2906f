package org.scalingatlas.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.scalingatlas.app.SearchUnavailableException;
import org.eclipse.jetty.http.HttpException;
import org.scalingatlas.app.SparqlService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a request in the one JSON error shape, {@code {"error": "..."}}: the application's refusals,
 * Javalin's own (a wrong method, a body too large, a body too slow), and any Throwable a handler lets out (an
 * Exception or an Error such as StackOverflowError), which is logged in one line and answered 500.
 */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String INTERNAL = "internal error; the server log has the details";

    private ErrorResponses() {
    }

    /**
     * @param webDir the web app's folder: a browser asking for a page that does not exist gets the app with a 404, and
     *               the app says so under a heading, with its navigation; {@code null} when the API is served alone
     */
    static void install(JavalinConfig config, int maxBody, java.nio.file.Path webDir) {
        config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.status()), e.getMessage()));
        config.routes.exception(SparqlService.Refused.class, (e, ctx) -> error(ctx, HttpStatus.forStatus(e.status()), e.getMessage()));
        config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            String type = ctx.res().getContentType();
            if (type != null && type.startsWith("application/json")) {
                return;
            }
            notFound(ctx, webDir);
        });
        // a body cut by the idle timeout or the minimum data rate: Javalin sets 408 and writes nothing
        config.routes.error(HttpStatus.REQUEST_TIMEOUT.getCode(), ctx -> error(ctx, HttpStatus.REQUEST_TIMEOUT,
                "the request body came too slowly or stopped (server.idle.timeout.ms, and at least " + EdgeLimits.MIN_BODY_BYTES_PER_SECOND
                        + " bytes per second); send it at once"));
        config.routes.exception(java.nio.charset.IllegalCharsetNameException.class,
                (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the request's charset '" + e.getCharsetName() + "' is not one this server knows; send UTF-8"));
        config.routes.exception(java.nio.charset.UnsupportedCharsetException.class,
                (e, ctx) -> error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the request's charset '" + e.getCharsetName() + "' is not one this server knows; send UTF-8"));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> refused(ctx, e, maxBody, webDir));
        // retrieve.engine=solr and no node of the collection answers: the operator's log names the nodes, the client hears 503
        config.routes.exception(SearchUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the search engine (SolrCloud) does not answer; try again shortly");
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            HttpException unreadable = jettyRefusal(e);
            if (unreadable != null) {
                error(ctx, HttpStatus.forStatus(unreadable.getCode()), unreadable.getCode() == HttpStatus.CONTENT_TOO_LARGE.getCode()
                        ? tooLarge(maxBody) : "the request could not be read: " + unreadable.getReason() + " (a body cut short, or framed wrongly)");
                return;
            }
            logBug(ctx.method() + " " + ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL);
        });
        config.router.javaLangErrorHandler((res, e) -> {
            logBug("a request", e);
            write(res, INTERNAL);
        });
    }

    /** A 404: the web app for a browser asking for a page (it says so under a heading), else the JSON error. */
    private static void notFound(Context ctx, java.nio.file.Path webDir) {
        if (webDir != null && wantsPage(ctx)) {
            try {
                ctx.status(HttpStatus.NOT_FOUND).html(java.nio.file.Files.readString(webDir.resolve("index.html")));
                return;
            } catch (IOException e) {
                LOG.warn("cannot read the web app's page for a 404: {}", e.toString());
            }
        }
        error(ctx, HttpStatus.NOT_FOUND, "no such page or endpoint: " + ctx.path());
    }

    /** A browser's GET for a page (HTML preferred, outside the API and the graph's paths), not a client of the API. */
    private static boolean wantsPage(Context ctx) {
        String path = ctx.path();
        String accept = ctx.header("Accept");
        return "GET".equals(ctx.method().name()) && accept != null && accept.contains("text/html") && !path.startsWith("/api/")
                && !path.startsWith("/id/") && !path.equals("/sparql");
    }

    /**
     * Jetty's verdict on a request it could not read, met while a handler read the body (a chunked body that stops:
     * "Early EOF", a bad chunk, one that grows past the size limit): a 4xx in the cause chain, or null.
     */
    private static HttpException jettyRefusal(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof HttpException refusal && refusal.getCode() >= 400 && refusal.getCode() < 500) {
                return refusal;
            }
        }
        return null;
    }

    /** One line, with where it broke; the whole stack only at debug level, never in the response. */
    private static void logBug(String what, Throwable e) {
        LOG.error("{} failed: {} at {}", what, e, whereItBroke(e));
        LOG.debug("{} failed", what, e);
    }

    /** Javalin's own refusals in words: a wrong method (with {@code Allow}), a body past the size limit, a bad form. */
    private static void refused(Context ctx, HttpResponseException e, int maxBody, java.nio.file.Path webDir) {
        int status = e.getStatus();
        if (status == HttpStatus.NOT_FOUND.getCode()) {
            notFound(ctx, webDir);
        } else if (status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            String allowed = allowed(e);
            ctx.header("Allow", allowed);
            error(ctx, HttpStatus.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path() + "; it answers " + allowed);
        } else if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxBody));
        } else {
            error(ctx, HttpStatus.forStatus(status), e.getMessage() == null || e.getMessage().isBlank()
                    ? HttpStatus.forStatus(status).getMessage() : e.getMessage());
        }
    }

    static String tooLarge(long maxBody) {
        return "the request body is larger than " + maxBody + " bytes, the most this server accepts (server.max.body.bytes)";
    }

    /** The methods Javalin found routes for, as its refusal's details list them; HEAD after GET (Javalin answers it). */
    private static String allowed(HttpResponseException e) {
        Set<String> methods = new LinkedHashSet<>();
        e.getDetails().values().forEach(list -> Arrays.stream(list.split(",")).map(String::strip).filter(m -> !m.isEmpty()).forEach(method -> {
            methods.add(method);
            if (method.equals("GET")) {
                methods.add("HEAD");
            }
        }));
        return String.join(", ", methods);
    }

    /** The innermost frame of the application's own code, else the innermost frame. */
    private static String whereItBroke(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return Arrays.stream(frames).filter(f -> f.getClassName().startsWith("org.scalingatlas.")).findFirst()
                .or(() -> Arrays.stream(frames).findFirst()).map(StackTraceElement::toString).orElse("?");
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        AtlasServer.error(ctx, status, message);
    }

    /** The error shape written straight to the servlet response: what is left when a handler threw an Error. */
    private static void write(HttpServletResponse res, String message) {
        if (res.isCommitted()) {
            return;
        }
        try {
            res.resetBuffer();
            res.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
            res.setContentType("application/json");
            SecurityHeaders.HEADERS.forEach(res::setHeader);
            res.getOutputStream().write(JSON.writeValueAsBytes(new AtlasServer.ErrorBody(message)));
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not write the error response", e);
        }
    }
}
