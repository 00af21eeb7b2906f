package org.scalingatlas.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a set of files under one folder all or nothing, surviving a crash at any point.
 *
 * <ol>
 *   <li>every new content goes to {@code NAME.atlas-tmp} beside its target and is forced to disk;</li>
 *   <li>a journal naming the targets is written and atomically renamed into place: the commit point;</li>
 *   <li>each temporary file is atomically renamed over its target; then the journal is removed.</li>
 * </ol>
 * {@link #recover} finishes a committed set (journal present) and discards an uncommitted one (temporary files
 * without a journal). Every write to the folder calls it first.
 */
public final class AtomicWrites {

    static final String TMP_SUFFIX = ".atlas-tmp";
    static final String JOURNAL = ".atlas-journal";

    private AtomicWrites() {
    }

    /** Writes every (file → text) pair; all files must lie under {@code root}. */
    public static void commit(Path root, Map<Path, String> contents) {
        recover(root);
        if (contents.isEmpty()) {
            return;
        }
        try {
            List<String> targets = new ArrayList<>();
            for (Map.Entry<Path, String> entry : contents.entrySet()) {
                Path target = entry.getKey().toAbsolutePath().normalize();
                Path absoluteRoot = root.toAbsolutePath().normalize();
                if (!target.startsWith(absoluteRoot)) {
                    throw new IllegalArgumentException(target + " is outside " + absoluteRoot);
                }
                Files.createDirectories(target.getParent());
                writeDurably(tmp(target), entry.getValue());
                targets.add(absoluteRoot.relativize(target).toString());
            }
            Path journal = root.resolve(JOURNAL);
            Path journalTmp = root.resolve(JOURNAL + TMP_SUFFIX);
            writeDurably(journalTmp, String.join("\n", targets) + "\n");
            Files.move(journalTmp, journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            rollForward(root, journal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + root + ": " + e.getMessage(), e);
        }
    }

    /** Completes an interrupted commit or discards an uncommitted one, leaving no temporary files. */
    public static void recover(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Path journal = root.resolve(JOURNAL);
            if (Files.exists(journal)) {
                rollForward(root, journal);
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path stray : files.filter(p -> p.getFileName().toString().endsWith(TMP_SUFFIX)).toList()) {
                    Files.deleteIfExists(stray);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot recover " + root + ": " + e.getMessage(), e);
        }
    }

    private static void rollForward(Path root, Path journal) throws IOException {
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Path target = root.resolve(line);
            Path tmp = tmp(target);
            if (Files.exists(tmp)) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(journal);
    }

    /**
     * Replaces one file outside the corpus (an export, a stamp, a cache): written to a temporary file beside it,
     * forced to disk, then renamed over it, so a reader sees the old content or the new, never part of it. Concurrent
     * writers each use their own temporary file; the last rename wins.
     */
    public static void replace(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), TMP_SUFFIX);
        try {
            writeDurably(tmp, text);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path tmp(Path target) {
        return target.resolveSibling(target.getFileName() + TMP_SUFFIX);
    }

    private static void writeDurably(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }
}
