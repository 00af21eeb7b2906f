package org.scalingatlas.answer;

import java.util.HashSet;
import java.util.Set;
import org.scalingatlas.corpus.Note;

/** Where a note's curve flattens, said after its finding: each ceiling once per answer. */
final class Ceilings {

    private final Set<String> said = new HashSet<>();

    /** The ceiling sentences for a note not yet said in this answer (with a leading space), or "". */
    String after(Note note) {
        StringBuilder text = new StringBuilder();
        for (Note.Ceiling ceiling : note.ceilings()) {
            if (!ceiling.isReference() && said.add(ceiling.id())) {
                text.append(" Its curve flattens: ").append(EnglishText.lowerFirst(ceiling.label())).append(" (").append(ceiling.value())
                        .append("; ").append(ceiling.task()).append(", ").append(ceiling.condition()).append(").");
            }
        }
        return text.toString();
    }
}
