package org.scalingatlas.ask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.retrieve.Passage;

/** The notes a retrieved passage stands for: a note itself, or every note resting on an abstract. */
public final class PaperNotes {

    private final Map<String, List<String>> notesByPaper = new HashMap<>();

    public PaperNotes(Corpus corpus) {
        corpus.notes().forEach(n -> n.paperIds().forEach(p -> notesByPaper.computeIfAbsent(p, k -> new ArrayList<>()).add(n.id())));
    }

    List<String> of(Passage.Kind kind, String id) {
        return kind == Passage.Kind.NOTE ? List.of(id) : notesByPaper.getOrDefault(id, List.of());
    }
}
