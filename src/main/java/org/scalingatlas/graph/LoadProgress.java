package org.scalingatlas.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * How many batches of a graph load are in the store, as a small file beside it ({@code LOADED}: "loaded of total"),
 * replaced atomically after each batch. A record for another number of batches is not this load's: it counts as none.
 */
final class LoadProgress {

    static final String FILE = "LOADED";

    private final Path file;
    private final int total;

    LoadProgress(Path folder, int total) {
        this.file = folder.resolve(FILE);
        this.total = total;
    }

    /** Batches recorded as loaded; 0 when there is no record, or one for another total. */
    int batchesLoaded() throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" of ");
        if (parts.length != 2 || !parts[1].equals(Integer.toString(total)) || !parts[0].matches("\\d{1,9}")) {
            return 0;
        }
        return Math.min(Integer.parseInt(parts[0]), total);
    }

    /** Records that the first {@code loaded} batches are in the store (written beside, forced, renamed over). */
    void record(int loaded) throws IOException {
        Path staged = file.resolveSibling(FILE + ".tmp");
        Files.writeString(staged, loaded + " of " + total, StandardCharsets.UTF_8);
        try (var channel = java.nio.channels.FileChannel.open(staged, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes a database a load from scratch must not add to (what a load of other batches left). */
    void clearDatabase(Path database) throws IOException {
        Files.deleteIfExists(file);
        if (!Files.exists(database)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(database)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
