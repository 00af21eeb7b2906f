package org.scalingatlas.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over the names and contents of every file under some folders: derived data (the graph store, the
 * indexes) records the fingerprint it was built from and is rebuilt when it no longer matches.
 *
 * <p>{@link #cached} remembers the fingerprint against the files' names, sizes and
 * modification times, as git's index does, so that reading every file again (a sixth of a second for the bundled
 * corpus, most of a one-question CLI run) is needed only after something changed. A listing whose newest file is less
 * than {@link #SETTLE} old is not remembered: a file rewritten again within the file system's clock tick would keep
 * its time.
 */
public final class Fingerprint {

    static final Duration SETTLE = Duration.ofSeconds(2);

    private Fingerprint() {
    }

    /** @param salt the builder's own version, so a change to how data is derived also forces a rebuild */
    public static String of(String salt, Path... folders) {
        return contentDigest(salt, files(folders));
    }

    /** The same fingerprint, read from {@code cache} when no file's name, size or time changed since it was written. */
    public static String cached(String salt, Path cache, Path... folders) {
        List<Entry> files = files(folders);
        String listing = listingDigest(salt, files);
        String remembered = remembered(cache, listing);
        if (remembered != null) {
            return remembered;
        }
        String fingerprint = contentDigest(salt, files);
        Instant newest = files.stream().map(Entry::modified).max(Instant::compareTo).orElse(Instant.EPOCH);
        if (newest.isBefore(Instant.now().minus(SETTLE))) {
            remember(cache, listing, fingerprint);
        }
        return fingerprint;
    }

    private record Entry(Path folder, Path file, long size, Instant modified) {
        String name() {
            return folder.relativize(file).toString();
        }
    }

    private static List<Entry> files(Path... folders) {
        List<Entry> entries = new ArrayList<>();
        try {
            for (Path folder : folders) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        entries.add(new Entry(folder, file, attributes.size(), attributes.lastModifiedTime().toInstant()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + e.getMessage(), e);
        }
        return entries;
    }

    private static String contentDigest(String salt, List<Entry> files) {
        MessageDigest digest = sha256(salt);
        try {
            for (Entry entry : files) {
                digest.update(entry.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(entry.file()));
                digest.update((byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String listingDigest(String salt, List<Entry> files) {
        MessageDigest digest = sha256(salt);
        for (Entry entry : files) {
            String line = entry.folder().toAbsolutePath() + "\0" + entry.name() + "\0" + entry.size() + "\0" + entry.modified() + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String remembered(Path cache, String listing) {
        try {
            String[] line = Files.readString(cache, StandardCharsets.UTF_8).strip().split(" ");
            return line.length == 2 && line[0].equals(listing) ? line[1] : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Replaced atomically, so a reader sees the old line or the new one; failing only costs speed. */
    private static void remember(Path cache, String listing, String fingerprint) {
        try {
            AtomicWrites.replace(cache, listing + " " + fingerprint + "\n");
        } catch (IOException e) {
            // only an optimisation: the next run reads the files again
        }
    }

    private static MessageDigest sha256(String salt) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
