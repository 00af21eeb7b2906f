package org.scalingatlas.api;

/**
 * A request that does not say what it must, with what is wrong in words: the HTTP API answers it with a 400 and
 * {@code {"error": ...}}, the MCP server with a tool refusal.
 */
public class RequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RequestException(String message) {
        super(message);
    }
}
