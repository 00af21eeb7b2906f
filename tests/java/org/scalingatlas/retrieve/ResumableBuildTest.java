package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index is written to disk in committed batches; a build that dies part way leaves the previous index served and
 * continues from its last commit, to the same index an uninterrupted build gives.
 */
class ResumableBuildTest {

    private static final int COMMIT_EVERY = 64;

    @TempDir
    Path data;

    /** The counting embedder, failing (as a crash would stop it) once it has embedded {@code limit} texts. */
    static class DyingEmbedder extends IndexUpdateTest.CountingEmbedder {
        private final int limit;

        DyingEmbedder(int limit) {
            this.limit = limit;
        }

        @Override
        public float[] embed(String text) {
            if (embedded.get() >= limit) {
                throw new IllegalStateException("injected crash after " + limit + " passages");
            }
            return super.embed(text);
        }
    }

    private static List<Passage> passages(int count) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            passages.add(new Passage(i % 3 == 0 ? Passage.Kind.NOTE : Passage.Kind.PAPER, "record-" + i, "Scaling study " + i,
                    "Loss falls as a power law in model size, run " + i + " of the sweep."));
        }
        return passages;
    }

    @Test
    void should_commit_a_build_in_batches_recording_how_far_it_got() throws Exception {
        List<Passage> passages = passages(300);
        IndexUpdateTest.CountingEmbedder embedder = new IndexUpdateTest.CountingEmbedder();
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages, embedder, COMMIT_EVERY)) {
            assertEquals(300, index.size());
        }
        Path lucene = data.resolve(HybridIndex.FOLDER).resolve(HybridIndex.LUCENE);
        try (FSDirectory directory = FSDirectory.open(lucene)) {
            Map<String, String> last = SegmentInfos.readLatestCommit(directory).getUserData();
            assertEquals("300", last.get(StreamingIndexBuild.PASSAGES_DONE));
            assertEquals("paper:record-299", last.get(StreamingIndexBuild.LAST_KEY));
            // 300 passages, a commit every 64 (in embedding batches of 32): commits after 64, 128, 192, 256 and 300
            assertEquals(5, SegmentInfos.readLatestCommit(directory).getGeneration(), "the fifth commit (older ones are let go)");
        }
    }

    @Test
    void should_resume_a_killed_build_from_its_last_commit_and_give_the_same_index() throws Exception {
        List<Passage> passages = passages(300);
        DyingEmbedder dying = new DyingEmbedder(texts(passages.subList(0, 200)));
        assertThrows(IllegalStateException.class, () -> HybridIndex.persistent(data, "v1", passages, dying, COMMIT_EVERY));
        assertFalse(Files.exists(data.resolve(HybridIndex.FOLDER)), "a half build is never in the served place");
        Path building = data.resolve(HybridIndex.FOLDER + ".building");
        try (FSDirectory directory = FSDirectory.open(building.resolve(HybridIndex.LUCENE))) {
            assertEquals(192, StreamingIndexBuild.committedSoFar(directory, passages), "the last commit before the crash: 3 x 64");
        }

        IndexUpdateTest.CountingEmbedder resumed = new IndexUpdateTest.CountingEmbedder();
        Map<String, float[]> afterCrash;
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages, resumed, COMMIT_EVERY)) {
            assertEquals(300, index.size());
            afterCrash = documents(data.resolve(HybridIndex.FOLDER));
        }
        assertEquals(texts(passages.subList(192, 300)), resumed.embedded.get(), "only the passages after the last commit are embedded again");
        assertFalse(Files.exists(building), "the completed build took the served place");

        Path other = data.resolve("uninterrupted");
        try (HybridIndex index = HybridIndex.persistent(other, "v1", passages, new IndexUpdateTest.CountingEmbedder(), COMMIT_EVERY)) {
            assertEquals(300, index.size());
        }
        Map<String, float[]> uninterrupted = documents(other.resolve(HybridIndex.FOLDER));
        assertEquals(List.copyOf(uninterrupted.keySet()), List.copyOf(afterCrash.keySet()), "the same documents in the same order");
        uninterrupted.forEach((key, vector) -> assertArrayEquals(vector, afterCrash.get(key), key));
    }

    @Test
    void should_serve_the_previous_index_until_the_new_one_is_complete() throws Exception {
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages(100), new IndexUpdateTest.CountingEmbedder(), COMMIT_EVERY)) {
            assertEquals(100, index.size());
        }
        // a changed embedding model rebuilds from scratch; this build dies part way
        DyingEmbedder dying = new DyingEmbedder(texts(passages(150))) {
            @Override
            public String name() {
                return "counting/2";
            }
        };
        assertThrows(IllegalStateException.class, () -> HybridIndex.persistent(data, "v2", passages(300), dying, COMMIT_EVERY));

        IndexUpdateTest.CountingEmbedder untouched = new IndexUpdateTest.CountingEmbedder();
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages(100), untouched, COMMIT_EVERY)) {
            assertEquals(100, index.size(), "the previous build, whole");
            assertEquals(0, untouched.embedded.get(), "opened as it was, not rebuilt");
            assertTrue(index.search("Scaling study 250", null, 300).stream().noneMatch(h -> h.id().equals("record-250")),
                    "nothing of the unfinished build is searched");
        }
        assertTrue(Files.exists(data.resolve(HybridIndex.FOLDER + ".building")), "the interrupted build waits to be continued");

        IndexUpdateTest.CountingEmbedder second = new IndexUpdateTest.CountingEmbedder() {
            @Override
            public String name() {
                return "counting/2";
            }
        };
        try (HybridIndex index = HybridIndex.persistent(data, "v2", passages(300), second, COMMIT_EVERY)) {
            assertEquals(300, index.size());
        }
        assertEquals(texts(passages(300).subList(128, 300)), second.embedded.get(), "continued from its last commit");
    }

    @Test
    void should_start_over_when_the_interrupted_build_was_for_another_corpus() throws Exception {
        assertThrows(IllegalStateException.class, () -> HybridIndex.persistent(data, "v1", passages(300), new DyingEmbedder(texts(passages(200))), COMMIT_EVERY));
        IndexUpdateTest.CountingEmbedder embedder = new IndexUpdateTest.CountingEmbedder();
        try (HybridIndex index = HybridIndex.persistent(data, "v2", passages(250), embedder, COMMIT_EVERY)) {
            assertEquals(250, index.size());
        }
        assertEquals(texts(passages(250)), embedder.embedded.get(), "nothing of a build towards another fingerprint is kept");
    }

    /** How many texts indexing these passages embeds: each passage's text, and the title of each citable one. */
    private static int texts(List<Passage> passages) {
        return passages.size() + (int) passages.stream().filter(Passage::citable).count();
    }

    /** Key → vector of every document, in document order. */
    private static Map<String, float[]> documents(Path folder) throws Exception {
        Map<String, float[]> documents = new LinkedHashMap<>();
        try (FSDirectory directory = FSDirectory.open(folder.resolve(HybridIndex.LUCENE)); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
                var iterator = vectors.iterator();
                for (int doc = iterator.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                    String key = leaf.reader().storedFields().document(doc).get(IndexFields.KEY);
                    documents.put(key, vectors.vectorValue(iterator.index()).clone());
                }
            }
        }
        return documents;
    }
}
