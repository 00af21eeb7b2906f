package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.coverage.Verdict;

/**
 * Writes the answer from the verdict and the sources alone, deterministically (the same question gives the same
 * answer), in the style of a curated research library: a framing line; the straight answer first (what is missing,
 * plainly, when something is), from the lead note's whole claim; then a {@link Synthesis} of what the other cited
 * notes add, placed by the relations the graph records between them, every sentence attributed to a note cited by
 * its question; a take-away, sources, next inquiring lines and a research prompt.
 */
public final class Composer {

    private final Map<String, Paper> papers;
    private final Map<String, String> axisLabels;
    private final Set<String> domains;

    /**
     * @param axisLabels label of every axis id
     * @param domains    axis ids that name a domain (language, vision ...) rather than a scaling axis
     */
    public Composer(Map<String, Paper> papers, Map<String, String> axisLabels, Set<String> domains) {
        this.papers = papers;
        this.axisLabels = axisLabels;
        this.domains = domains;
    }

    public Answer compose(String question, Verdict verdict, List<Source> sources, List<Answer.NextLine> next) {
        return compose(question, verdict, sources, next, Optional.empty());
    }

    /**
     * What the calculations answer, when they answer the question itself from its own numbers.
     *
     * @param clause     the clause that opens the straight answer ("for your budget of C = 1.00e23 FLOPs, the laws the
     *                   cited notes carry put the compute-optimal model at …")
     * @param byLeadNote whether the note that leads carries the law that ran first, so that the answer rests on it; when
     *                   another cited note carries it, the lead note follows as the closest the collection comes
     */
    public record Computed(String clause, boolean byLeadNote) {
    }

    public Answer compose(String question, Verdict verdict, List<Source> sources, List<Answer.NextLine> next, Optional<Computed> computed) {
        if (verdict instanceof Verdict.Refused refused) {
            return refusal(question, refused);
        }
        String framing = framing(verdict, sources);
        Ceilings ceilings = new Ceilings();
        String straight = straightAnswer(verdict, sources.get(0), computed) + ceilings.after(sources.get(0).note());
        // the lead note is the straight answer, in full; the themes carry what the other notes add, never it again
        List<Answer.Theme> themes = new Synthesis(sources, s -> heading(primaryAxis(s.note())), ceilings).themes();
        String takeaway = takeaway(verdict, sources);
        Answer.Sections sections = new Answer.Sections(framing, straight, themes, takeaway);
        return new Answer(question, verdict.name(), verdict.missing(), text(sections), sourceNotes(sources), List.of(), next,
                ResearchPrompt.write(question, verdict, sources, papers), verdict.covered(), null, sections, Answer.Authorship.DETERMINISTIC);
    }

    private Answer refusal(String question, Verdict.Refused refused) {
        String framing = "This asks something the collection cannot answer.";
        String straight = "Straight answer: the collection has nothing on this question (" + refused.reason()
                + "), so there is nothing to report rather than neighbouring papers dressed up as an answer. It holds notes on "
                + "scaling laws: model size, data, compute, test-time compute, precision, distillation and their ceilings.";
        Answer.Sections sections = new Answer.Sections(framing, straight, List.of(), "");
        return new Answer(question, refused.name(), refused.missing(), framing + "\n\n" + straight, List.of(), List.of(), List.of(), "",
                List.of(), refused.reason(), sections, Answer.Authorship.DETERMINISTIC);
    }

    private String framing(Verdict verdict, List<Source> sources) {
        List<String> axes = topAxes(sources, 3);
        String along = axes.isEmpty() ? "" : ", mostly along " + EnglishText.list(axes);
        if (verdict instanceof Verdict.Partial partial) {
            String holds = partial.covered().isEmpty() ? "related material" : "material on " + EnglishText.quoted(partial.covered());
            return "The collection holds " + holds + ", but nothing on " + EnglishText.quoted(partial.missing())
                    + ", so this answer says so first and then reframes around the " + sources.size() + " notes it does hold" + along + ".";
        }
        String topics = verdict.covered().isEmpty() ? "scaling in general" : EnglishText.quoted(verdict.covered());
        return "This asks about " + topics + "; the collection answers it from " + sources.size() + " notes" + along + ".";
    }

    private String straightAnswer(Verdict verdict, Source best, Optional<Computed> computed) {
        String finding = Finding.of(best.note(), true);
        if (verdict instanceof Verdict.Partial partial) {
            return "Straight answer first: there is no note in this collection on " + EnglishText.quoted(partial.missing())
                    + ". If that is what you came for, the corpus cannot supply it, and it is better to say so than to pass "
                    + "neighbouring papers off as an answer. What it does hold comes closest here: "
                    + computed.map(c -> c.clause() + (c.byLeadNote() ? " The law comes from: " : " The note closest to the question: ")).orElse("")
                    + finding;
        }
        return "Straight answer: " + computed.map(c -> Character.toUpperCase(c.clause().charAt(0)) + c.clause().substring(1)
                + (c.byLeadNote() ? " It rests on: " : " The note closest to the question: ")).orElse("") + finding;
    }

    /**
     * The take-away, from what the graph records about the cited notes: how the straight answer stands (notes that
     * disagree with it, or that back it), and how many notes find where their curve stops paying, on which axes.
     * Only when the graph records neither does it fall back to the axes the evidence runs along.
     */
    private String takeaway(Verdict verdict, List<Source> sources) {
        List<String> points = new ArrayList<>();
        standing(sources).ifPresent(points::add);
        whereCurvesStop(sources).ifPresent(points::add);
        if (points.isEmpty()) {
            List<String> axes = topAxes(sources, 2);
            points.add("the evidence here runs along " + (axes.isEmpty() ? "several axes" : EnglishText.list(axes))
                    + (axes.size() == 1 ? ", so check whether your own setting actually varies it" : ", so check which of them your own setting actually varies"));
        }
        StringBuilder text = new StringBuilder("The thing worth taking away: ").append(String.join("; and ", points)).append('.');
        if (verdict instanceof Verdict.Partial partial) {
            text.append(" For ").append(EnglishText.quoted(partial.missing())).append(", the papers would have to be added to the library.");
        }
        return text.toString();
    }

    /** How the straight answer stands among the cited notes: contested, backed, or amid disagreements of others. */
    private static Optional<String> standing(List<Source> sources) {
        Source lead = sources.get(0);
        Set<String> cited = sources.stream().map(s -> s.note().id()).collect(Collectors.toSet());
        long against = lead.disagreements().stream().map(Source.Relation::otherId).filter(cited::contains).distinct().count();
        long behind = lead.relations().stream().filter(r -> r.type() == Note.Relation.Type.SUPPORTS)
                .map(Source.Relation::otherId).filter(cited::contains).distinct().count();
        if (against > 0) {
            return Optional.of("the straight answer is contested here: " + EnglishText.count((int) against)
                    + (against == 1 ? " of these notes disagrees" : " of these notes disagree")
                    + " with it, so which holds depends on how closely your setting matches each");
        }
        if (behind > 0) {
            return Optional.of("the straight answer has " + EnglishText.count((int) behind) + (behind == 1 ? " other note" : " other notes")
                    + " behind it here, the firmest ground the collection has on this");
        }
        boolean tensions = sources.stream().skip(1).anyMatch(s -> s.disagreements().stream().anyMatch(r -> cited.contains(r.otherId())));
        return tensions
                ? Optional.of("the collection does not speak with one voice here; the notes that disagree mark where the answer depends on the setup")
                : Optional.empty();
    }

    /**
     * How many cited notes report a ceiling of their own, and what they are on (their main axes: "model parameters",
     * but also "theory", which no curve runs along, hence "on", not "along").
     */
    private Optional<String> whereCurvesStop(List<Source> sources) {
        List<Source> ceilinged = sources.stream().filter(s -> s.note().ceilings().stream().anyMatch(c -> !c.isReference())).toList();
        if (ceilinged.isEmpty()) {
            return Optional.empty();
        }
        boolean one = ceilinged.size() == 1;
        List<String> along = ceilinged.stream().map(s -> axisLabels.get(primaryAxis(s.note()))).filter(Objects::nonNull).distinct().toList();
        return Optional.of(EnglishText.count(ceilinged.size()) + (one ? " of these notes finds where its curve stops paying" : " of these notes find where their curves stop paying")
                + (along.isEmpty() ? "" : " (on " + EnglishText.list(along) + ")")
                + ", so the question is less which exponent applies than where your setting sits against " + (one ? "that point" : "those points"));
    }

    private List<Answer.SourceNote> sourceNotes(List<Source> sources) {
        return sources.stream().map(s -> new Answer.SourceNote(s.note().id(), s.note().title(), s.note().claim(),
                s.note().paperIds().stream().distinct().map(papers::get).map(p -> new Answer.PaperRef(p.id(), p.title(), p.arxiv(),
                        p.date() == null ? null : p.date().toString())).toList(), s.note().status().word)).toList();
    }

    static String text(Answer.Sections sections) {
        StringBuilder text = new StringBuilder(sections.framing()).append("\n\n").append(sections.straightAnswer());
        for (Answer.Theme theme : sections.themes()) {
            text.append("\n\n").append(theme.heading()).append(". ");
            theme.sentences().forEach(s -> text.append(s.text()).append(' '));
            text.setLength(text.length() - 1);
        }
        if (!sections.takeaway().isEmpty()) {
            text.append("\n\n").append(sections.takeaway());
        }
        return text.toString();
    }

    private String primaryAxis(Note note) {
        return note.axes().stream().filter(a -> !domains.contains(a)).findFirst().orElse(note.axes().isEmpty() ? "" : note.axes().get(0));
    }

    private String heading(String axis) {
        String label = axisLabels.getOrDefault(axis, "Other findings");
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    private List<String> topAxes(List<Source> sources, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sources.forEach(s -> s.note().axes().stream().filter(a -> !domains.contains(a)).forEach(a -> counts.merge(a, 1, Integer::sum)));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(e -> axisLabels.getOrDefault(e.getKey(), e.getKey())).toList();
    }
}
