package org.scalingatlas.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalingatlas.answer.TextModel;
import org.scalingatlas.corpus.Paper;

/**
 * What a chat model proposes for a draft, after the checks: its question title, its claim in new words and the abstract
 * sentences it quotes. A quote not verbatim in the abstract is dropped, a claim sharing a run of
 * {@value #COPIED_RUN} words with the abstract is rejected (the claim is left empty), a title that is no question is
 * rejected; each is said in a remark. The model never supplies evidence the abstract does not hold.
 *
 * @param title    the model's title, or {@code null} when rejected
 * @param claim    the model's claim, or empty when rejected or missing
 * @param evidence the quoted sentences found in the abstract, exactly as they stand there
 * @param remarks  one line for each thing rejected or dropped
 */
record ModelProposal(String title, String claim, List<String> evidence, List<String> remarks) {

    static final int COPIED_RUN = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SYSTEM = """
            You draft notes for a curated corpus of scaling-law papers. From one paper's title and abstract, reply with one \
            JSON object and nothing else:
            {"title": "...", "claim": "...", "evidence": ["...", "..."]}
            - title: one question a researcher would ask that the paper answers, ending with "?" (e.g. "Does depth matter \
            more than width for tiny language models?").
            - claim: 1-3 sentences answering the question with the paper's findings, in your own words. Never copy a \
            sentence of the abstract, nor any run of 8 or more consecutive words from it. Numbers must be the abstract's.
            - evidence: the 1-3 sentences of the abstract that carry the results the claim rests on, each copied exactly, \
            character for character, from the abstract. Quote nothing that is not in the abstract.""";

    /** The prompt for one paper. */
    static String prompt(Paper paper) {
        return "Title: " + paper.title() + "\n\nAbstract:\n" + paper.abstractText() + "\n";
    }

    /**
     * Asks the model and checks its reply.
     *
     * @throws Unusable when the model fails, times out, or replies with something other than the JSON asked for
     */
    static ModelProposal ask(TextModel model, Paper paper) {
        String reply;
        try {
            reply = model.complete(SYSTEM, prompt(paper));
        } catch (TextModel.Failure e) {
            throw new Unusable("the language model failed: " + e.getMessage());
        }
        return check(parse(reply), paper.abstractText());
    }

    static JsonNode parse(String reply) {
        String text = reply == null ? "" : reply.strip();
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new Unusable("the language model's reply was not the JSON asked for");
        }
        try {
            JsonNode node = JSON.readTree(text.substring(open, close + 1));
            if (node == null || !node.isObject() || !node.path("title").isTextual() || !node.path("evidence").isArray()) {
                throw new Unusable("the language model's reply lacked a title or an evidence list");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Unusable("the language model's reply was not the JSON asked for");
        }
    }

    static ModelProposal check(JsonNode reply, String abstractText) {
        List<String> remarks = new ArrayList<>();
        String title = reply.path("title").asText("").strip();
        if (!QuestionTitles.isQuestion(title)) {
            remarks.add("rejected the model's title, which is not one question: '" + shorten(title) + "'");
            title = null;
        }
        List<String> evidence = new ArrayList<>();
        for (JsonNode quote : reply.path("evidence")) {
            Optional<String> found = quote.isTextual() ? Sentences.verbatim(abstractText, quote.asText()) : Optional.empty();
            if (found.isEmpty() || found.get().length() < 10) {
                remarks.add("dropped a quote that is not in the abstract word for word: '" + shorten(quote.asText()) + "'");
            } else if (!evidence.contains(found.get())) {
                evidence.add(found.get());
            }
        }
        String claim = reply.path("claim").isTextual() ? reply.path("claim").asText().strip().replaceAll("\\s+", " ") : "";
        Optional<String> copied = Sentences.sharedRun(claim, abstractText, COPIED_RUN);
        if (copied.isPresent()) {
            remarks.add("rejected the model's claim, which copies " + COPIED_RUN + " words in a row from the abstract ('" + copied.get()
                    + "'): the claim is left for the curator");
            claim = "";
        } else if (!claim.isEmpty() && claim.length() < 20) {
            remarks.add("rejected the model's claim, which is shorter than a sentence: the claim is left for the curator");
            claim = "";
        } else if (claim.isEmpty()) {
            remarks.add("the model proposed no claim: the claim is left for the curator");
        }
        return new ModelProposal(title, claim, List.copyOf(evidence), List.copyOf(remarks));
    }

    private static String shorten(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.length() <= 70 ? t : t.substring(0, 67) + "...";
    }

    /** The model gave nothing usable: the draft is made without it. */
    static final class Unusable extends RuntimeException {
        Unusable(String reason) {
            super(reason);
        }
    }
}
