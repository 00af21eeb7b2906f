package org.scalingatlas.api;

import org.scalingatlas.corpus.Paper;

/** A paper as listed and as cited: the facts a reader checks. */
public record PaperRef(String id, String title, String arxiv, String date) {

    public static PaperRef of(Paper paper) {
        return new PaperRef(paper.id(), paper.title(), paper.arxiv(), Dates.iso(paper.date()));
    }
}
