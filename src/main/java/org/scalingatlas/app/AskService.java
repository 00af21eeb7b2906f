package org.scalingatlas.app;

import java.nio.file.Path;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.ask.AskPipeline;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.eval.CalculationEvaluation;
import org.scalingatlas.eval.EvalSet;
import org.scalingatlas.eval.Evaluation;

/** Questions in, answers out: the ask pipeline, the fingerprint of the corpus it answers from, and its evaluation. */
public final class AskService {

    /** The evaluation set run when none is named, relative to the application's home. */
    public static final Path DEFAULT_QUESTIONS = EvalSet.DEFAULT;

    private final AskPipeline assistant;
    private final Corpus corpus;
    private final String fingerprint;

    /** @param fingerprint the fingerprint of the corpus and ontology the assistant answers from */
    public AskService(AskPipeline assistant, Corpus corpus, String fingerprint) {
        this.assistant = assistant;
        this.corpus = corpus;
        this.fingerprint = fingerprint;
    }

    /**
     * The answer to a question, with its verdict, sources, calculations and research prompt.
     *
     * @throws org.scalingatlas.question.InvalidQuestionException for text that is no question (empty, too long, ...)
     * @throws SearchUnavailableException when the search engine (SolrCloud) does not answer
     */
    public Answer ask(String question) {
        try {
            return assistant.ask(question);
        } catch (org.scalingatlas.retrieve.solr.SolrUnavailableException e) {
            throw new SearchUnavailableException(e.getMessage(), e);
        }
    }

    /** The fingerprint of the corpus and ontology the answers come from: equal fingerprints, equal answers. */
    public String corpusFingerprint() {
        return fingerprint;
    }

    /** Runs the evaluation questions of {@code questions} through the same pipeline. */
    public Evaluation.Report evaluate(Path questions) {
        return new Evaluation(assistant, corpus).run(EvalSet.load(questions));
    }

    /** Runs the calculation questions of {@code questions} (see {@link CalculationEvaluation}) through the same pipeline. */
    public CalculationEvaluation.Report evaluateCalculations(Path questions) {
        return new CalculationEvaluation(assistant, corpus).run(EvalSet.loadCalculations(questions));
    }
}
