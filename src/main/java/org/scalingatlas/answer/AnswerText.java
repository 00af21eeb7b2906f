package org.scalingatlas.answer;

/**
 * An answer as readable plain text: what {@code ./atlas ask} prints, and what {@code GET /api/ask} returns to a client
 * that asks for {@code text/plain}: the verdict, the answer, the sources with their papers, the next questions and the
 * research prompt.
 */
public final class AnswerText {

    private AnswerText() {
    }

    public static String of(Answer answer) {
        StringBuilder out = new StringBuilder();
        line(out, answer.question());
        line(out, "Verdict: " + answer.verdict() + (answer.missing().isEmpty() ? "" : " (not in the corpus: " + String.join("; ", answer.missing()) + ")"));
        line(out, "");
        line(out, answer.answer());
        if (!answer.notes().isEmpty()) {
            line(out, "");
            line(out, "Sources " + answer.notes().size() + " notes");
            for (Answer.SourceNote note : answer.notes()) {
                line(out, "");
                line(out, "  " + note.title() + "  [" + (note.status().equals("abstract") ? "paper " + note.id() + ": no curated note yet, its abstract's words"
                        : note.status().equals("draft") ? note.id() + ": draft, not yet reviewed" : note.id()) + "]");
                line(out, "  " + note.claim());
                note.papers().forEach(p -> line(out, "    - " + p.title() + (p.arxiv() == null ? "" : " (arXiv:" + p.arxiv() + ")")
                        + (p.date() == null ? "" : ", " + p.date())));
            }
        }
        if (!answer.next().isEmpty()) {
            line(out, "");
            line(out, "Next inquiring lines");
            answer.next().forEach(n -> line(out, "  - " + n.question()));
        }
        if (!answer.researchPrompt().isEmpty()) {
            line(out, "");
            line(out, "Research prompt for your LLM");
            answer.researchPrompt().lines().forEach(l -> line(out, "  " + l));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
