package org.scalingatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.CorpusException;
import org.scalingatlas.retrieve.Embedder;

/** The pieces start-up is made of: loads side by side, failures as they were thrown, the model that loads late. */
class BackgroundLoadTest {

    @Test
    void should_run_loads_side_by_side() {
        // each load waits for the other to have started: they finish only if they run at the same time
        CountDownLatch both = new CountDownLatch(2);
        BackgroundLoad<String> one = new BackgroundLoad<>("one", () -> meet(both, "one"));
        BackgroundLoad<String> two = new BackgroundLoad<>("two", () -> meet(both, "two"));
        assertEquals("one", one.get());
        assertEquals("two", two.get());
        assertTrue(one.toString().matches("one \\d+ ms"), one.toString());
    }

    private static String meet(CountDownLatch both, String name) {
        both.countDown();
        try {
            if (!both.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " ran alone: the other load never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return name;
    }

    @Test
    void should_fail_with_the_loads_own_exception() {
        CorpusException broken = new CorpusException(Path.of("corpus/notes/x.md"), 3, "not valid YAML");
        BackgroundLoad<Object> load = new BackgroundLoad<>("corpus", () -> {
            throw broken;
        });
        assertSame(broken, assertThrows(CorpusException.class, load::get));
        assertTrue(load.done());
    }

    @Test
    void should_make_a_value_on_first_use_only_once() {
        AtomicInteger made = new AtomicInteger();
        OnFirstUse<String> ontology = new OnFirstUse<>(() -> "ontology " + made.incrementAndGet());
        assertEquals(0, made.get(), "nothing is made before it is asked for");
        assertEquals("ontology 1", ontology.get());
        assertEquals("ontology 1", ontology.get());
        assertEquals(1, made.get());
    }

    @Test
    void should_name_the_embedder_before_its_model_has_loaded_and_embed_once_it_has() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LoadingEmbedder embedder = new LoadingEmbedder("fake/1", 2, () -> {
            await(release);
            return new FixedEmbedder("fake/1", 2);
        });
        assertEquals("fake/1", embedder.name());
        assertEquals(2, embedder.dimension());
        assertFalse(embedder.toString().matches(".*\\d+ ms"), "still loading: " + embedder);
        release.countDown();
        assertEquals(List.of(1.0f, 0.0f), boxed(embedder.embed("anything")));
        embedder.await();
        assertTrue(embedder.toString().matches("embedding model \\d+ ms"), embedder.toString());
    }

    @Test
    void should_refuse_a_model_that_is_not_the_one_announced() {
        LoadingEmbedder embedder = new LoadingEmbedder("fake/1", 2, () -> new FixedEmbedder("fake/2", 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, embedder::await);
        assertTrue(e.getMessage().contains("fake/2") && e.getMessage().contains("fake/1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> embedder.embed("anything"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Float> boxed(float[] vector) {
        return List.of(vector[0], vector[1]);
    }

    /** Gives every text the same unit vector. */
    private record FixedEmbedder(String name, int dimension) implements Embedder {
        @Override
        public float[] embed(String text) {
            float[] vector = new float[dimension];
            vector[0] = 1;
            return vector;
        }
    }
}
