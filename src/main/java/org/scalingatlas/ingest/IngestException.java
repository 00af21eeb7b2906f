package org.scalingatlas.ingest;

import java.nio.file.Path;
import org.scalingatlas.corpus.CorpusException;

/** An input file that cannot be imported; names the file and, when known, the line. */
public final class IngestException extends CorpusException {

    public IngestException(Path file, int line, String message) {
        super(file, line, message);
    }
}
