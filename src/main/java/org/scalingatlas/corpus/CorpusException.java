package org.scalingatlas.corpus;

import java.nio.file.Path;

/** A corpus file that cannot be read or written, with the file (and line, when known) at fault. */
public class CorpusException extends RuntimeException {

    private final transient Path file;
    private final int line;

    public CorpusException(Path file, int line, String message) {
        super(location(file, line) + message);
        this.file = file;
        this.line = line;
    }

    public CorpusException(Path file, String message, Throwable cause) {
        super(location(file, 0) + message, cause);
        this.file = file;
        this.line = 0;
    }

    private static String location(Path file, int line) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the fault is not on one line. */
    public int line() {
        return line;
    }
}
