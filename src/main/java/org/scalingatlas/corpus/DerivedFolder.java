package org.scalingatlas.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of data derived from the corpus (the graph store, the search index) that records the stamp it was built
 * from. When the stamp no longer matches, the folder is built anew beside the old one and swapped in, so a crash
 * mid-build leaves the previous folder in place.
 */
public final class DerivedFolder {

    public static final String STAMP = "FINGERPRINT";
    private static final String LOCK = ".build-lock";
    private static final String FRESH = ".new-";
    private static final String OLD = ".old";
    /** The one folder a resumable build writes into, kept across a crash so the next run continues it. */
    private static final String BUILDING = ".building";
    /** Inside a resumable build's folder: the stamp it is building towards. */
    private static final String TARGET = "BUILDING-FOR";

    /** Builds the contents of a fresh, empty folder. */
    @FunctionalInterface
    public interface Builder {
        void build(Path folder) throws IOException;
    }

    private DerivedFolder() {
    }

    /**
     * @return {@code dataDir/name}, built by {@code builder} unless it already carries {@code stamp}. Builds are
     *     serialised, within this process and across processes (a lock file in {@code dataDir}), so a server and an
     *     {@code ./atlas index} never build the same folder at once; under the lock, what a killed build left behind is
     *     cleared first.
     */
    public static Path ensure(Path dataDir, String name, String stamp, Builder builder) {
        return unlessStamped(dataDir, name, stamp, () -> build(dataDir, name, stamp, builder));
    }

    /**
     * Like {@link #ensure}, for builds long enough to be worth resuming: the build writes into one folder,
     * {@code dataDir/name.building}, that a crash or a failure leaves in place. The next call with the same stamp hands
     * the builder that folder again, with what it had written, so the builder can continue from its own progress
     * record; a call with another stamp clears it first. Until the build completes, {@code dataDir/name} (the previous
     * build) stays as it was and is what readers open.
     */
    public static Path ensureResumable(Path dataDir, String name, String stamp, Builder builder) {
        return unlessStamped(dataDir, name, stamp, () -> {
            Path building = dataDir.resolve(name + BUILDING);
            Path target = building.resolve(TARGET);
            if (Files.exists(building) && !(Files.isRegularFile(target) && stamp.equals(Files.readString(target, StandardCharsets.UTF_8).strip()))) {
                deleteRecursively(building); // a build towards another stamp: of no use to this one
            }
            if (!Files.exists(building)) {
                Path fresh = Files.createTempDirectory(dataDir, name + FRESH);
                Files.writeString(fresh.resolve(TARGET), stamp, StandardCharsets.UTF_8);
                Files.move(fresh, building, StandardCopyOption.ATOMIC_MOVE);
            }
            builder.build(building);
            Files.writeString(building.resolve(STAMP), stamp, StandardCharsets.UTF_8);
            Files.delete(target);
            return swapIn(dataDir, name, building);
        });
    }

    /** A build that gives the folder it completed. */
    @FunctionalInterface
    private interface Build {
        Path run() throws IOException;
    }

    /**
     * {@code dataDir/name} as it is when it carries {@code stamp}; otherwise what {@code build} gives, run under the
     * build lock (within this process and across processes, so a server and an {@code ./atlas index} never build the
     * same folder at once) after clearing what a killed build left behind, unless another process built it meanwhile.
     */
    private static Path unlessStamped(Path dataDir, String name, String stamp, Build build) {
        Path dir = dataDir.resolve(name);
        try {
            if (stamp.equals(stampOf(dir))) {
                return dir;
            }
            Files.createDirectories(dataDir);
            synchronized (DerivedFolder.class) {
                try (FileChannel channel = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    recover(dataDir, name);
                    if (stamp.equals(stampOf(dir))) {
                        return dir; // built by another process while this one waited
                    }
                    return build.run();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path build(Path dataDir, String name, String stamp, Builder builder) throws IOException {
        Path fresh = Files.createTempDirectory(dataDir, name + FRESH);
        try {
            builder.build(fresh);
            Files.writeString(fresh.resolve(STAMP), stamp, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(fresh);
            throw e;
        }
        return swapIn(dataDir, name, fresh);
    }

    /** Puts a completed build in place of the previous one: set the old aside, rename the new in, delete the old. */
    private static Path swapIn(Path dataDir, String name, Path fresh) throws IOException {
        Path dir = dataDir.resolve(name);
        Path old = dataDir.resolve(name + OLD);
        deleteRecursively(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
        return dir;
    }

    /**
     * What a build killed part-way leaves: half-built folders (removed), or, killed between its two renames, the
     * previous folder set aside with none in its place (put back).
     */
    static void recover(Path dataDir, String name) throws IOException {
        try (Stream<Path> siblings = Files.list(dataDir)) {
            for (Path stale : siblings.filter(p -> p.getFileName().toString().startsWith(name + FRESH)).toList()) {
                deleteRecursively(stale);
            }
        }
        Path dir = dataDir.resolve(name);
        Path old = dataDir.resolve(name + OLD);
        if (!Files.exists(dir) && stampOf(old) != null) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
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
