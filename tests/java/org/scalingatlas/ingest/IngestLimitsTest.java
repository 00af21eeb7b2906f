package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.cli.AtlasCli;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.corpus.Slugs;

/** What ingest takes at its edges: a file too large to read is refused before reading, a title in any script is imported. */
class IngestLimitsTest {

    private static final String ABSTRACT = "We study how the loss of a language model falls as a power law in its size, "
            + "in its data and in its compute, over many orders of magnitude.";
    private static final String CJK_TITLE = "大规模语言模型的缩放定律";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ingest(Path corpus, Path... files) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "--listing-year", "2026", "--corpus", corpus.toString()));
        Stream.of(files).map(Path::toString).forEach(args::add);
        return AtlasCli.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_refuse_a_3_gb_file_in_one_line_before_reading_it_and_write_nothing() throws IOException {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: no disk spent, and reading it would need 3 GiB of heap
        }
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        int status = ingest(corpus, huge);
        assertEquals(1, status);
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), "one line, no stack trace: " + message);
        assertTrue(message.contains(huge.toString()), message);
        assertTrue(message.contains("3 GiB (3221225472 bytes)"), "its size: " + message);
        assertTrue(message.contains("at most 64 MiB"), "the limit: " + message);
        assertFalse(message.contains("OutOfMemoryError"), message);
        try (Stream<Path> written = Files.list(corpus)) {
            assertEquals(0, written.count(), "nothing written");
        }
    }

    @Test
    void should_read_a_file_just_under_the_limit_and_refuse_one_just_over() throws IOException {
        Path under = dir.resolve("under.txt");
        Files.writeString(under, "A Title\n" + ABSTRACT + "\n", StandardCharsets.UTF_8);
        try (RandomAccessFile file = new RandomAccessFile(under.toFile(), "rw")) {
            file.setLength(ListingReader.MAX_FILE_BYTES); // zero bytes after the text: refused as binary, but only after reading
        }
        ListingReader reader = new ListingReader(2026, java.time.LocalDate.of(2026, 11, 23));
        String read = org.junit.jupiter.api.Assertions.assertThrows(IngestException.class, () -> reader.read(under)).getMessage();
        assertTrue(read.contains("binary data"), "read, then judged by its content: " + read);
        try (RandomAccessFile file = new RandomAccessFile(under.toFile(), "rw")) {
            file.setLength(ListingReader.MAX_FILE_BYTES + 1);
        }
        String refused = org.junit.jupiter.api.Assertions.assertThrows(IngestException.class, () -> reader.read(under)).getMessage();
        assertTrue(refused.contains("(67108865 bytes)"), refused);
    }

    @Test
    void should_import_an_all_cjk_title_under_a_stable_ascii_identifier() throws IOException {
        Path listing = dir.resolve("cjk.txt");
        Files.writeString(listing, CJK_TITLE + "\n" + ABSTRACT + "\n" + "缩放定律的另一篇论文\n" + ABSTRACT + " Another paper.\n", StandardCharsets.UTF_8);
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        assertEquals(0, ingest(corpus, listing), err.toString());
        List<Paper> papers = new PaperStore(corpus).loadAll();
        assertEquals(2, papers.size(), "two titles in one script are two papers, not one: " + papers);
        Paper paper = papers.stream().filter(p -> p.title().equals(CJK_TITLE)).findFirst().orElseThrow();
        assertTrue(paper.id().matches("title-[0-9a-f]{12}"), paper.id());
        assertEquals(Slugs.of(CJK_TITLE), paper.id(), "the identifier comes from the title alone");
        assertNotEquals(papers.get(0).id(), papers.get(1).id());

        assertEquals(0, ingest(corpus, listing), err.toString());
        assertTrue(out.toString().contains("added 0, updated 0, unchanged 2"), "importing again finds the same records: " + out);
    }

    @Test
    void should_keep_ascii_slugs_and_still_refuse_a_title_with_no_letters_or_digits() {
        assertEquals("j1-exploring-test-time-scaling", Slugs.of("J1: Exploring Test-Time Scaling"));
        assertEquals("gpt-4", Slugs.of("GPT-4 大规模语言模型"), "a title with Latin words keeps its readable slug");
        assertEquals("title-", Slugs.of("ما هي قوانين التوسع").substring(0, 6));
        assertNotEquals(Slugs.of("ما هي قوانين التوسع"), Slugs.of(CJK_TITLE));
        assertEquals(Slugs.of(CJK_TITLE), Slugs.of("  " + CJK_TITLE + "。"), "punctuation and spaces do not change it");
        String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Slugs.of("?!… —")).getMessage();
        assertTrue(message.contains("no letters or digits"), message);
    }
}
