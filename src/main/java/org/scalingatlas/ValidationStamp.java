package org.scalingatlas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalingatlas.corpus.AtomicWrites;

/** Remembers the fingerprint of the last corpus that passed validation, so an unchanged corpus is not re-validated. */
final class ValidationStamp {

    private final Path file;

    ValidationStamp(Path dataDir) {
        this.file = dataDir.resolve("VALIDATED");
    }

    boolean matches(String fingerprint) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    void record(String fingerprint) {
        try {
            AtomicWrites.replace(file, fingerprint);
        } catch (IOException e) {
            // only an optimisation: the next start validates again
        }
    }
}
