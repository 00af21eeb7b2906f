package org.scalingatlas.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached fingerprint is the content fingerprint, and a change of any file's name, size or time is seen. */
class FingerprintTest {

    @TempDir
    Path dir;

    @Test
    void should_remember_the_content_fingerprint_only_for_settled_files_and_notice_every_change() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/notes"));
        Path cache = dir.resolve("data/FINGERPRINT");
        Path a = Files.writeString(corpus.resolve("a.md"), "alpha");
        Files.writeString(corpus.resolve("b.md"), "beta");
        Path root = dir.resolve("corpus");

        assertEquals(Fingerprint.of("v1", root), Fingerprint.cached("v1", cache, root));
        assertFalse(Files.exists(cache), "files written just now are not remembered");

        settle(root);
        String fingerprint = Fingerprint.cached("v1", cache, root);
        assertTrue(Files.exists(cache));
        assertEquals(Fingerprint.of("v1", root), fingerprint);
        assertEquals(fingerprint, Fingerprint.cached("v1", cache, root), "read back from the cache");
        assertNotEquals(fingerprint, Fingerprint.cached("v2", cache, root), "the salt is part of it");

        Files.writeString(a, "ALPHA");
        Files.setLastModifiedTime(a, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        assertEquals(Fingerprint.of("v1", root), Fingerprint.cached("v1", cache, root), "same size, another time");
        assertNotEquals(fingerprint, Fingerprint.cached("v1", cache, root));

        Files.writeString(corpus.resolve("c.md"), "gamma");
        settle(root);
        assertEquals(Fingerprint.of("v1", root), Fingerprint.cached("v1", cache, root), "a new file");
        Files.delete(corpus.resolve("c.md"));
        assertEquals(Fingerprint.of("v1", root), Fingerprint.cached("v1", cache, root), "a removed file");

        Files.writeString(cache, "garbage");
        assertEquals(Fingerprint.of("v1", root), Fingerprint.cached("v1", cache, root), "an unreadable cache is ignored");
    }

    private static void settle(Path root) throws Exception {
        FileTime old = FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS));
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, old);
            }
        }
    }
}
