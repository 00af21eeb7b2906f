package org.scalingatlas.graph;

import java.nio.file.Path;

/**
 * One problem with the corpus: the file to fix, the record in it, what is wrong, and how much it matters.
 *
 * @param file     the file at fault, or {@code null} when no single file is
 * @param record   the record's IRI or id
 * @param reason   what is wrong, in words a curator acts on
 * @param severity whether the corpus cannot be served ({@link Severity#ERROR}) or only awaits curation
 */
public record Violation(Path file, String record, String reason, Severity severity) {

    /**
     * {@link #ERROR}: the corpus cannot be served until it is fixed. {@link #CURATION}: it is served, and the record is
     * on the curators' to-do list (a paper awaiting a note, a draft note); {@code ./atlas check --strict} refuses it.
     */
    public enum Severity { ERROR, CURATION }

    /** An error: the corpus cannot be served until it is fixed. */
    public Violation(Path file, String record, String reason) {
        this(file, record, reason, Severity.ERROR);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (file == null ? "" : file + ": ") + (record == null ? "" : record + ": ") + reason;
    }
}
