package org.scalingatlas.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scalingatlas.ask.AskPipeline;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.Source;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;

/**
 * Runs the evaluation questions through the assistant and measures: recall@5 and @10 of the expected papers among
 * the papers of the top-ranked notes; verdict accuracy per class (a partial answer must also name the missing
 * topic); lead-note accuracy (the first cited note is one the question lists as answering it); citation validity
 * (every cited note exists and was retrieved, every sentence's note is cited); self-contradictions (the answer says a
 * topic is missing while a note it cites names every word of it); sentences written twice in one answer; and
 * calculations that run a law no cited note carries.
 */
public final class Evaluation {

    private final AskPipeline assistant;
    private final Corpus corpus;

    public Evaluation(AskPipeline assistant, Corpus corpus) {
        this.assistant = assistant;
        this.corpus = corpus;
    }

    /** How one question fared. */
    /**
     * @param leadCorrect     whether the first cited note is an expected lead; {@code null} when the question lists none
     *                        or is not expected to be answered
     * @param contradictions  missing topics that a cited note covers
     * @param repeated        sentences that appear more than once in the answer's text
     * @param uncitedLaws     laws run inline (as calculations or plan rows) that no note the answer cites carries
     * @param calculated      whether the answer runs any law inline
     */
    public record Outcome(EvalQuestion question, String verdict, List<String> missing, double recallAt5, double recallAt10,
            boolean verdictCorrect, boolean citationsValid, Boolean leadCorrect, String lead, List<String> contradictions, List<String> repeated,
            List<String> uncitedLaws, boolean calculated) {
        public Outcome {
            contradictions = List.copyOf(contradictions);
            repeated = List.copyOf(repeated);
            uncitedLaws = List.copyOf(uncitedLaws);
        }
    }

    /** The figures over a question set. */
    public record Report(List<Outcome> outcomes) {

        public double recall(int k) {
            List<Outcome> withPapers = outcomes.stream().filter(o -> !o.question().papers().isEmpty() && o.question().expected().equals("answered")).toList();
            return withPapers.stream().mapToDouble(o -> k == 5 ? o.recallAt5() : o.recallAt10()).average().orElse(1.0);
        }

        public double verdictAccuracy(String expected) {
            return outcomes.stream().filter(o -> o.question().expected().equals(expected)).mapToDouble(o -> o.verdictCorrect() ? 1 : 0).average().orElse(1.0);
        }

        public long count(String expected) {
            return outcomes.stream().filter(o -> o.question().expected().equals(expected)).count();
        }

        /** Share of answerable questions with expected leads whose first cited note is one of them. */
        public double leadAccuracy() {
            return outcomes.stream().filter(o -> o.leadCorrect() != null).mapToDouble(o -> o.leadCorrect() ? 1 : 0).average().orElse(1.0);
        }

        /** Answers that say a topic is missing while one of their cited notes covers it. */
        public long selfContradictions() {
            return outcomes.stream().filter(o -> !o.contradictions().isEmpty()).count();
        }

        /** Answers with a sentence written twice. */
        public long repeatedSentences() {
            return outcomes.stream().filter(o -> !o.repeated().isEmpty()).count();
        }

        /** Answers that run a law no note they cite carries. */
        public long uncitedCalculations() {
            return outcomes.stream().filter(o -> !o.uncitedLaws().isEmpty()).count();
        }

        /** Answers that run at least one law inline. */
        public long withCalculations() {
            return outcomes.stream().filter(Outcome::calculated).count();
        }

        /** How many questions expected to get one verdict got another (or the same). */
        public long confusion(String expected, String given) {
            return outcomes.stream().filter(o -> o.question().expected().equals(expected) && o.verdict().equals(given)).count();
        }

        public double citationValidity() {
            return outcomes.stream().mapToDouble(o -> o.citationsValid() ? 1 : 0).average().orElse(1.0);
        }

        public String render() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Evaluation over %d questions (%d answered, %d partial, %d refused)%n",
                    outcomes.size(), count("answered"), count("partial"), count("refused")));
            out.append(String.format(Locale.ROOT, "  recall@5  (expected papers among the top 5 notes, in-corpus questions): %.3f%n", recall(5)));
            out.append(String.format(Locale.ROOT, "  recall@10 (expected papers among the top 10 notes, in-corpus questions): %.3f%n", recall(10)));
            for (String kind : List.of("answered", "partial", "refused")) {
                out.append(String.format(Locale.ROOT, "  verdict accuracy, %-8s: %.3f%n", kind, verdictAccuracy(kind)));
            }
            out.append("  verdicts (expected -> given):");
            for (String expected : List.of("answered", "partial", "refused")) {
                for (String given : List.of("answered", "partial", "refused")) {
                    out.append(String.format(Locale.ROOT, " %s->%s %d", expected.substring(0, 1), given.substring(0, 1), confusion(expected, given)));
                }
            }
            out.append('\n');
            out.append(String.format(Locale.ROOT, "  lead note is an expected one (%d questions with expected leads): %.3f%n",
                    outcomes.stream().filter(o -> o.leadCorrect() != null).count(), leadAccuracy()));
            out.append(String.format(Locale.ROOT, "  valid citations: %.1f%%%n", 100 * citationValidity()));
            out.append(String.format(Locale.ROOT, "  answers that call a topic missing while citing a note on it: %d%n", selfContradictions()));
            out.append(String.format(Locale.ROOT, "  answers with a sentence written twice: %d%n", repeatedSentences()));
            out.append(String.format(Locale.ROOT, "  answers running a law no cited note carries: %d (of %d with calculations)%n",
                    uncitedCalculations(), withCalculations()));
            return out.toString();
        }

        /** The summary, then every question that missed a target, with why. */
        public String renderWithMisses() {
            StringBuilder out = new StringBuilder(render());
            List<Outcome> wrong = outcomes.stream().filter(o -> !o.verdictCorrect() || !o.citationsValid() || Boolean.FALSE.equals(o.leadCorrect())
                    || !o.contradictions().isEmpty() || !o.repeated().isEmpty() || !o.uncitedLaws().isEmpty()
                    || (o.question().expected().equals("answered") && o.recallAt10() < 1.0)).toList();
            if (!wrong.isEmpty()) {
                out.append("Misses:\n");
                for (Outcome o : wrong) {
                    out.append(String.format(Locale.ROOT, "  [%s -> %s%s] recall@10 %.2f%s%s%s%s  %s%n", o.question().expected(), o.verdict(),
                            o.missing().isEmpty() ? "" : " missing " + o.missing(), o.recallAt10(),
                            Boolean.FALSE.equals(o.leadCorrect()) ? " lead " + o.lead() : "",
                            o.contradictions().isEmpty() ? "" : " contradicts " + o.contradictions(),
                            o.repeated().isEmpty() ? "" : " repeats " + o.repeated().size(),
                            o.uncitedLaws().isEmpty() ? "" : " runs uncited " + o.uncitedLaws(), o.question().question()));
                }
            }
            return out.toString();
        }
    }

    public Report run(List<EvalQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Answer answer = assistant.ask(q.question());
            // one ranking serves recall@10 and the citation check (a ranking cut at k is the first k of a longer one)
            List<Source> ranked = q.expected().equals("refused") && answer.notes().isEmpty() ? List.of()
                    : assistant.rank(q.question(), Math.max(10, answer.notes().size()));
            boolean verdict = answer.verdict().equals(q.expected()) && (q.missing() == null
                    || answer.missing().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains(q.missing().toLowerCase(Locale.ROOT))));
            String lead = answer.notes().isEmpty() ? null : answer.notes().get(0).id();
            Boolean leadCorrect = q.notes().isEmpty() || !q.expected().equals("answered") ? null : lead != null && q.notes().contains(lead);
            outcomes.add(new Outcome(q, answer.verdict(), answer.missing(), recall(q, ranked, 5), recall(q, ranked, 10), verdict,
                    citationsValid(answer, ranked), leadCorrect, lead, AnswerChecks.contradictions(answer), AnswerChecks.repeatedSentences(answer),
                    AnswerChecks.uncitedLaws(answer, id -> corpus.note(id).map(Note::laws).orElse(List.of())),
                    !answer.calculations().isEmpty()));
        }
        return new Report(outcomes);
    }

    private static double recall(EvalQuestion q, List<Source> ranked, int k) {
        if (q.papers().isEmpty()) {
            return 1.0;
        }
        Set<String> found = new LinkedHashSet<>();
        ranked.stream().limit(k).forEach(s -> found.addAll(s.note().paperIds()));
        return q.papers().stream().filter(found::contains).count() / (double) q.papers().size();
    }

    private boolean citationsValid(Answer answer, List<Source> ranked) {
        Map<String, Boolean> cited = new LinkedHashMap<>();
        answer.notes().forEach(n -> cited.put(n.id(), n.status().equals("abstract") ? corpus.paper(n.id()).isPresent() : corpus.note(n.id()).isPresent()));
        if (cited.containsValue(false)) {
            return false;
        }
        Set<String> retrieved = new LinkedHashSet<>();
        ranked.stream().limit(answer.notes().size()).forEach(s -> retrieved.add(s.note().id()));
        // a note brought in for the law an answer's calculation runs is cited for that law, not by its rank
        answer.calculations().forEach(c -> retrieved.add(c.note()));
        boolean allRetrieved = retrieved.containsAll(cited.keySet());
        boolean sentencesAttributed = answer.sections().themes().stream().flatMap(t -> t.sentences().stream())
                .allMatch(s -> cited.containsKey(s.note()));
        return allRetrieved && sentencesAttributed;
    }
}
