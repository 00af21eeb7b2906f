package org.scalingatlas.api;

import java.util.List;
import org.scalingatlas.graph.Trace;

/** A ceiling and the notes that report it. */
public record CeilingDetail(Trace.CeilingSummary ceiling, List<Trace.NoteRef> notes) {
}
