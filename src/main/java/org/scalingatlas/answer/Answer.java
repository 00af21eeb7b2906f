package org.scalingatlas.answer;

import java.util.List;
import org.scalingatlas.laws.Calculation;

/**
 * The answer to a question, as {@code GET /api/ask} and {@code ./atlas ask --json} return it. The fields
 * {@code question, verdict, missing, answer, notes, calculations, next, researchPrompt} are the fixed contract.
 *
 * @param question       the question as asked (white space collapsed)
 * @param verdict        {@code answered}, {@code partial} or {@code refused}
 * @param missing        the parts of the question the corpus does not cover, as phrases from the question
 * @param answer         the answer as plain text (framing, straight answer, themes, take-away)
 * @param notes          the sources: notes with their claims and papers
 * @param calculations   predictions of laws the cited notes carry
 * @param next           related questions the corpus can answer
 * @param researchPrompt a prompt to take the question further with an external LLM
 * @param covered        the parts of the question the corpus covers
 * @param reason         why the question was refused, or {@code null}
 * @param sections       the answer in parts, for display
 * @param composer       who wrote the text, and why the deterministic text was served if an LLM was asked
 */
public record Answer(
        String question,
        String verdict,
        List<String> missing,
        String answer,
        List<SourceNote> notes,
        List<Calculation> calculations,
        List<NextLine> next,
        String researchPrompt,
        List<String> covered,
        String reason,
        Sections sections,
        Authorship composer) {

    public Answer {
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
        calculations = List.copyOf(calculations);
        next = List.copyOf(next);
        covered = List.copyOf(covered);
    }

    /**
     * The answer with the cited laws run inline: the calculations, a paragraph stating them after the text, and in
     * {@link Sections#calculationSpread} how far their allocations spread and why.
     */
    public Answer withCalculations(List<Calculation> runs, String paragraph, String spread) {
        String text = paragraph == null || paragraph.isBlank() ? answer : answer + "\n\n" + paragraph;
        Sections parts = sections == null ? null : sections.withCalculationSpread(spread);
        return new Answer(question, verdict, missing, text, notes, List.copyOf(runs), next, researchPrompt, covered, reason, parts, composer);
    }

    public Answer withText(String text, Authorship by) {
        return new Answer(question, verdict, missing, text, notes, calculations, next, researchPrompt, covered, reason, sections, by);
    }

    /**
     * A cited source: a note, or a paper no note rests on yet.
     *
     * @param status "curated"; "draft" (a drafted note not yet reviewed); or "abstract": {@code id} and {@code title}
     *               are a paper's, which no note rests on yet, and {@code claim} holds sentences quoted from its abstract
     */
    public record SourceNote(String id, String title, String claim, List<PaperRef> papers, String status) {
        public SourceNote {
            papers = List.copyOf(papers);
        }

        public SourceNote(String id, String title, String claim, List<PaperRef> papers) {
            this(id, title, claim, papers, "curated");
        }
    }

    public record PaperRef(String id, String title, String arxiv, String date) {
    }

    /** @param via how it relates to the sources (a relation, a shared ceiling or axis, or "retrieved") */
    public record NextLine(String question, String note, String via) {
    }

    /**
     * The answer in parts, for display.
     *
     * @param calculationSpread how far the inline calculations' allocations spread and why they differ (the plan's spread
     *                          and reasons, the sentence on allocations that disagree, or the one on what each constant set
     *                          of a law run more than once is); empty when there is none
     */
    public record Sections(String framing, String straightAnswer, List<Theme> themes, String takeaway, String calculationSpread) {
        public Sections {
            themes = List.copyOf(themes);
            calculationSpread = calculationSpread == null ? "" : calculationSpread;
        }

        public Sections(String framing, String straightAnswer, List<Theme> themes, String takeaway) {
            this(framing, straightAnswer, themes, takeaway, "");
        }

        Sections withCalculationSpread(String spread) {
            return new Sections(framing, straightAnswer, themes, takeaway, spread);
        }
    }

    /** A group of findings under one heading; each sentence carries the note it comes from. */
    public record Theme(String heading, List<Sentence> sentences) {
        public Theme {
            sentences = List.copyOf(sentences);
        }
    }

    public record Sentence(String text, String note) {
    }

    /**
     * Who wrote the text (the {@code composer} field of the JSON).
     *
     * @param name {@code deterministic} or {@code llm}
     * @param note why the LLM text was not served, if it was not
     */
    public record Authorship(String name, String note) {
        public static final Authorship DETERMINISTIC = new Authorship("deterministic", null);
    }
}
