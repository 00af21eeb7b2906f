package org.scalingatlas.ask;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.CalculationProse;
import org.scalingatlas.answer.Composer;
import org.scalingatlas.answer.LlmComposer;
import org.scalingatlas.answer.Source;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.coverage.CoverageJudge;
import org.scalingatlas.coverage.QuestionMeaning;
import org.scalingatlas.coverage.Verdict;
import org.scalingatlas.laws.Asked;
import org.scalingatlas.laws.Calculation;
import org.scalingatlas.laws.InlineCalculations;
import org.scalingatlas.question.Concept;
import org.scalingatlas.question.Concepts;
import org.scalingatlas.question.Quantities;
import org.scalingatlas.question.Question;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question from the corpus, and is the only place that knows the order of the stages, each a collaborator:
 * question → retrieve → judge coverage → cite (through the graph) → calculate (the laws the cited notes carry, or the
 * law of the best-ranked retrieved note when none of theirs answers what the question asks; a plan for a budget the
 * question states puts the note it rests on first; a concept the laws run name, such as the data they were measured on,
 * is covered) → compose → (rephrase, when an LLM is on).
 */
public final class AskPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(AskPipeline.class);

    private final Retrieval retrieval;
    private final Concepts concepts;
    private final CoverageJudge judge;
    private final Citations citations;
    private final NextLines nextLines;
    private final Composer composer;
    private final InlineCalculations calculations;
    private final LlmComposer llm;

    /** @param llm the optional LLM composer, or {@code null} for the deterministic answer alone */
    public AskPipeline(Retrieval retrieval, Concepts concepts, CoverageJudge judge, Citations citations, NextLines nextLines,
            Composer composer, InlineCalculations calculations, LlmComposer llm) {
        this.retrieval = retrieval;
        this.concepts = concepts;
        this.judge = judge;
        this.citations = citations;
        this.nextLines = nextLines;
        this.composer = composer;
        this.calculations = calculations;
        this.llm = llm;
    }

    public Answer ask(String text) {
        long started = System.nanoTime();
        Question question = Question.of(text);
        LOG.debug("ask: {}", question.text());
        Retrieval.Retrieved retrieved = retrieval.retrieve(question);
        List<Concept> named = concepts.of(question);
        List<Quantities.Quantity> numbers = Quantities.of(question.text());
        Calculating calculating = new Calculating(question, numbers, named);
        QuestionMeaning meaning = new QuestionMeaning(retrieved.vector(), () -> question.withoutNumbers().map(retrieval::embed),
                words -> Optional.of(question.without(words)).filter(rest -> !rest.isBlank()).map(retrieval::embed));
        boolean computes = calculations.computes(calculating.asked());
        Verdict verdict = judge.judge(named, meaning, Quantities.unitWords(numbers), computes);
        List<Source> sources = citations.choose(question.text(), retrieved.vector(), retrieved.hits(), named, Citations.SOURCES);
        verdict = judge.reconcile(verdict, texts(sources));
        // a question no note comes close to in words may still be one a law answers ("gadre err(L) at 3.1"): the notes
        // carrying that law are brought in below, and it is refused only when none is
        if (sources.isEmpty() && !computes && !(verdict instanceof Verdict.Refused)) {
            verdict = new Verdict.Refused(NOTHING_CLOSE, verdict.missing());
        }
        boolean refused = verdict instanceof Verdict.Refused;
        InlineCalculations.Inline inline = new InlineCalculations.Inline(List.of(), null);
        if (!refused) {
            Calculated calculated = calculate(calculating, sources, retrieved);
            if (calculated.broughtIn()) {
                verdict = judge.reconcile(verdict, texts(calculated.sources()));
            }
            sources = calculated.sources();
            if (sources.isEmpty()) {
                verdict = new Verdict.Refused(NOTHING_CLOSE, verdict.missing());
                refused = true;
            }
            inline = calculated.inline();
            if (verdict instanceof Verdict.Partial) { // only a partial verdict is reconciled: the laws' prose is read for nothing else
                verdict = judge.reconcile(verdict, calculations.texts(inline));
            }
        }
        sources = answeringNoteFirst(sources, inline, calculating.asked());
        Answer answer = composer.compose(question.text(), verdict, sources, refused ? List.of() : nextLines.after(sources, retrieved.hits()),
                headline(sources, inline));
        List<Calculation> runs = inline.calculations();
        CalculationProse.Stated stated = CalculationProse.stated(runs, inline.plan());
        answer = answer.withCalculations(runs, stated.paragraph(), stated.spread());
        if (llm != null && !refused) {
            answer = llm.rewrite(answer);
        }
        LOG.debug("ask: {} concepts, {} hits, {} sources, {} calculations, verdict {} in {} ms", named.size(), retrieved.hits().size(),
                sources.size(), runs.size(), verdict.name(), (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    /** The {@code k} best notes for a question, by the same ranking {@link #ask} cites from (for evaluation). */
    public List<Source> rank(String text, int k) {
        Question question = Question.of(text);
        Retrieval.Retrieved retrieved = retrieval.retrieve(question);
        return citations.choose(question.text(), retrieved.vector(), retrieved.hits(), concepts.of(question), k);
    }

    /**
     * The sources, led by the note whose law answers the question when that answer is what was asked for:
     * <ul>
     *   <li>the note whose law gives the plan's first row when the plan answers the question: it plans the budget the
     *   question states (held out, lead-note accuracy 0.853 → 0.863), or the question asks the value of an allocated
     *   amount and the plan is at a representative budget ("how many tokens per parameter should a compute-optimal LLM
     *   see?" opened with a note on weight decay). A question about an allocation that asks for no amount keeps its
     *   closest note: leading with the plan's note there put four development leads wrong (e.g. "Why do the Kaplan and
     *   Chinchilla analyses disagree about the compute-optimal model size?");</li>
     *   <li>the note whose law the question names by the name it goes by, when that law answers it from the question's
     *   numbers ("Per Henighan, what loss does a 1B model reach on VQ-encoded 32x32 images?" opened with a note on
     *   translation models). A loss asked for with N and D of no named law keeps its closest note: leading with the law's
     *   note there put one held-out lead wrong.</li>
     * </ul>
     */
    private List<Source> answeringNoteFirst(List<Source> sources, InlineCalculations.Inline inline, Asked asked) {
        boolean planAnswers = inline.plan() != null && (inline.answerTheQuestion() || asked.asksForAnAllocatedAmount());
        boolean namedLawAnswers = inline.plan() == null && inline.answerTheQuestion() && calculations.namedBy(asked, inline.calculations().get(0))
                && (!asked.allocation() || calculations.namedWithItsFunction(asked, inline.calculations().get(0)));
        if (!planAnswers && !namedLawAnswers) {
            return sources;
        }
        String answering = inline.calculations().get(0).note();
        List<Source> ordered = new ArrayList<>(sources.stream().filter(s -> s.note().id().equals(answering)).toList());
        sources.stream().filter(s -> !s.note().id().equals(answering)).forEach(ordered::add);
        return ordered;
    }

    /**
     * What the calculations answer, to open the straight answer, when they answer the question itself from its own
     * numbers; it rests on the note that leads when that note carries the law that ran first.
     */
    private static Optional<Composer.Computed> headline(List<Source> sources, InlineCalculations.Inline inline) {
        if (!inline.answerTheQuestion() || sources.isEmpty()) {
            return Optional.empty();
        }
        boolean byLead = sources.get(0).note().id().equals(inline.calculations().get(0).note());
        return CalculationProse.headline(inline).map(clause -> new Composer.Computed(clause, byLead));
    }

    /** What each source says, for the judge to reconcile a verdict with. */
    private static List<String> texts(List<Source> sources) {
        return sources.stream().map(source -> source.note().title() + " " + source.note().claim()).toList();
    }

    /**
     * The calculations, and the sources they rest on.
     *
     * @param broughtIn whether the sources include notes brought in for their laws (a verdict is reconciled with them)
     */
    private record Calculated(List<Source> sources, InlineCalculations.Inline inline, boolean broughtIn) {
    }

    /**
     * The laws the cited notes carry, run with the question's numbers or as worked examples, or the plan for a budget;
     * when none of them answers what the question asks, with the notes brought in for their laws ({@link #withLawCarrier}).
     */
    private Calculated calculate(Calculating calculating, List<Source> sources, Retrieval.Retrieved retrieved) {
        InlineCalculations.Inline inline = calculating.run(sources);
        Set<String> unread = calculating.unreadByAnswer(inline);
        Set<String> named = calculations.named(calculating.asked());
        boolean namedRuns = named.isEmpty() || inline.calculations().stream().anyMatch(run -> named.contains(run.law()));
        if (inline.answerTheQuestion() && unread.isEmpty() && namedRuns) {
            return new Calculated(sources, inline, false);
        }
        // an answer that leaves a number of the question aside ("… if only 100B of them are unique") is completed by a
        // note whose law reads it; one that answers nothing, by a note whose law answers; one that runs none of the laws
        // the question names ("kaplan L(C_min) at 3e20 flops", "expected WebText2 loss?"), by a note that carries one
        Predicate<Note> wanted = !namedRuns ? note -> note.laws().stream().anyMatch(named::contains) && calculating.answersAlone(note)
                : inline.answerTheQuestion() ? note -> calculating.answersReading(note, unread) : calculating::answersAlone;
        return withLawCarrier(calculating, sources, retrieved, wanted).map(with -> new Calculated(with, calculating.run(with), true))
                .orElse(new Calculated(sources, inline, false));
    }

    /**
     * The sources with the {@value #LAW_CARRIERS} best-ranked retrieved notes whose laws answer what the question asks
     * from its numbers (a budget to split, a loss for N and D) in place of the last, when the question gives numbers and
     * no cited note carries such a law: "For 5e21 FLOPs, should I go for more parameters or more data?" is closest to
     * notes on compute-optimal theory that carry no law, and would otherwise get no plan. Two, so that one law's answer
     * (Kaplan's 2 tokens per parameter, say) does not stand alone where another's disagrees. Empty when no retrieved note
     * carries such a law.
     */
    private Optional<List<Source>> withLawCarrier(Calculating calculating, List<Source> sources, Retrieval.Retrieved retrieved, Predicate<Note> wanted) {
        if (calculating.asked().given().isEmpty() || !calculating.asked().asksForAValue()) {
            return Optional.empty();
        }
        Set<String> cited = sources.stream().map(s -> s.note().id()).collect(Collectors.toSet());
        List<Source> carriers = citations.bestRanked(calculating.question().text(), retrieved.hits(), cited, calculating.asked().names(), wanted, LAW_CARRIERS);
        if (carriers.isEmpty()) {
            return Optional.empty();
        }
        LOG.debug("brought in for their laws: {}", carriers.stream().map(s -> s.note().id()).toList());
        List<Source> with = new ArrayList<>(sources.subList(0, Math.min(sources.size(), Citations.SOURCES - carriers.size())));
        with.addAll(carriers);
        return Optional.of(with);
    }

    /** Why a question is refused when no note is close to it and no law answers it. */
    private static final String NOTHING_CLOSE = "no note in the corpus is close enough to this question";

    /** How many notes an answer may bring in for their laws. */
    private static final int LAW_CARRIERS = 2;

    /** The question as the calculations read it ({@link Asked}, read once), and the calls that run laws on it. */
    private final class Calculating {
        private final Question question;
        private final Asked asked;

        Calculating(Question question, List<Quantities.Quantity> stated, List<Concept> named) {
            this.question = question;
            this.asked = Asked.of(question.text(), stated, calculations.names(question.text(), Concept.names(named)));
        }

        Question question() {
            return question;
        }

        Asked asked() {
            return asked;
        }

        /** The laws the cited notes carry, run with the question's numbers or as worked examples, or the plan for a budget. */
        InlineCalculations.Inline run(List<Source> sources) {
            return calculations.inline(asked, sources.stream().map(Source::note).map(AskPipeline::cited).toList());
        }

        boolean answersAlone(Note note) {
            return calculations.answersAlone(asked, cited(note));
        }

        /** The kinds of number the question states that the law answering it does not read. */
        Set<String> unreadByAnswer(InlineCalculations.Inline inline) {
            return calculations.unreadByAnswer(asked, inline);
        }

        boolean answersReading(Note note, Set<String> unread) {
            return calculations.answersReading(asked, cited(note), unread);
        }
    }

    private static Calculation.CitedNote cited(Note note) {
        return new Calculation.CitedNote(note.id(), note.title(), note.paperIds(), note.laws());
    }
}
