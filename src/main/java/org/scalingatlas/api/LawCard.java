package org.scalingatlas.api;

import java.util.List;
import java.util.Map;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Paper;

/** A law as {@code GET /api/laws} lists it: its formula, variables, outputs, constant sets and the notes citing it. */
public record LawCard(String id, String name, String formula, PaperRef paper, List<Variable> variables, List<Output> outputs,
        List<ConstantSet> constants, List<String> conventions, List<String> axes, String optimal, Map<String, Double> example, List<NoteRef> notes) {

    /**
     * The card of {@code law}, its papers resolved in {@code papers}, cited by {@code notes}, the data its sets were
     * fitted on named by {@code datasetLabels} (a dataset id the map lacks is shown as it is).
     */
    public static LawCard of(Law law, Map<String, Paper> papers, List<NoteRef> notes, Map<String, String> datasetLabels) {
        return new LawCard(law.id(), law.name(), law.formula(), PaperRef.of(papers.get(law.paperId())),
                law.inputs().stream().map(v -> new Variable(v.symbol(), v.name(), v.unit(), v.quantity(), v.min(), v.max())).toList(),
                law.outputs().stream().map(o -> new Output(o.name(), o.formula(), o.unit(), o.description(), o.aliases())).toList(),
                law.constantSets().stream().map(s -> new ConstantSet(s.id(), s.label(), s.provenance(),
                        PaperRef.of(papers.get(s.paperId() == null ? law.paperId() : s.paperId())), s.values(), s.note(), s.aliases(),
                        s.data().stream().map(id -> datasetLabels.getOrDefault(id, id)).toList())).toList(),
                law.conventions(), law.axes(), law.optimal() == null ? null : law.optimal().kind(), law.example(), notes);
    }

    /** A note citing the law. */
    public record NoteRef(String id, String title) {
    }

    public record Variable(String name, String description, String unit, String quantity, Double min, Double max) {
    }

    /** @param aliases what people call the output where its name and unit do not say it ("lr", "total compute") */
    public record Output(String name, String formula, String unit, String description, List<String> aliases) {
    }

    /**
     * @param aliases  what a question may call the set: the data or domain it was fitted on ("video", "Pile", "32x32 image")
     * @param fittedOn the datasets it was fitted on, by the names the ontology's dataset scheme gives them ("C4", "the Pile")
     */
    public record ConstantSet(String id, String label, String provenance, PaperRef source, Map<String, Double> values, String note, List<String> aliases,
            List<String> fittedOn) {
    }
}
