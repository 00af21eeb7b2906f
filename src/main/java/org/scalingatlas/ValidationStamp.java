package org.scalingatlas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, fingerprint, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // only an optimisation: the next start validates again
        }
    }
}
