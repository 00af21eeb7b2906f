package org.scalingatlas.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals, made before a request reaches the application (a path that climbs out of the root, a request
 * line or headers past their limit, a malformed request, a body announced past the size limit): in the application's one error shape, {@code {"error": …}},
 * with the security headers and {@code Connection: close}, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBodyBytes;

    JsonErrorHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Jetty writes its error page only for GET, POST and HEAD; a refused PUT or DELETE deserves the words too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        // a body announced past the limit (SizeLimitHandler): the same words as the application's own 413
        String text = code == HttpStatus.PAYLOAD_TOO_LARGE_413 ? ErrorResponses.tooLarge(maxBodyBytes) + " (" + reason + ")"
                : "the server refused the request: " + reason + " (HTTP " + code + ")";
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new AtlasServer.ErrorBody(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = "{\"error\":\"the server refused the request\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        // Jetty drops the connection after refusing a malformed request: say so, or a client reusing it sees no reply
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        SecurityHeaders.HEADERS.forEach(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
