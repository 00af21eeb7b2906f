package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import org.scalingatlas.app.AskService;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.AnswerText;
import org.scalingatlas.question.InvalidQuestionException;

/**
 * {@code GET /api/ask?q=...}: the answer as JSON, or as the CLI's plain text when {@code Accept} asks first for
 * {@code text/plain}. Every answer carries the fingerprint of the corpus it comes from in {@value #CORPUS_HEADER}, so a
 * client can tell whether it is the answer its own copy of the corpus would give.
 */
final class AskRoutes {

    static final String CORPUS_HEADER = "X-Atlas-Corpus";

    private final AskService asking;

    AskRoutes(AskService asking) {
        this.asking = asking;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/ask", this::ask);
    }

    private void ask(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null) {
            throw ApiError.badRequest("pass the question in the 'q' parameter, e.g. /api/ask?q=Does+depth+matter+more+than+width%3F");
        }
        ctx.header(CORPUS_HEADER, asking.corpusFingerprint());
        Answer answer;
        try {
            answer = asking.ask(q);
        } catch (InvalidQuestionException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        if (wantsText(ctx.header("Accept"))) {
            ctx.contentType("text/plain; charset=utf-8").result(AnswerText.of(answer));
        } else {
            ctx.json(answer);
        }
    }

    /** Whether the first media range of {@code Accept} is {@code text/plain}. */
    private static boolean wantsText(String accept) {
        return accept != null && accept.split(",")[0].split(";")[0].strip().toLowerCase(Locale.ROOT).equals("text/plain");
    }
}
