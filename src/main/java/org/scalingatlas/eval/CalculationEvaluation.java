package org.scalingatlas.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.CalculationProse;
import org.scalingatlas.ask.AskPipeline;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.laws.Calculation;
import org.scalingatlas.laws.Calculator;
import org.scalingatlas.question.Quantities;

/**
 * Runs questions whose answer is a value a law computes, and checks what a user would: for every setting the question
 * states, some law was run on the question's own numbers with every one of that setting's numbers among its inputs (or
 * its outputs: the budget of an optimum), and the straight answer gives the asked output's value from that run. Which
 * law answered is reported beside it (another law than the writer meant may answer as well), and so are the answers
 * that break an invariant every answer keeps (no sentence twice, no law run that no cited note carries).
 */
public final class CalculationEvaluation {

    /** Numbers equal to this relative tolerance are the same number. */
    private static final double SAME = 1e-6;

    private final AskPipeline assistant;
    private final Corpus corpus;

    public CalculationEvaluation(AskPipeline assistant, Corpus corpus) {
        this.assistant = assistant;
        this.corpus = corpus;
    }

    /**
     * How one question fared.
     *
     * @param answered       settings, of all the question states (each once per constant set it names), whose value the
     *                       straight answer gives from a run on them
     * @param settings       how many settings the question states, each once per constant set it names
     * @param law            the law of the run that answers the first setting, or {@code null} when none does
     * @param miss           why the question is missed, or {@code null}
     * @param broken         the answer's broken invariants: sentences written twice, laws run that no cited note carries
     */
    public record Outcome(CalculationQuestion question, int answered, int settings, String law, String miss, List<String> broken) {

        public Outcome {
            broken = List.copyOf(broken);
        }

        public boolean correct() {
            return miss == null;
        }

        public boolean lawAsIntended() {
            return question.law() != null && question.law().equals(law);
        }
    }

    /** The figures over a question set. */
    public record Report(List<Outcome> outcomes) {

        /** Share of questions answered with the value asked, for every setting they state. */
        public double accuracy() {
            return outcomes.stream().mapToDouble(o -> o.correct() ? 1 : 0).average().orElse(1.0);
        }

        /** Share of questions comparing settings that get every one of them. */
        public double comparedAccuracy() {
            return outcomes.stream().filter(o -> o.settings() > 1).mapToDouble(o -> o.correct() ? 1 : 0).average().orElse(1.0);
        }

        /** Answers that write a sentence twice or run a law no cited note carries. */
        public long brokenInvariants() {
            return outcomes.stream().filter(o -> !o.broken().isEmpty()).count();
        }

        /** Share of questions answered by the law their writer meant. */
        public double lawAsIntended() {
            return outcomes.stream().mapToDouble(o -> o.lawAsIntended() ? 1 : 0).average().orElse(1.0);
        }

        public String render() {
            long compared = outcomes.stream().filter(o -> o.settings() > 1).count();
            return String.format(Locale.ROOT, "calculation questions: %d (%d comparing settings)%n  answered with the value asked, every setting: %.3f%n"
                    + "  of those comparing settings: %.3f%n  answered by the law the question was written for: %.3f%n"
                    + "  answers writing a sentence twice or running a law no cited note carries: %d%n",
                    outcomes.size(), compared, accuracy(), comparedAccuracy(), lawAsIntended(), brokenInvariants());
        }

        public String renderWithMisses() {
            StringBuilder text = new StringBuilder(render()).append("Misses:\n");
            outcomes.stream().filter(o -> !o.correct()).forEach(o -> text.append("  [").append(o.miss()).append("] ").append(o.question().question()).append('\n'));
            outcomes.stream().filter(o -> !o.broken().isEmpty()).forEach(o -> text.append("  [broken: ").append(o.broken()).append("] ")
                    .append(o.question().question()).append('\n'));
            return text.toString();
        }
    }

    public Report run(List<CalculationQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (CalculationQuestion question : questions) {
            Answer answer = assistant.ask(question.question());
            List<String> broken = new ArrayList<>(AnswerChecks.repeatedSentences(answer));
            broken.addAll(AnswerChecks.uncitedLaws(answer, id -> corpus.note(id).map(Note::laws).orElse(List.of())));
            outcomes.add(judge(question, answer, broken));
        }
        return new Report(outcomes);
    }

    static Outcome judge(CalculationQuestion question, Answer answer, List<String> broken) {
        String straight = answer.sections() == null ? "" : answer.sections().straightAnswer();
        List<Calculation> runs = answer.calculations().stream().filter(c -> Calculation.FROM_QUESTION.equals(c.inputsFrom())).toList();
        if (runs.isEmpty()) {
            return new Outcome(question, 0, question.settings().size(), null, answer.calculations().isEmpty() ? "no law run" : "no law run on its numbers",
                    broken);
        }
        int answered = 0;
        String law = null;
        String miss = null;
        for (CalculationQuestion.Judged judged : question.judged()) {
            Map<String, Double> setting = judged.setting();
            List<Calculation> reading = runs.stream().filter(run -> readsAll(run, setting)).toList();
            List<Calculation> giving = reading.stream().filter(run -> gives(run, question.asks(), straight)).toList();
            Optional<Calculation> named = giving.stream().filter(run -> judged.constants() == null || judged.constants().equals(run.result().constants()))
                    .findFirst();
            if (named.isPresent()) {
                answered++;
                law = law == null ? named.get().law() : law;
            } else if (miss == null) {
                miss = reading.isEmpty() ? "no run reads " + setting
                        : giving.isEmpty() ? "the straight answer gives no " + question.asks() + " for " + setting
                        : "the " + question.asks() + " given for " + setting + " uses the constants "
                                + String.join(", ", giving.stream().map(run -> run.result().constants()).distinct().toList()) + ", not the "
                                + judged.constants() + " the question names";
            }
        }
        return new Outcome(question, answered, question.judged().size(), law, miss, broken);
    }

    /** Whether a run took every number of the setting: among its inputs or outputs, a budget in FLOPs or PF-days. */
    private static boolean readsAll(Calculation run, Map<String, Double> setting) {
        // the asker's own constants are numbers the run read too ("take γ_w = 2.7")
        Stream<Double> own = Calculator.CUSTOM.equals(run.result().constants()) ? run.result().constantValues().values().stream() : Stream.empty();
        List<Double> values = Stream.concat(Stream.concat(run.result().inputs().values().stream(), run.result().outputs().values().stream()), own).toList();
        return setting.values().stream().allMatch(number -> values.stream().anyMatch(v -> same(v, number) || same(v, number / Quantities.FLOPS_PER_PF_DAY)));
    }

    /** Whether the run gives the asked output and the straight answer states its value. */
    private static boolean gives(Calculation run, String output, String straight) {
        Double value = run.result().outputs().get(output);
        return value != null && straight.contains(CalculationProse.number(value));
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));
    }
}
