package org.scalingatlas.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of data derived from the corpus (the graph store, the search index) that records the stamp it was built
 * from. When the stamp no longer matches, the folder is built anew beside the old one and swapped in, so a crash
 * mid-build leaves the previous folder in place.
 */
public final class DerivedFolder {

    public static final String STAMP = "FINGERPRINT";

    /** Builds the contents of a fresh, empty folder. */
    @FunctionalInterface
    public interface Builder {
        void build(Path folder) throws IOException;
    }

    private DerivedFolder() {
    }

    /** @return {@code dataDir/name}, built by {@code builder} unless it already carries {@code stamp} */
    public static Path ensure(Path dataDir, String name, String stamp, Builder builder) {
        Path dir = dataDir.resolve(name);
        try {
            if (stamp.equals(stampOf(dir))) {
                return dir;
            }
            Files.createDirectories(dataDir);
            Path fresh = Files.createTempDirectory(dataDir, name + ".new-");
            builder.build(fresh);
            Files.writeString(fresh.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            Path old = dataDir.resolve(name + ".old");
            deleteRecursively(old);
            if (Files.exists(dir)) {
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String stampOf(Path dir) throws IOException {
        Path file = dir.resolve(STAMP);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
