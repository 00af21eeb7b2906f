package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.scalingatlas.Assistant;
import org.scalingatlas.question.InvalidQuestionException;

/** {@code GET /api/ask?q=...}: the answer as JSON. */
final class AskRoutes {

    private final Assistant assistant;

    AskRoutes(Assistant assistant) {
        this.assistant = assistant;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/ask", this::ask);
    }

    private void ask(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            throw ApiError.badRequest("pass the question in the 'q' parameter, e.g. /api/ask?q=Does+depth+matter+more+than+width%3F");
        }
        try {
            ctx.json(assistant.ask(q));
        } catch (InvalidQuestionException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }
}
