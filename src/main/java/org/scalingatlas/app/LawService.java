package org.scalingatlas.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.scalingatlas.api.LawCard;
import org.scalingatlas.api.LawDetail;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.laws.Calculator;
import org.scalingatlas.laws.Curve;
import org.scalingatlas.laws.CurveFit;
import org.scalingatlas.laws.CurveFitter;
import org.scalingatlas.laws.Deadline;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.LawBook;
import org.scalingatlas.laws.Plan;
import org.scalingatlas.laws.Planner;
import org.scalingatlas.laws.Result;
import org.scalingatlas.question.Numbers;

/**
 * The published laws as calculators: listed, described, evaluated, their optimal allocations and curves; fits of a
 * family to the caller's points, compared with the published laws; and the planner, every allocation law for one
 * budget.
 */
public final class LawService {

    /** The most x values a one-input fit predicts at. */
    public static final int MAX_PREDICTIONS = CurveFitter.MAX_PREDICTIONS;

    private final LawBook book;
    private final Map<String, Paper> papers;
    private final List<Note> notes;
    private final Planner planner;
    private final Map<String, String> datasetLabels;
    /** Each law's card, made on first use: laws, their papers and the notes citing them change only with the corpus. */
    private Map<String, LawCard> cards;

    public LawService(LawBook book, Map<String, Paper> papers, List<Note> notes) {
        this(book, papers, notes, Map.of());
    }

    /** @param datasetLabels the name of each dataset the laws were fitted on, by its id (the ontology's dataset scheme) */
    public LawService(LawBook book, Map<String, Paper> papers, List<Note> notes, Map<String, String> datasetLabels) {
        this.datasetLabels = Map.copyOf(datasetLabels);
        this.book = book;
        this.papers = papers;
        this.notes = List.copyOf(notes);
        this.planner = new Planner(book, papers);
    }

    /** The laws of the corpus in a folder, read without the graph or the index (for the command line). */
    public static LawService load(Path corpusDir) {
        Corpus corpus = Corpus.load(corpusDir);
        return new LawService(new LawBook(corpus.laws()), corpus.papersById(), corpus.notes());
    }

    /**
     * A law input as people write it, {@code 7e10}, {@code 70B}, {@code 1.4T} or {@code 5.76x10^23}: the one reading of
     * numbers that the HTTP API, the command line and questions share.
     *
     * @throws IllegalArgumentException saying what a number looks like
     */
    public static double quantity(String text) {
        return Numbers.parse(text);
    }

    public List<Law> laws() {
        return book.laws();
    }

    /** The law with this id; empty for an unknown one. */
    public Optional<Law> law(String id) {
        return book.calculator(id).map(Calculator::law);
    }

    /** @throws LawBook.UnknownLawException for an unknown id, naming the known ones */
    public Law require(String id) {
        return book.require(id).law();
    }

    /** Every law's card, as {@code GET /api/laws} lists them. */
    public List<LawCard> cards() {
        return List.copyOf(cardsById().values());
    }

    /** A law's card, check values and commentary; empty for an unknown id. */
    public Optional<LawDetail> detail(String id) {
        return law(id).map(law -> new LawDetail(cardsById().get(law.id()), law.checks(), law.body()));
    }

    /** The law's outputs at the given inputs, under the named constant set (or its first) and the caller's own constants. */
    public Result evaluate(String id, Map<String, Double> inputs, String set, Map<String, Double> custom) {
        return book.require(id).evaluate(inputs, set, custom);
    }

    /** The law's optimal allocation for a budget or a target. */
    public Result optimal(String id, Map<String, Double> inputs, String set, Map<String, Double> custom) {
        return book.require(id).optimal(inputs, set, custom);
    }

    /** Whether the law's optimal allocation is searched numerically (it can take a second), rather than in closed form. */
    public boolean searchesNumerically(String id) {
        return book.require(id).searchesNumerically();
    }

    /** The law's output (evaluated or optimal) along one input from {@code from} to {@code to}, for plots. */
    public Curve curve(String id, boolean optimal, Map<String, Double> inputs, String set, Map<String, Double> custom, String vary,
            String output, double from, double to, int points, Deadline deadline) {
        return Curve.of(book.require(id), optimal, inputs, set, custom, vary, output, from, to, points, deadline);
    }

    /** The family fitted when none is named: chinchilla for two inputs, the lowest rollout error for one. */
    public static String defaultFamily(List<String> inputs) {
        return org.scalingatlas.api.FitRequest.defaultFamily(inputs);
    }

    /** Whether a family is fitted over one input (pure-power, power-law, saturating, auto), with predictions. */
    public static boolean fitsOneInput(String family) {
        return CurveFitter.handles(family);
    }

    /** A one-input family fitted to the points, predicting at {@code predictAt}, compared with the published laws. */
    public CurveFit fitCurve(String family, List<String> inputs, List<Fitter.Point> points, int resamples, List<Double> predictAt, Deadline deadline) {
        return CurveFitter.fit(family, inputs, points, resamples, predictAt, book, deadline);
    }

    /** A two-input family (chinchilla) fitted to the points, compared with the published laws. */
    public Fitter.Fit fitLaw(String family, List<String> inputs, List<Fitter.Point> points, int resamples, Deadline deadline) {
        return Fitter.fit(Fitter.Family.of(family), inputs, points, resamples, book, deadline);
    }

    /** A budget to plan for; every argument may be {@code null} but one of compute and target loss. */
    public static Plan.Budget budget(Double compute, Double targetLoss, Double uniqueTokens, Double inferenceTokens, Double precision) {
        return Planner.budget(compute, targetLoss, uniqueTokens, inferenceTokens, precision);
    }

    /** Whether planning for this budget searches numerically (a data-constrained or inference-aware row, or a target loss). */
    public static boolean searchesNumerically(Plan.Budget budget) {
        return Planner.searchesNumerically(budget);
    }

    /** Every applicable law's allocation for the budget, and their spread. */
    public Plan plan(Plan.Budget budget) {
        return planner.plan(budget);
    }

    private synchronized Map<String, LawCard> cardsById() {
        if (cards == null) {
            Map<String, List<LawCard.NoteRef>> citing = new HashMap<>();
            notes.forEach(n -> n.laws().forEach(law -> citing.computeIfAbsent(law, k -> new ArrayList<>()).add(new LawCard.NoteRef(n.id(), n.title()))));
            Map<String, LawCard> made = new LinkedHashMap<>();
            book.laws().forEach(law -> made.put(law.id(), LawCard.of(law, papers, citing.getOrDefault(law.id(), List.of()), datasetLabels)));
            cards = made;
        }
        return cards;
    }
}
