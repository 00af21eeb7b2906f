package org.scalingatlas.graph;

import java.nio.file.Path;

/**
 * One problem with the corpus: the file to fix, the record in it, and what is wrong.
 *
 * @param file   the file at fault, or {@code null} when no single file is
 * @param record the record's IRI or id
 * @param reason what is wrong, in words a curator acts on
 */
public record Violation(Path file, String record, String reason) {

    @Override
    public String toString() {
        return (file == null ? "" : file + ": ") + (record == null ? "" : record + ": ") + reason;
    }
}
