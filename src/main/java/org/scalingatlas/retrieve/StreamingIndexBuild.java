package org.scalingatlas.retrieve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes passages straight into a Lucene index on disk, in corpus order, committing every {@code commitEvery}
 * passages with how many are in and the last one's key in the commit's user data. The heap holds the writer's RAM
 * buffer and one batch of embeddings, whatever the number of passages. Run again on the same folder after a crash
 * (a kill, a failed embedding), it continues after the last commit: what was added since is discarded, never
 * counted twice, because the writer never commits on close.
 */
final class StreamingIndexBuild {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingIndexBuild.class);
    /** Commit user data: how many passages, in corpus order, the commit holds. */
    static final String PASSAGES_DONE = "atlas.passages-done";
    /** Commit user data: the key of the last passage the commit holds, to check the order is still the same. */
    static final String LAST_KEY = "atlas.last-key";
    /** A file in the build folder saying its index is being written by this class (and so can be continued). */
    private static final String MARKER = "STREAMING-BUILD";
    static final int COMMIT_EVERY = 50_000;
    /** Flushed segments of about this size; with the merges' HNSW graphs, what bounds the build's heap. */
    private static final double RAM_BUFFER_MB = 256;
    private static final int EMBEDDING_BATCH = 32;

    private StreamingIndexBuild() {
    }

    /** Whether {@code folder} holds a build this class started (complete or not). */
    static boolean startedIn(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER));
    }

    /**
     * Builds, or continues building, the index of {@code passages} in {@code folder/lucene}.
     *
     * @return how many passages this call added (the rest were in the index already)
     */
    static int run(Path folder, List<Passage> passages, Embedder embedder, int commitEvery) throws IOException {
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1, got " + commitEvery);
        }
        Files.createDirectories(folder);
        if (!startedIn(folder)) {
            Files.writeString(folder.resolve(MARKER), "passages committed in batches; the last commit's user data says how far", StandardCharsets.UTF_8);
        }
        long started = System.nanoTime();
        try (Directory directory = FSDirectory.open(folder.resolve(HybridIndex.LUCENE))) {
            int from = committedSoFar(directory, passages);
            if (from > 0) {
                LOG.info("continuing the index build after passage {} of {} (its last commit)", from, passages.size());
            } else {
                LOG.info("indexing {} passages into {} (BM25 and {} embeddings, a commit every {})", passages.size(), folder, embedder.name(), commitEvery);
            }
            IndexWriterConfig config = new IndexWriterConfig(HybridIndex.analyzer()).setRAMBufferSizeMB(RAM_BUFFER_MB).setCommitOnClose(false)
                    .setOpenMode(from == 0 ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                int sinceCommit = 0;
                for (int at = from; at < passages.size(); at += EMBEDDING_BATCH) {
                    List<Passage> slice = passages.subList(at, Math.min(passages.size(), at + EMBEDDING_BATCH));
                    writer.addDocuments(HybridIndex.documents(slice, embedder));
                    sinceCommit += slice.size();
                    int done = at + slice.size();
                    if (sinceCommit >= commitEvery || done == passages.size()) {
                        commit(writer, done, passages.get(done - 1).key());
                        sinceCommit = 0;
                        double seconds = (System.nanoTime() - started) / 1e9;
                        LOG.info("indexed {}/{} passages, committed ({} passages/s this run)", done, passages.size(),
                                Math.round((done - from) / Math.max(seconds, 1e-3)));
                    }
                }
                if (from == passages.size() && from == 0) {
                    commit(writer, 0, ""); // an empty corpus: an empty, committed index
                }
            }
            return passages.size() - from;
        }
    }

    private static void commit(IndexWriter writer, int done, String lastKey) throws IOException {
        writer.setLiveCommitData(Map.of(PASSAGES_DONE, Integer.toString(done), LAST_KEY, lastKey).entrySet());
        writer.commit();
    }

    /**
     * How many passages the last commit holds, when its record matches {@code passages} (the same key at the same
     * place); 0 when there is no commit yet or when it does not match (then the build starts over).
     */
    static int committedSoFar(Directory directory, List<Passage> passages) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return 0;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        String done = data.get(PASSAGES_DONE);
        if (done == null) {
            LOG.warn("the index being built has no progress record; starting it over");
            return 0;
        }
        int count = Integer.parseInt(done);
        if (count > passages.size() || (count > 0 && !passages.get(count - 1).key().equals(data.get(LAST_KEY)))) {
            LOG.warn("the index being built was for other passages (passage {} is not {}); starting it over", count, data.get(LAST_KEY));
            return 0;
        }
        return count;
    }
}
