package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.scalingatlas.graph.Trace;

/** A trace as readable text for the terminal. */
final class TraceText {

    private TraceText() {
    }

    static void print(Trace trace, PrintWriter out) {
        Trace.NoteSummary note = trace.note();
        out.println(note.title());
        out.println("  " + note.claim());
        out.println("  note: " + note.id() + (note.date() == null ? "" : "   date: " + note.date()));
        if (!trace.axes().isEmpty()) {
            out.println("  axes: " + trace.axes().stream().map(Trace.AxisRef::label).collect(Collectors.joining(", ")));
        }
        out.println();
        out.println("Supported by " + trace.papers().size() + (trace.papers().size() == 1 ? " paper" : " papers"));
        for (Trace.SupportingPaper paper : trace.papers()) {
            String facts = (paper.arxiv() == null ? "" : "arXiv:" + paper.arxiv() + ", ") + (paper.date() == null ? "date unknown" : paper.date());
            out.println("  " + paper.title() + " (" + facts + ")  [" + paper.id() + "]");
            for (String evidence : paper.evidence()) {
                out.println("    > " + evidence);
            }
            if (paper.via() != null) {
                out.println("    (quoted via " + paper.via() + ")");
            }
        }
        if (!trace.related().isEmpty()) {
            out.println();
            out.println("Related notes");
            for (Trace.RelatedNote related : trace.related()) {
                String arrow = related.direction().equals("outgoing") ? "this note " + related.relation() : "is " + past(related.relation()) + " by";
                out.println("  " + arrow + ": " + related.title() + "  [" + related.id() + "]");
            }
        }
        if (!trace.ceilings().isEmpty()) {
            out.println();
            out.println("Ceilings");
            for (Trace.CeilingRef ceiling : trace.ceilings()) {
                out.println("  " + ceiling.label() + ": " + ceiling.value() + " on " + ceiling.task() + ", " + ceiling.condition());
            }
        }
        if (!trace.laws().isEmpty()) {
            out.println();
            out.println("Laws");
            trace.laws().forEach(law -> out.println("  " + law.name() + ": " + law.formula() + "  [" + law.id() + "]"));
        }
    }

    private static String past(String relation) {
        return switch (relation) {
            case "supports" -> "supported";
            case "disagrees" -> "disagreed with";
            case "refines" -> "refined";
            case "extends" -> "extended";
            default -> relation;
        };
    }
}
