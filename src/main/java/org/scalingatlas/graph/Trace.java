package org.scalingatlas.graph;

import java.util.List;

/**
 * A note traced through the graph: the claim, each paper it rests on with the quoted evidence, related notes, and
 * the note's laws, axes and ceilings.
 */
public record Trace(
        NoteSummary note,
        List<SupportingPaper> papers,
        List<RelatedNote> related,
        List<LawRef> laws,
        List<AxisRef> axes,
        List<CeilingRef> ceilings) {

    public Trace {
        papers = List.copyOf(papers);
        related = List.copyOf(related);
        laws = List.copyOf(laws);
        axes = List.copyOf(axes);
        ceilings = List.copyOf(ceilings);
    }

    public record NoteSummary(String id, String title, String claim, String date) {
    }

    /** @param via the document the evidence was quoted from when it is not the paper's abstract */
    public record SupportingPaper(String id, String title, String arxiv, String date, List<String> evidence, String via) {
        public SupportingPaper {
            evidence = List.copyOf(evidence);
        }
    }

    /** @param direction {@code outgoing}: this note {@code relation} the other; {@code incoming}: the other to this one */
    public record RelatedNote(String relation, String direction, String id, String title) {
    }

    public record LawRef(String id, String name, String formula) {
    }

    public record AxisRef(String id, String label) {
    }

    public record CeilingRef(String id, String label, String value, String task, String condition) {
    }

    /** A ceiling and how many notes report it. */
    public record CeilingSummary(String id, String label, String value, String task, String condition, int notes) {
    }

    /**
     * A relation between two notes as seen from one of them.
     *
     * @param direction {@code outgoing}: this note states {@code relation} to the other; {@code incoming}: the other does
     * @param on        what the two differ or agree on, or {@code null} when the notes do not say
     */
    public record Relation(String relation, String direction, String id, String on) {
    }

    /** A note near another in the graph, and how: a relation, a shared ceiling, law or axis. */
    public record Neighbour(String id, String via) {
    }

    /** A note as listed: id, question and claim. */
    public record NoteRef(String id, String title, String claim) {
    }

    /**
     * An axis of the scheme: its label, its broader axis ({@code null} under a top concept), and the top concept it falls
     * under: {@link #SCALING} for what a law scales along, {@link #DOMAINS} for the kind of model or data.
     */
    public record AxisLabel(String id, String label, String broader, String family) {
        public static final String SCALING = "scaling-axes";
        public static final String DOMAINS = "domains";

        public boolean scaling() {
            return SCALING.equals(family);
        }

        public boolean domain() {
            return DOMAINS.equals(family);
        }
    }

    /** An axis of the scheme with the number of notes on it or on a narrower axis. */
    public record AxisSummary(String id, String label, String broader, int notes) {
    }
}
