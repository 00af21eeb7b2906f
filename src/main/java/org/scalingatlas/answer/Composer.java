package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.coverage.Verdict;

/**
 * Writes the answer from the verdict and the sources alone, deterministically (the same question gives the same
 * answer), in the style of a curated research library: a framing line, the straight answer first (what is missing,
 * plainly, when something is), findings grouped into themes with every sentence attributed to a note by its
 * question, a take-away, sources, next inquiring lines and a research prompt.
 */
public final class Composer {

    /** The most themes, and the most findings per theme. */
    private static final int THEMES = 4;
    private static final int PER_THEME = 3;

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
        if (verdict instanceof Verdict.Refused refused) {
            return refusal(question, refused);
        }
        String framing = framing(verdict, sources);
        Afterwords afterwords = new Afterwords();
        String straight = straightAnswer(verdict, sources.get(0)) + afterwords.of(sources.get(0));
        // the lead note is the straight answer, in full; the themes carry what the other notes add, never it again
        List<Answer.Theme> themes = themes(sources.subList(1, sources.size()), afterwords);
        String takeaway = takeaway(verdict, sources);
        Answer.Sections sections = new Answer.Sections(framing, straight, themes, takeaway);
        return new Answer(question, verdict.name(), verdict.missing(), text(sections), sourceNotes(sources), List.of(), next,
                ResearchPrompt.write(question, verdict, sources, papers), verdict.covered(), null, sections, Answer.Composer.DETERMINISTIC);
    }

    private Answer refusal(String question, Verdict.Refused refused) {
        String framing = "This asks something the collection cannot answer.";
        String straight = "Straight answer: the collection has nothing on this question (" + refused.reason()
                + "), so there is nothing to report rather than neighbouring papers dressed up as an answer. It holds notes on "
                + "scaling laws: model size, data, compute, test-time compute, precision, distillation and their ceilings.";
        Answer.Sections sections = new Answer.Sections(framing, straight, List.of(), "");
        return new Answer(question, refused.name(), refused.missing(), framing + "\n\n" + straight, List.of(), List.of(), List.of(), "",
                List.of(), refused.reason(), sections, Answer.Composer.DETERMINISTIC);
    }

    private String framing(Verdict verdict, List<Source> sources) {
        List<String> axes = topAxes(sources, 3);
        String along = axes.isEmpty() ? "" : ", mostly along " + Prose.list(axes);
        if (verdict instanceof Verdict.Partial partial) {
            String holds = partial.covered().isEmpty() ? "related material" : "material on " + Prose.quoted(partial.covered());
            return "The collection holds " + holds + ", but nothing on " + Prose.quoted(partial.missing())
                    + ", so this answer says so first and then reframes around the " + sources.size() + " notes it does hold" + along + ".";
        }
        String topics = verdict.covered().isEmpty() ? "scaling in general" : Prose.quoted(verdict.covered());
        return "This asks about " + topics + "; the collection answers it from " + sources.size() + " notes" + along + ".";
    }

    private String straightAnswer(Verdict verdict, Source best) {
        String finding = best.note().title() + " " + best.note().claim().strip();
        if (verdict instanceof Verdict.Partial partial) {
            return "Straight answer first: there is no note in this collection on " + Prose.quoted(partial.missing())
                    + ". If that is what you came for, the corpus cannot supply it, and it is better to say so than to pass "
                    + "neighbouring papers off as an answer. What it does hold comes closest here: " + finding;
        }
        return "Straight answer: " + finding;
    }

    /**
     * The supporting sources grouped by their first scaling axis, in the order the best source of each group ranks:
     * each finding opens with its note's question, and says where its curve flattens and which note it is in tension
     * with right after, so that no note's question has to be written twice.
     */
    private List<Answer.Theme> themes(List<Source> supporting, Afterwords afterwords) {
        Map<String, List<Source>> byAxis = new LinkedHashMap<>();
        for (Source source : supporting) {
            byAxis.computeIfAbsent(primaryAxis(source.note()), a -> new ArrayList<>()).add(source);
        }
        List<Answer.Theme> themes = new ArrayList<>();
        for (Map.Entry<String, List<Source>> group : byAxis.entrySet()) {
            if (themes.size() == THEMES) {
                break;
            }
            List<Answer.Sentence> sentences = new ArrayList<>();
            for (Source source : group.getValue().subList(0, Math.min(PER_THEME, group.getValue().size()))) {
                Note note = source.note();
                sentences.add(new Answer.Sentence(note.title() + " " + Prose.firstSentence(note.claim()) + afterwords.of(source), note.id()));
            }
            themes.add(new Answer.Theme(heading(group.getKey()), sentences));
        }
        return themes;
    }

    /**
     * What follows a finding: where its curve flattens (each ceiling once per answer) and the cited notes the graph
     * records it disagreeing with (each pair once). The other note is quoted inside the clause, never as a sentence
     * of its own.
     */
    private static final class Afterwords {
        private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth");
        private final Set<String> said = new LinkedHashSet<>();
        private final Map<String, Integer> disagreements = new LinkedHashMap<>();

        String of(Source source) {
            StringBuilder text = new StringBuilder();
            for (Note.Ceiling ceiling : source.note().ceilings()) {
                if (!ceiling.isReference() && said.add(ceiling.id())) {
                    text.append(" Its curve flattens: ").append(Prose.lowerFirst(ceiling.label())).append(" (").append(ceiling.value())
                            .append("; ").append(ceiling.task()).append(", ").append(ceiling.condition()).append(").");
                }
            }
            for (Source.Tension tension : source.tensions()) {
                if (said.add(tension.otherId() + "|" + source.note().id()) && said.add(source.note().id() + "|" + tension.otherId())) {
                    int times = disagreements.merge(tension.otherId(), 1, Integer::sum);
                    text.append(times == 1
                            ? " It disagrees with \u201c" + tension.otherTitle() + "\u201d, so read the two together before relying on either."
                            : " It is the " + ORDINALS.get(Math.min(times, ORDINALS.size()) - 1) + " note here to disagree with \u201c"
                                    + tension.otherTitle() + "\u201d.");
                }
            }
            return text.toString();
        }
    }

    private String takeaway(Verdict verdict, List<Source> sources) {
        long ceilings = sources.stream().filter(s -> s.note().ceilings().stream().anyMatch(c -> !c.isReference())).count();
        long tensions = sources.stream().filter(s -> !s.tensions().isEmpty()).count();
        List<String> axes = topAxes(sources, 2);
        StringBuilder text = new StringBuilder("The thing worth taking away: ");
        if (ceilings > 0) {
            text.append(ceilings).append(ceilings == 1 ? " of these notes reports" : " of these notes report")
                    .append(" a ceiling, so the question is less which exponent applies than where the curve stops paying");
        } else if (tensions > 0) {
            text.append("the collection does not speak with one voice here; the notes in tension mark where the answer depends on the setup");
        } else {
            text.append("the evidence here runs along ").append(axes.isEmpty() ? "several axes" : Prose.list(axes))
                    .append(", so check which of them your own setting actually varies");
        }
        text.append(".");
        if (verdict instanceof Verdict.Partial partial) {
            text.append(" For ").append(Prose.quoted(partial.missing())).append(", the papers would have to be added to the library.");
        }
        return text.toString();
    }

    private List<Answer.SourceNote> sourceNotes(List<Source> sources) {
        return sources.stream().map(s -> new Answer.SourceNote(s.note().id(), s.note().title(), s.note().claim(),
                s.note().paperIds().stream().distinct().map(papers::get).map(p -> new Answer.PaperRef(p.id(), p.title(), p.arxiv(),
                        p.date() == null ? null : p.date().toString())).toList())).toList();
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
