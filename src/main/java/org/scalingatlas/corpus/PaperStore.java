package org.scalingatlas.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The papers of a corpus folder: one {@code papers/ID.md} file each. */
public final class PaperStore {

    public static final String PAPERS = "papers";
    private static final String LOCK = ".atlas-lock";

    private final Path corpusDir;

    public PaperStore(Path corpusDir) {
        this.corpusDir = corpusDir;
    }

    public Path corpusDir() {
        return corpusDir;
    }

    public Path fileOf(String id) {
        return corpusDir.resolve(PAPERS).resolve(id + ".md");
    }

    /** Every paper, sorted by id; a file that does not parse is an error naming it. */
    public List<Paper> loadAll() {
        List<CorpusException> problems = new ArrayList<>();
        List<Paper> papers = Corpus.readAll(corpusDir.resolve(PAPERS), PaperFile::parse, Paper::id, problems);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return papers;
    }

    /** Writes the given papers all or nothing. */
    public void saveAll(Collection<Paper> papers) {
        Map<Path, String> contents = new LinkedHashMap<>();
        for (Paper paper : papers) {
            contents.put(fileOf(paper.id()), PaperFile.render(paper));
        }
        AtomicWrites.commit(corpusDir, contents);
    }

    /** Finishes or discards a write interrupted by a crash. */
    public void recover() {
        AtomicWrites.recover(corpusDir);
    }

    /**
     * Takes the corpus's write lock for the caller's lifetime of the returned handle; a second writer, in this or
     * another process, is refused with a clear message rather than made to wait.
     */
    public AutoCloseable lockForWriting() {
        try {
            Files.createDirectories(corpusDir);
            FileChannel channel = FileChannel.open(corpusDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new CorpusException(corpusDir, 0, "another ingest is writing to this corpus; try again when it has finished");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + corpusDir + ": " + e.getMessage(), e);
        }
    }
}
