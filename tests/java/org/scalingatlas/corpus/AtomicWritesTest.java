package org.scalingatlas.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWritesTest {

    @TempDir
    Path root;

    @Test
    void should_write_every_file_when_committing_a_set() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(root.resolve("papers/a.md"), "A");
        files.put(root.resolve("papers/b.md"), "B");
        AtomicWrites.commit(root, files);
        assertEquals("A", Files.readString(root.resolve("papers/a.md")));
        assertEquals("B", Files.readString(root.resolve("papers/b.md")));
        assertEquals(0, leftovers());
    }

    @Test
    void should_discard_the_new_files_when_a_crash_came_before_the_commit_point() throws IOException {
        Files.createDirectories(root.resolve("papers"));
        Files.writeString(root.resolve("papers/a.md"), "old A");
        // a crash after staging, before the journal: only temporary files exist
        Files.writeString(root.resolve("papers/a.md" + AtomicWrites.TMP_SUFFIX), "new A");
        Files.writeString(root.resolve("papers/b.md" + AtomicWrites.TMP_SUFFIX), "new B");
        AtomicWrites.recover(root);
        assertEquals("old A", Files.readString(root.resolve("papers/a.md")));
        assertFalse(Files.exists(root.resolve("papers/b.md")));
        assertEquals(0, leftovers());
    }

    @Test
    void should_finish_every_file_when_a_crash_came_after_the_commit_point() throws IOException {
        Files.createDirectories(root.resolve("papers"));
        Files.writeString(root.resolve("papers/a.md"), "new A"); // already renamed before the crash
        Files.writeString(root.resolve("papers/b.md" + AtomicWrites.TMP_SUFFIX), "new B");
        Files.writeString(root.resolve(AtomicWrites.JOURNAL), "papers/a.md\npapers/b.md\n");
        AtomicWrites.recover(root);
        assertEquals("new A", Files.readString(root.resolve("papers/a.md")));
        assertEquals("new B", Files.readString(root.resolve("papers/b.md")));
        assertEquals(0, leftovers());
    }

    @Test
    void should_refuse_a_file_outside_the_root() {
        assertThrows(IllegalArgumentException.class, () -> AtomicWrites.commit(root, Map.of(root.resolve("../escape.md"), "x")));
    }

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(AtomicWrites.TMP_SUFFIX) || n.equals(AtomicWrites.JOURNAL)).count();
        }
    }

    @Test
    void should_refuse_a_second_writer_while_the_lock_is_held() throws Exception {
        PaperStore store = new PaperStore(root);
        try (AutoCloseable held = store.lockForWriting()) {
            CorpusException e = assertThrows(CorpusException.class, store::lockForWriting);
            assertTrue(e.getMessage().contains("another ingest"), e.getMessage());
        }
        try (AutoCloseable again = store.lockForWriting()) {
            assertTrue(Files.exists(root.resolve(".atlas-lock")));
        }
    }
}
