package org.scalingatlas.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.Source;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.retrieve.Hit;

/**
 * Questions to ask next: notes the graph relates to the sources, and retrieved notes that share a ceiling, law or axis
 * with one (ranked by retrieval), then the next retrieved notes; never a cited one.
 */
public final class NextLines {

    private static final int MOST = 4;
    private static final int LEAST = 3;

    private final Corpus corpus;
    private final PaperNotes paperNotes;
    private final Neighbours neighbours;

    public NextLines(Corpus corpus, PaperNotes paperNotes, Neighbours neighbours) {
        this.corpus = corpus;
        this.paperNotes = paperNotes;
        this.neighbours = neighbours;
    }

    List<Answer.NextLine> after(List<Source> sources, List<Hit> hits) {
        Map<String, Double> rank = new HashMap<>();
        hits.forEach(h -> paperNotes.of(h.kind(), h.id()).forEach(id -> rank.merge(id, h.score(), Math::max)));
        List<String> cited = sources.stream().map(s -> s.note().id()).toList();
        List<String> retrieved = rank.keySet().stream().filter(id -> !cited.contains(id)).sorted().toList();
        Map<String, String> candidates = new LinkedHashMap<>();
        for (Source source : sources) {
            List<Trace.Neighbour> near = new ArrayList<>(neighbours.of(source.note().id()));
            near.addAll(neighbours.sharing(source.note(), retrieved));
            for (Trace.Neighbour neighbour : near) {
                if (!cited.contains(neighbour.id())) {
                    candidates.putIfAbsent(neighbour.id(), neighbour.via());
                }
            }
        }
        List<String> ordered = new ArrayList<>(candidates.keySet());
        ordered.sort(Comparator.comparingDouble((String id) -> -rank.getOrDefault(id, 0.0)).thenComparing(id -> id));
        List<Answer.NextLine> next = new ArrayList<>();
        for (String id : ordered.subList(0, Math.min(MOST, ordered.size()))) {
            next.add(new Answer.NextLine(corpus.note(id).orElseThrow().title(), id, candidates.get(id)));
        }
        rank.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> !cited.contains(e.getKey()) && !candidates.containsKey(e.getKey()))
                .limit(Math.max(0, LEAST - next.size()))
                .forEach(e -> next.add(new Answer.NextLine(corpus.note(e.getKey()).orElseThrow().title(), e.getKey(), "retrieved")));
        return next;
    }
}
