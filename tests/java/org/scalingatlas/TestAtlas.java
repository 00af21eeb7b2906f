package org.scalingatlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.graph.KnowledgeGraph;

/** Builds the application for tests: the project's configuration pointed at a corpus, with a private data folder. */
public final class TestAtlas {

    public static final Path FIXTURE_CORPUS = Path.of("tests/fixtures/corpus-mini");
    public static final Path REAL_CORPUS = Path.of("corpus");
    /** Where a model built outside {@link org.scalingatlas.Atlas} keeps ONNX Runtime's libraries: one copy for every test run. */
    public static final Path NATIVE_LIBRARIES = Path.of("target", "test-native");

    private TestAtlas() {
    }

    /**
     * The project's configuration on {@code corpus}, without the per-client rate limit: every test request comes from
     * 127.0.0.1, and suites share one server across hundreds of them. {@code RateLimitTest} turns it on.
     */
    public static AtlasConfig config(Path corpus, Path dataDir) {
        AtlasConfig config = AtlasConfig.load(Path.of("").toAbsolutePath(), Map.of()).withCorpusDir(corpus.toAbsolutePath()).withDataDir(dataDir);
        return config.withLimits(config.limits().withRate(0, config.limits().burst()));
    }

    public static Atlas open(Path corpus, Path dataDir) {
        return Atlas.open(config(corpus, dataDir), KnowledgeGraph.Storage.IN_MEMORY);
    }

    private static final List<Path> SCRATCH = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> SCRATCH.forEach(TestAtlas::deleteQuietly), "delete-test-scratch"));
    }

    /**
     * A new directory under the system's temporary folder, deleted with everything in it when the test JVM exits: a data
     * folder, a copied corpus or a browser profile that a test (or a server it starts) writes to until the end.
     */
    public static Path scratch(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            SCRATCH.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            // a file still held open by a child process: the system's temporary folder is cleaned in time anyway
        }
    }

    private static Atlas real;

    /**
     * The application on the real corpus, built once per test JVM and shared: it is only read, and building its
     * index (embeddings for every passage) is the slowest set-up in the suite.
     */
    public static synchronized Atlas real() {
        if (real == null) {
            real = open(REAL_CORPUS, scratch("atlas-real-"));
        }
        return real;
    }

    /** A writable copy of a corpus folder, to break on purpose. */
    public static Path copy(Path corpus, Path into) {
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = into.resolve(corpus.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
