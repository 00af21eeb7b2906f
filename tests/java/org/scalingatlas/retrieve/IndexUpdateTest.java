package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.corpus.DerivedFolder;

/** A changed corpus updates the persisted index in place of a rebuild: only new and changed passages are embedded. */
class IndexUpdateTest {

    @TempDir
    Path data;

    /** A deterministic embedder that counts what it embeds (the real model is not what this test is about). */
    static class CountingEmbedder implements Embedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String name() {
            return "counting/1";
        }

        @Override
        public int dimension() {
            return 8;
        }

        @Override
        public float[] embed(String text) {
            embedded.incrementAndGet();
            float[] v = new float[8];
            for (int i = 0; i < text.length(); i++) {
                v[text.charAt(i) % 8] += 1;
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int i = 0; i < 8; i++) {
                v[i] = (float) (v[i] / Math.sqrt(norm));
            }
            return v;
        }
    }

    private static List<Passage> passages(int count) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            passages.add(new Passage(Passage.Kind.PAPER, "paper-" + i, "Scaling study " + i, "Loss falls as a power law in model size " + i + "."));
        }
        return passages;
    }

    @Test
    void should_embed_only_the_new_changed_passages_and_drop_removed_ones() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder();
        List<Passage> first = passages(50);
        try (HybridIndex index = HybridIndex.persistent(data, "v1", first, embedder)) {
            assertEquals(50, index.size());
        }
        assertEquals(50, embedder.embedded.get());

        List<Passage> second = new ArrayList<>(first.subList(1, 50));
        second.set(0, new Passage(Passage.Kind.PAPER, "paper-1", "Scaling study 1, revised", "A changed abstract about data repetition."));
        second.add(new Passage(Passage.Kind.PAPER, "paper-new", "Parallel streams", "Running parallel streams scales like parameters."));
        embedder.embedded.set(0);
        try (HybridIndex index = HybridIndex.persistent(data, "v2", second, embedder)) {
            assertEquals(50, index.size(), "49 kept or changed, 1 removed, 1 added");
            assertEquals(2, embedder.embedded.get(), "only the changed and the new passage are embedded");
            List<Hit> hits = index.search("parallel streams", null, 5);
            assertEquals("paper-new", hits.get(0).id());
            assertTrue(index.search("revised data repetition", null, 5).stream().anyMatch(h -> h.id().equals("paper-1")));
            assertTrue(index.search("study 0", Passage.Kind.PAPER, 60).stream().noneMatch(h -> h.id().equals("paper-0")), "the removed passage is gone");
        }
    }

    @Test
    void should_rebuild_when_the_embedding_model_changes() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder();
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages(10), embedder)) {
            assertEquals(10, index.size());
        }
        CountingEmbedder other = new CountingEmbedder() {
            @Override
            public String name() {
                return "counting/2";
            }
        };
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages(10), other)) {
            assertEquals(10, other.embedded.get(), "another model's vectors cannot be kept");
        }
    }

    @Test
    void should_rebuild_an_index_written_in_another_document_format() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder();
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages(10), embedder)) {
            assertEquals(10, index.size());
        }
        // an index written before documents said whether they are citable recorded the model's name alone
        try (var folders = Files.walk(data)) {
            for (Path stamp : folders.filter(f -> f.getFileName().toString().equals("EMBEDDER")).toList()) {
                Files.writeString(stamp, embedder.name());
            }
        }
        assertEquals(10, embeddedOnOpening("v2", embedder), "documents of another format are not kept, though their text is unchanged");
    }

    @Test
    void should_rebuild_an_index_of_another_document_format_even_when_the_corpus_is_unchanged() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder();
        try (HybridIndex index = HybridIndex.persistent(data, "v1", passages(10), embedder)) {
            assertEquals(10, index.size());
        }
        // the stamps an index of the previous format recorded: the folder's named the corpus and the model, not the format
        Path folder = data.resolve(HybridIndex.FOLDER);
        Files.writeString(folder.resolve(DerivedFolder.STAMP), "v1 " + embedder.name());
        Files.writeString(folder.resolve("EMBEDDER"), embedder.name() + "\ndocuments " + (HybridIndex.DOCUMENT_FORMAT - 1));
        assertEquals(10, embeddedOnOpening("v1", embedder), "the same corpus and model, but documents of another format");
        assertEquals(0, embeddedOnOpening("v1", embedder), "an index of this format is opened as it is");
    }

    /** How many texts opening the persisted index of {@link #passages passages(10)} under a fingerprint embeds. */
    private int embeddedOnOpening(String fingerprint, CountingEmbedder embedder) throws Exception {
        embedder.embedded.set(0);
        try (HybridIndex index = HybridIndex.persistent(data, fingerprint, passages(10), embedder)) {
            assertEquals(10, index.size());
        }
        return embedder.embedded.get();
    }

    @Test
    void should_keep_the_title_embedding_of_every_passage_an_answer_may_cite() throws Exception {
        CountingEmbedder embedder = new CountingEmbedder();
        Passage note = new Passage(Passage.Kind.NOTE, "why-loss-falls", "Why does loss fall with size?", "Loss falls as a power law.", true);
        Passage awaiting = new Passage(Passage.Kind.PAPER, "paper-new", "Parallel streams", "Streams scale like parameters.", true);
        Passage restsOn = new Passage(Passage.Kind.PAPER, "paper-0", "Scaling study", "Loss falls as a power law in model size.", false);
        try (HybridIndex index = HybridIndex.persistent(data, "v1", List.of(note, awaiting, restsOn), embedder)) {
            assertEquals(5, embedder.embedded.get(), "three texts and two titles, in one pass");
            float[] title = embedder.embed(note.title());
            assertEquals(1.0, index.titleSimilarity(new Passage.Ref(Passage.Kind.NOTE, "why-loss-falls"), title).orElseThrow(), 1e-6);
            float[] other = embedder.embed("zzzz");
            double expected = 0;
            float[] streams = embedder.embed(awaiting.title());
            for (int i = 0; i < other.length; i++) {
                expected += other[i] * streams[i];
            }
            assertEquals(expected, index.titleSimilarity(new Passage.Ref(Passage.Kind.PAPER, "paper-new"), other).orElseThrow(), 1e-6);
            assertTrue(index.titleSimilarity(new Passage.Ref(Passage.Kind.PAPER, "paper-0"), title).isEmpty(), "a paper cited through its notes has no title embedding");
            assertTrue(index.titleSimilarity(new Passage.Ref(Passage.Kind.NOTE, "no-such-note"), title).isEmpty());
        }
    }

    @Test
    void should_keep_no_titles_for_an_embedder_that_only_stands_in_for_the_model() throws Exception {
        CountingEmbedder standIn = new CountingEmbedder() {
            @Override
            public boolean embedsTitles() {
                return false;
            }
        };
        Passage note = new Passage(Passage.Kind.NOTE, "why-loss-falls", "Why does loss fall with size?", "Loss falls as a power law.", true);
        try (HybridIndex index = HybridIndex.persistent(data, "v1", List.of(note), standIn)) {
            assertEquals(1, standIn.embedded.get(), "the note's text alone");
            assertTrue(index.titleSimilarity(new Passage.Ref(Passage.Kind.NOTE, "why-loss-falls"), standIn.embed(note.title())).isEmpty());
        }
    }
}
