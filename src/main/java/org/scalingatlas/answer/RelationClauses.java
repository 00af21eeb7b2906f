package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scalingatlas.corpus.Note;

/**
 * What a related note adds, said in one clause from the side of the note it is placed under (its anchor): "Backing
 * it:", "Refining it:", "Against it, on the definition of N:". Only relations the graph records get a clause.
 */
final class RelationClauses {

    /** The group a note directly related to an anchor goes in, and its heading when the anchor is the straight answer. */
    enum Role {
        BACKS("What agrees with it"), REFINES("Narrower and broader claims"), DISAGREES("What disagrees with it");

        final String heading;

        Role(String heading) {
            this.heading = heading;
        }
    }

    /** When two notes are related more than one way, the relation that says most decides the clause. */
    private static final List<Note.Relation.Type> PRIORITY = List.of(Note.Relation.Type.DISAGREES, Note.Relation.Type.REFINES,
            Note.Relation.Type.EXTENDS, Note.Relation.Type.SUPPORTS);

    private RelationClauses() {
    }

    static Role role(Source.Relation relation) {
        return switch (relation.type()) {
            case SUPPORTS -> Role.BACKS;
            case REFINES, EXTENDS -> Role.REFINES;
            case DISAGREES -> Role.DISAGREES;
        };
    }

    /** The one relation that decides how {@code other} is introduced under {@code anchor}, if the graph records any. */
    static java.util.Optional<Source.Relation> between(Source anchor, String otherId) {
        return anchor.relations().stream().filter(r -> r.otherId().equals(otherId))
                .min(Comparator.comparingInt((Source.Relation r) -> PRIORITY.indexOf(r.type())).thenComparing(Source.Relation::outgoing));
    }

    /**
     * The clause that opens a related note's sentence, seen from its anchor, which the clause calls {@code subject}
     * ("it" for the note a theme is about, "that" for the note just before). {@code relation} is as the anchor's
     * source records it: outgoing when the anchor states it.
     */
    static String clause(Source.Relation relation, String subject) {
        String capital = EnglishText.upperFirst(subject);
        return switch (relation.type()) {
            case SUPPORTS -> relation.outgoing() ? capital + " bears out a broader claim:" : "Backing " + subject + ":";
            case REFINES -> relation.outgoing() ? capital + " narrows a broader claim:" : "Refining " + subject + ":";
            case EXTENDS -> relation.outgoing() ? capital + " builds on:" : "Extending " + subject + ":";
            case DISAGREES -> relation.on() == null ? "Against " + subject + ", though the notes do not say on what:"
                    : "Against " + subject + ", on " + relation.on() + ":";
        };
    }

    /**
     * One sentence for all of an anchor's disagreements when there are two or more, naming what each is about
     * ("Two notes here disagree with it: one on X, the other on Y."); each disagreeing note then opens with
     * {@link #point}.
     */
    static String disagreements(List<Source.Relation> relations, String subject) {
        Set<String> points = new LinkedHashSet<>();
        boolean unnamed = false;
        for (Source.Relation relation : relations) {
            if (relation.on() == null) {
                unnamed = true;
            } else {
                points.add(relation.on());
            }
        }
        String notes = EnglishText.upperFirst(EnglishText.count(relations.size())) + " notes here disagree with " + subject;
        if (points.isEmpty()) {
            return notes + ", though they do not say on what.";
        }
        if (points.size() == 1 && !unnamed) {
            return notes + ", all on " + points.iterator().next() + ".";
        }
        List<String> items = new ArrayList<>(points.stream().map(p -> "on " + p).toList());
        if (unnamed) {
            items.add("on a point they do not name");
        }
        return notes + ": " + EnglishText.list(items) + ".";
    }

    /** The opening of one of several disagreeing notes, after {@link #disagreements} named them all. */
    static String point(Source.Relation relation) {
        return relation.on() == null ? "On a point the notes do not name:" : "On " + relation.on() + ":";
    }
}
