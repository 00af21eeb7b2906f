package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.coverage.Verdict;

/**
 * A prompt to paste into an external LLM to take a question further: the library's findings as dated claims, the
 * anchor papers with their arXiv ids where known, the open questions this answer leaves (its missing concepts, the
 * disagreements and ceilings its notes record), and tasks to re-test each claim, find superseding work and settle
 * the open questions.
 */
final class ResearchPrompt {

    private static final int CLAIMS = 6;
    private static final int MAX_OPEN = 4;

    private ResearchPrompt() {
    }

    static String write(String question, Verdict verdict, List<Source> sources, Map<String, Paper> papers) {
        List<Source> used = sources.subList(0, Math.min(CLAIMS, sources.size()));
        List<Integer> years = new ArrayList<>();
        StringBuilder claims = new StringBuilder();
        List<Paper> anchors = new ArrayList<>();
        for (Source source : used) {
            List<Paper> rest = source.note().paperIds().stream().distinct().map(papers::get).filter(Objects::nonNull).toList();
            Integer year = rest.stream().filter(p -> p.date() != null).map(p -> p.date().getYear()).findFirst().orElse(null);
            if (year != null) {
                years.add(year);
            }
            claims.append("- ").append(EnglishText.firstSentence(source.note().claim()))
                    .append(year == null ? " (undated)" : " (~" + year + ")").append('\n');
            rest.stream().filter(p -> !anchors.contains(p)).forEach(anchors::add);
        }
        StringBuilder prompt = new StringBuilder();
        prompt.append("You are a research analyst re-testing what a curated library says about this question: *")
                .append(question).append("*\n\n");
        prompt.append("What the library found, and when (dated claims, not current truth):\n");
        if (!years.isEmpty()) {
            int from = years.stream().min(Integer::compare).orElseThrow();
            int to = years.stream().max(Integer::compare).orElseThrow();
            prompt.append("Findings span ").append(from == to ? String.valueOf(from) : from + "-" + to)
                    .append("; treat them as a baseline, not as current fact.\n");
        }
        prompt.append(claims);
        if (!verdict.missing().isEmpty()) {
            prompt.append("The library holds nothing on ").append(EnglishText.quoted(verdict.missing()))
                    .append(": search for that first and say plainly if it does not exist.\n");
        }
        prompt.append("\nAnchor papers (verify; mind their dates):\n");
        for (Paper paper : anchors) {
            String when = paper.date() == null ? "undated" : paper.date().toString().substring(0, 7);
            prompt.append("- ").append(when).append(": ")
                    .append(paper.arxiv() == null ? "" : "arXiv:" + paper.arxiv() + " ").append("(").append(paper.title()).append(")\n");
        }
        List<String> open = openQuestions(verdict, used);
        if (!open.isEmpty()) {
            prompt.append("\nOpen questions this library raises here:\n");
            for (int i = 0; i < open.size(); i++) {
                prompt.append("(").append((char) ('a' + i)).append(") ").append(open.get(i)).append('\n');
            }
        }
        prompt.append("""

                Your task:
                (1) RE-TEST EACH CLAIM. For every finding, judge whether newer models, training recipes or inference methods \
                have overturned or deepened it. Separate the durable question from the perishable limitation, cite what moved \
                the goalpost, and say plainly what still holds.
                (2) Surface the strongest CONTRADICTING or SUPERSEDING work from the last 6 months.
                """);
        prompt.append(open.isEmpty()
                ? "(3) Propose 2 research questions that assume the findings above may be incomplete or regime-dependent.\n"
                : "(3) Answer the open questions above from the literature, or say what experiment would settle each.\n");
        prompt.append("\nCite arXiv IDs; flag anything you cannot ground in a real paper.");
        return prompt.toString();
    }

    /**
     * The sub-questions this answer leaves open, made from what the library records rather than a template: each missing
     * concept against the best-held finding, each disagreement the graph records between two cited notes, and each
     * ceiling a cited note reports.
     */
    static List<String> openQuestions(Verdict verdict, List<Source> used) {
        List<String> open = new ArrayList<>();
        for (String missing : verdict.missing()) {
            open.add("Does the finding behind \u201c" + used.get(0).note().title() + "\u201d carry over to " + missing
                    + ", and what would change it?");
        }
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (Source source : used) {
            for (Source.Relation tension : source.disagreements()) {
                boolean cited = used.stream().anyMatch(s -> s.note().id().equals(tension.otherId()));
                if (cited && pairs.add(tension.otherId() + "|" + source.note().id()) && pairs.add(source.note().id() + "|" + tension.otherId())) {
                    open.add("\u201c" + source.note().title() + "\u201d and \u201c" + tension.otherTitle() + "\u201d disagree"
                            + (tension.on() == null ? ": which difference in setup (what is counted, the data, the fitting method) explains it?"
                                    : " on " + tension.on() + ": which difference in setup explains it, and which side does newer work take?"));
                }
            }
            source.note().ceilings().stream().filter(c -> !c.isReference()).findFirst().ifPresent(ceiling -> open.add(
                    "Where exactly does the ceiling \u201c" + EnglishText.lowerFirst(ceiling.label()) + "\u201d set in, and does newer work move it?"));
        }
        return open.subList(0, Math.min(MAX_OPEN, open.size()));
    }
}
