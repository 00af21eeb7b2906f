package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The body of an answer after the straight answer: every cited note once, placed by the relations the graph records
 * between the cited notes. First what backs, refines or extends, and disagrees with the lead (each said in a clause,
 * with the note's whole claim); then groups of notes related to each other; then the notes the graph relates to none
 * of the others, by scaling axis under a neutral heading (their first sentence, and the numbers when those come later;
 * the whole claim of a note that holds a concept the question names).
 */
final class Synthesis {

    /** The most themes of unrelated notes; the rest share one. */
    private static final int NEUTRAL_THEMES = 3;
    private static final String FURTHER = "Further findings";

    private final Function<Source, String> axisHeading;
    private final Ceilings ceilings;
    private final Map<String, Source> cited = new LinkedHashMap<>();
    private final Set<String> placed = new LinkedHashSet<>();

    /** @param axisHeading the heading of a source's first scaling axis */
    Synthesis(List<Source> sources, Function<Source, String> axisHeading, Ceilings ceilings) {
        this.axisHeading = axisHeading;
        this.ceilings = ceilings;
        sources.forEach(s -> cited.putIfAbsent(s.note().id(), s));
    }

    List<Answer.Theme> themes() {
        Source lead = cited.values().iterator().next();
        placed.add(lead.note().id());
        Map<String, List<Answer.Sentence>> themes = new LinkedHashMap<>();
        for (RelationClauses.Role role : RelationClauses.Role.values()) {
            List<Answer.Sentence> sentences = around(lead, "it", role, true);
            if (!sentences.isEmpty()) {
                themes.put(role.heading, sentences);
            }
        }
        for (Source anchor : unplaced()) {
            if (related(anchor).isEmpty() || placed.contains(anchor.note().id())) {
                continue;
            }
            placed.add(anchor.note().id());
            List<Answer.Sentence> sentences = new ArrayList<>();
            sentences.add(finding("", anchor, false));
            for (RelationClauses.Role role : RelationClauses.Role.values()) {
                sentences.addAll(around(anchor, "it", role, false));
            }
            themes.computeIfAbsent(axisHeading.apply(anchor), h -> new ArrayList<>()).addAll(sentences);
        }
        Map<String, List<Answer.Sentence>> neutral = new LinkedHashMap<>();
        for (Source source : unplaced()) {
            placed.add(source.note().id());
            String heading = axisHeading.apply(source);
            if (!themes.containsKey(heading) && !neutral.containsKey(heading) && neutral.size() >= NEUTRAL_THEMES) {
                heading = FURTHER;
            }
            (themes.containsKey(heading) ? themes.get(heading) : neutral.computeIfAbsent(heading, h -> new ArrayList<>()))
                    .add(finding("", source, false));
        }
        neutral.forEach((heading, sentences) -> themes.computeIfAbsent(heading, h -> new ArrayList<>()).addAll(sentences));
        return themes.entrySet().stream().map(e -> new Answer.Theme(e.getKey(), e.getValue())).toList();
    }

    /**
     * The cited notes not yet placed that the graph relates to {@code anchor} in this role, each introduced by what it
     * adds; two or more disagreements are named together in one sentence first. With {@code follow}, each note is
     * followed by the best-ranked unplaced note related to it, introduced relative to "that".
     */
    private List<Answer.Sentence> around(Source anchor, String subject, RelationClauses.Role role, boolean follow) {
        List<Source.Relation> relations = new ArrayList<>();
        for (Source other : unplaced()) {
            RelationClauses.between(anchor, other.note().id()).filter(r -> RelationClauses.role(r) == role).ifPresent(relations::add);
        }
        List<Answer.Sentence> sentences = new ArrayList<>();
        if (relations.isEmpty()) {
            return sentences;
        }
        boolean together = role == RelationClauses.Role.DISAGREES && relations.size() > 1;
        // all of the anchor's disagreements are named in one sentence, which opens the first disagreeing note's finding
        String intro = together ? RelationClauses.disagreements(relations, subject) + " " : "";
        for (Source.Relation relation : relations) {
            Source other = cited.get(relation.otherId());
            placed.add(other.note().id());
            String clause = together ? intro + RelationClauses.point(relation) : RelationClauses.clause(relation, subject);
            intro = "";
            sentences.add(finding(clause + " ", other, true));
            if (follow) {
                // a note the anchor itself relates to is placed by that relation, not as a follower
                Optional<Source> next = related(other).stream()
                        .filter(n -> RelationClauses.between(anchor, n.note().id()).isEmpty()).findFirst();
                next.ifPresent(n -> {
                    placed.add(n.note().id());
                    Source.Relation back = RelationClauses.between(other, n.note().id()).orElseThrow();
                    sentences.add(finding(RelationClauses.clause(back, "that") + " ", n, false));
                });
            }
        }
        return sentences;
    }

    /** The unplaced cited notes the graph relates to this source, best-ranked first. */
    private List<Source> related(Source source) {
        return unplaced().stream().filter(o -> !o.note().id().equals(source.note().id()))
                .filter(o -> RelationClauses.between(source, o.note().id()).isPresent()).toList();
    }

    private List<Source> unplaced() {
        return cited.values().stream().filter(s -> !placed.contains(s.note().id())).toList();
    }

    /**
     * A note's finding, cited by its question: the whole claim when it bears directly on the lead or holds a concept the
     * question names, else in proportion.
     */
    private Answer.Sentence finding(String opening, Source source, boolean whole) {
        return new Answer.Sentence(opening + Finding.of(source.note(), whole || source.holdsNamedConcept()) + ceilings.after(source.note()),
                source.note().id());
    }
}
