package org.scalingatlas.http;

/** A request the API refuses, with its HTTP status; mapped once to {@code {"error": ...}}. */
final class ApiError extends RuntimeException {

    private final int status;

    ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }
}
