package org.scalingatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.cli.AtlasCli;
import org.scalingatlas.graph.KnowledgeGraph;

/**
 * {@code kill -9} in the middle of an ingest and of an index build, in a real child JVM: the previous corpus and index
 * stay intact and usable, and the next start recovers (an ingest is finished or undone as a whole) or completes the interrupted build by
 * itself.
 */
@Slow
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void should_leave_the_corpus_whole_when_an_ingest_is_killed_while_writing() throws Exception {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, dir.resolve("corpus"));
        Map<String, String> before = snapshot(corpus);
        Path reference = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, dir.resolve("reference"));
        assertEquals(0, cli("ingest", "--listing-year", "2026", "--corpus", reference.toString(), seeds()[0], seeds()[1], seeds()[2]));
        Map<String, String> after = snapshot(reference);

        Process ingest = child(Map.of(), "ingest", "--listing-year", "2026", "--corpus", corpus.toString(), seeds()[0], seeds()[1], seeds()[2]);
        killWhen(ingest, () -> anyFileEndingWith(corpus.resolve("papers"), ".atlas-tmp"), "the ingest writing its new files");

        Atlas reopened = TestAtlas.open(corpus, dir.resolve("data"));
        Map<String, String> recovered = snapshot(corpus);
        assertTrue(recovered.equals(before) || recovered.equals(after),
                "the corpus is the one before the ingest or the one after it, never a mix: " + recovered.size() + " files, before " + before.size() + ", after " + after.size());
        assertFalse(anyFileEndingWith(corpus, ".atlas-tmp"), "no temporary file is left");
        assertEquals(recovered.keySet().stream().filter(f -> f.startsWith("papers/")).count(), reopened.corpus().papers().size());

        assertEquals(0, cli("ingest", "--listing-year", "2026", "--corpus", corpus.toString(), seeds()[0], seeds()[1], seeds()[2]));
        assertEquals(after, snapshot(corpus), "ingesting again gives the corpus an uninterrupted ingest gives");
    }

    @Test
    void should_keep_the_previous_index_and_complete_the_build_by_itself_when_an_index_build_is_killed() throws Exception {
        Path corpus = TestAtlas.copy(TestAtlas.REAL_CORPUS, dir.resolve("corpus"));
        Path data = dir.resolve("data");
        Atlas first = Atlas.open(TestAtlas.config(corpus, data), KnowledgeGraph.Storage.PERSISTENT);
        int passages = first.index().size();
        String builtFrom = Files.readString(data.resolve("index/FINGERPRINT"));

        // every note's claim changes, so the next build re-embeds 190 passages: long enough to be caught part-way
        try (Stream<Path> notes = Files.list(corpus.resolve("notes"))) {
            for (Path note : notes.toList()) {
                Files.writeString(note, Files.readString(note).replaceFirst("(?m)^claim: >-\\n(\\s+)", "claim: >-\n$1Revised: "));
            }
        }
        Process index = child(Map.of("ATLAS_CORPUS_DIR", corpus.toString(), "ATLAS_DATA_DIR", data.toString()), "index");
        killWhen(index, () -> anyFileStartingWith(data, "index.building"), "the index being rebuilt");

        assertEquals(builtFrom, Files.readString(data.resolve("index/FINGERPRINT")), "the previous index is still in place");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(data.resolve("index/lucene")))) {
            assertEquals(passages, reader.numDocs(), "and it opens with every passage");
        }

        Atlas reopened = Atlas.open(TestAtlas.config(corpus, data), KnowledgeGraph.Storage.PERSISTENT);
        assertNotEquals(builtFrom, Files.readString(data.resolve("index/FINGERPRINT")), "the next start rebuilt it");
        assertEquals(passages, reopened.index().size());
        assertFalse(anyFileStartingWith(data, "index.building") || anyFileStartingWith(data, "index.new-"),
                "the interrupted build was taken up, completed and put in place");
        String question = "Does depth matter more than width for tiny language models?";
        assertTrue(reopened.pipeline().ask(question).notes().stream().allMatch(n -> n.claim().startsWith("Revised: ")), "answers from the new corpus");
    }

    /** Starts {@code ./atlas ARGS} in a child JVM on this test's class path. */
    private Process child(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Datlas.home=" + Path.of("").toAbsolutePath(), AtlasCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ATLAS_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Sends SIGKILL once {@code moment} holds; fails if the child finished first, as the kill would then prove nothing. */
    private void killWhen(Process child, BooleanSupplier moment, String what) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!moment.getAsBoolean()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly().waitFor();
                fail("the child never reached " + what + " (exit " + child.exitValue() + "): " + Files.readString(dir.resolve("child.log")));
            }
            Thread.onSpinWait();
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertEquals(137, child.waitFor(), "killed by SIGKILL while " + what);
    }

    private static boolean anyFileEndingWith(Path folder, String suffix) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // a file renamed while listed
        }
    }

    private static boolean anyFileStartingWith(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(prefix));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static String[] seeds() {
        return Stream.of(Seeds.listings()).map(Path::toString).toArray(String[]::new);
    }

    private static int cli(String... args) {
        StringWriter err = new StringWriter();
        int status = AtlasCli.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        if (status != 0) {
            System.err.println(err);
        }
        return status;
    }

    private static Map<String, String> snapshot(Path corpus) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                files.put(corpus.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
