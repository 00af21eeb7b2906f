package org.scalingatlas.api;

import java.util.List;
import org.scalingatlas.corpus.Law;

/** A law as {@code GET /api/laws/{id}} shows it: the card, the paper's check values and the commentary. */
public record LawDetail(LawCard law, List<Law.Check> checks, String commentary) {
}
