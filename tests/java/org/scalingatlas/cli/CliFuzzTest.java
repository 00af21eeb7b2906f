package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalingatlas.Seeds;
import org.scalingatlas.FuzzSeed;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;

/**
 * Generated command lines and listing files (jqwik): the CLI answers each with exit 0, 1 (bad input or data, one line
 * saying what) or 2 (a usage error), never a stack trace or an internal error; an ingest that fails writes nothing.
 */
@Slow
class CliFuzzTest {

    private static final List<String> SEED_LINES = seedLines();
    private static Path corpus;

    @BeforeContainer
    static void copyCorpus() throws IOException {
        corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, TestAtlas.scratch("atlas-cli-fuzz-").resolve("corpus"));
    }

    @AfterContainer
    static void done() {
        corpus = null;
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void any_law_command_line_is_run_or_refused_cleanly(@ForAll("lawArguments") List<String> args) {
        Run run = run(args.toArray(String[]::new));
        assertTrue(run.status == 0 || run.status == 1 || run.status == 2, run.toString());
        assertClean(run);
    }

    @Property(tries = 200, seed = FuzzSeed.VALUE)
    void any_listing_file_is_imported_or_refused_without_writing(@ForAll("listings") String listing) throws IOException {
        Path file = Files.createTempFile("listing-", ".txt");
        try {
            Files.writeString(file, listing, StandardCharsets.UTF_8);
            Map<String, String> before = snapshot();
            Run run = run("ingest", "--listing-year", "2026", "--corpus", corpus.toString(), file.toString());
            assertTrue(run.status == 0 || run.status == 1, run.toString());
            assertClean(run);
            if (run.status == 1) {
                assertTrue(run.err.startsWith("atlas: error: "), run.err);
                assertEquals(before, snapshot(), "a refused ingest writes nothing");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void assertClean(Run run) {
        assertFalse(run.err.contains("internal error") || run.err.contains("\tat ") || run.err.contains("Exception"), run.toString());
        assertFalse(run.out.contains("\tat "), run.toString());
    }

    @Provide
    Arbitrary<List<String>> lawArguments() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("eval", "optimal", "show", "list", "fit", "--json", "--constants", "--constants=nope", "--constant", "--constant=E=1.7",
                        "--constant=E=x", "--family", "power-law", "--resamples", "-1", "0", "--help", "-x", "", "=", "N=", "=70B"),
                Arbitraries.of(TestAtlas.real().corpus().laws().stream().map(l -> l.id()).toList()),
                Arbitraries.of("N=70B", "D=1.4T", "C=1e24", "N=abc", "D=-5", "N=1e400", "C=5.76x10^23", "N=0", "D=NaN", "X=1", "N=70B=1"),
                Arbitraries.strings().ofMaxLength(20));
        return token.list().ofMaxSize(7).map(tokens -> {
            List<String> args = new ArrayList<>(List.of("law"));
            args.addAll(tokens);
            return args;
        });
    }

    @Provide
    Arbitrary<String> listings() {
        Arbitrary<String> seedLine = Arbitraries.of(SEED_LINES);
        Arbitrary<String> mutated = seedLine.flatMap(line -> Arbitraries.oneOf(
                Arbitraries.just(line),
                Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.integers().between(0, Math.max(0, line.length())).map(cut -> line.substring(0, cut)),
                Arbitraries.of("  • 3 authors", "·", "Daily Papers", "Submitted by", "Jan 32", "Feb 29, 2025", "\u0000", "\\frac{", "$$", "<feed>")));
        return Arbitraries.oneOf(
                mutated.list().ofMaxSize(80).map(lines -> String.join("\n", lines)),
                Arbitraries.strings().ofMaxLength(500),
                Arbitraries.of("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</title></entry></feed>",
                        "<?xml version=\"1.0\"?><feed", "\uFEFF", ""));
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private static Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            // the corpus's records; its lock file (.atlas-lock, made by the first write) is not content
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                files.put(corpus.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static List<String> seedLines() {
        List<String> lines = new ArrayList<>();
        for (Path seed : Seeds.listings()) {
            try {
                lines.addAll(Files.readAllLines(seed, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return lines;
    }
}
