package org.scalingatlas.answer;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a language model rephrase the deterministic answer, and only rephrase it: the model sees the draft and the
 * retrieved notes, must cite notes as {@code [[note-id]]}, and its text is served only if every cited note was
 * retrieved, at least one is cited, and every number it writes appears in the notes or the draft. Otherwise (or
 * on any failure of the model) the deterministic answer is served, with the reason recorded in {@code composer}.
 */
public final class LlmComposer {

    private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);
    private static final Pattern CITATION = Pattern.compile("\\[\\[([a-z0-9]+(?:-[a-z0-9]+)*)]]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final String SYSTEM = """
            You rewrite answers of a research library about neural scaling laws. Rewrite the DRAFT into clear, \
            flowing prose for a researcher, keeping its structure: what the question asks, the straight answer first \
            (if the draft says the library lacks something, say so just as plainly), the findings, a take-away. Use \
            ONLY facts from the NOTES; add nothing from your own knowledge. Cite every finding with the note's id in \
            double brackets, e.g. [[note-id]]. Do not write any number that does not appear in the NOTES or the DRAFT. \
            Answer with the rewritten text only.""";

    private final TextModel model;

    public LlmComposer(TextModel model) {
        this.model = model;
    }

    public Answer rewrite(Answer draft) {
        if (draft.notes().isEmpty()) {
            return draft;
        }
        String text;
        try {
            text = model.complete(SYSTEM, prompt(draft));
        } catch (TextModel.Failure e) {
            return fallback(draft, "the language model failed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("the text model failed unexpectedly: {}", e.toString());
            return fallback(draft, "the language model failed");
        }
        if (text == null || text.isBlank()) {
            return fallback(draft, "the language model returned no text");
        }
        Set<String> retrieved = draft.notes().stream().map(Answer.SourceNote::id).collect(Collectors.toSet());
        Set<String> cited = new LinkedHashSet<>();
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            cited.add(m.group(1));
        }
        if (cited.isEmpty()) {
            return fallback(draft, "the language model's text cites no note");
        }
        Set<String> stray = cited.stream().filter(id -> !retrieved.contains(id)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!stray.isEmpty()) {
            return fallback(draft, "the language model cited notes that were not retrieved: " + stray);
        }
        String allowed = allowedText(draft);
        Set<String> invented = new LinkedHashSet<>();
        Matcher n = NUMBER.matcher(CITATION.matcher(text).replaceAll(" "));
        while (n.find()) {
            if (!containsNumber(allowed, n.group())) {
                invented.add(n.group());
            }
        }
        if (!invented.isEmpty()) {
            return fallback(draft, "the language model wrote numbers found in no note: " + invented);
        }
        String served = CITATION.matcher(text.strip()).replaceAll(r -> Matcher.quoteReplacement("(" + title(draft, r.group(1)) + ")"));
        return draft.withText(served, new Answer.Authorship("llm", "rewritten by " + model.name() + " from the retrieved notes only"));
    }

    private static String prompt(Answer draft) {
        StringBuilder prompt = new StringBuilder("QUESTION: ").append(draft.question()).append("\n\nNOTES:\n");
        for (Answer.SourceNote note : draft.notes()) {
            prompt.append("- [[").append(note.id()).append("]] ").append(note.title()).append(" ").append(note.claim()).append('\n');
        }
        return prompt.append("\nDRAFT:\n").append(draft.answer()).toString();
    }

    private static String allowedText(Answer draft) {
        StringBuilder allowed = new StringBuilder(draft.question()).append(' ').append(draft.answer());
        draft.notes().forEach(n -> allowed.append(' ').append(n.title()).append(' ').append(n.claim()));
        draft.calculations().forEach(c -> allowed.append(' ').append(c));
        return allowed.toString();
    }

    private static boolean containsNumber(String text, String number) {
        return Pattern.compile("(?<![\\d.,])" + Pattern.quote(number) + "(?![\\d])").matcher(text).find();
    }

    private static String title(Answer draft, String id) {
        return draft.notes().stream().filter(n -> n.id().equals(id)).map(Answer.SourceNote::title).findFirst().orElse(id);
    }

    private static Answer fallback(Answer draft, String reason) {
        LOG.warn("serving the deterministic answer: {}", reason);
        return draft.withText(draft.answer(), new Answer.Authorship("deterministic", reason));
    }
}
