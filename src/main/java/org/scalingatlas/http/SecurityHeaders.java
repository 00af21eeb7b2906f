package org.scalingatlas.http;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every response carries: a Content-Security-Policy that lets the page run only its own scripts and
 * styles from this origin (no inline script or style, no plug-ins, no framing), and the headers that stop content
 * sniffing, framing by other sites and leaking the page's address.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Every header and its value, in the order they are sent. */
    static final Map<String, String> HEADERS = headers();

    private SecurityHeaders() {
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Collections.unmodifiableMap(headers);
    }

    static void apply(Context ctx) {
        HEADERS.forEach(ctx::header);
    }
}
