package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedInputTest {

    private static final String ABSTRACT = "We study how the loss of a language model falls as a power law in its size, "
            + "in its data and in its compute, over many orders of magnitude.";

    @TempDir
    Path dir;

    private final ListingReader reader = new ListingReader(2026, LocalDate.of(2026, 11, 23));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty file                     | 0 | the file is empty",
        "only white space               | 0 | the file is empty",
        "title without abstract         | 1 | unrecognised format",
        "a README, not a listing        | 1 | unrecognised format",
        "daily page with broken date    | 9 | expected a date",
        "daily page with future date    | 9 | is in the future",
        "daily page with impossible day | 9 | is not a calendar date",
        "daily page starting with byline| 1 | expected a paper title",
        "xml that is not atom           | 1 | expected an Atom <feed>",
        "atom that is not well formed   | 3 | not well-formed XML",
        "atom error entry               | 2 | arXiv API error",
        "atom entry without summary     | 2 | has no <summary>",
        "xml with a doctype             | 2 | not well-formed XML",
    })
    void should_name_the_file_and_line_when_an_input_is_malformed(String name, int line, String message) throws IOException {
        Path file = dir.resolve(name.replace(' ', '-') + ".txt");
        Files.writeString(file, content(name), StandardCharsets.UTF_8);
        IngestException e = assertThrows(IngestException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }

    @Test
    void should_refuse_binary_and_non_utf8_files() throws IOException {
        Path binary = dir.resolve("binary.bin");
        Files.write(binary, new byte[] {'a', '\n', 'b', 0, 'c'});
        assertTrue(assertThrows(IngestException.class, () -> reader.read(binary)).getMessage().contains("binary data"));
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Title\nCaf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        IngestException e = assertThrows(IngestException.class, () -> reader.read(latin1));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void should_say_so_when_the_file_does_not_exist_or_is_a_folder() {
        assertTrue(assertThrows(IngestException.class, () -> reader.read(dir.resolve("missing.txt"))).getMessage().contains("no such file"));
        assertTrue(assertThrows(IngestException.class, () -> reader.read(dir)).getMessage().contains("is a directory"));
    }

    private static String content(String name) {
        String daily = "Daily Papers\n\nScaling Laws for Tests\n\n" + ABSTRACT + "\n\n  • 3 authors\n·\n%s\n";
        return switch (name) {
            case "empty file" -> "";
            case "only white space" -> "  \n\t\n";
            case "title without abstract" -> "Scaling Laws for Tests\n";
            case "a README, not a listing" -> "# My project\n\nSome notes.\n\nMore notes.\n";
            case "daily page with broken date" -> daily.formatted("Octember 4");
            case "daily page with future date" -> daily.formatted("Dec 25");
            case "daily page with impossible day" -> daily.formatted("Feb 30, 2024");
            case "daily page starting with byline" -> "  • 3 authors\n" + ABSTRACT + "\n";
            case "xml that is not atom" -> "<rss version=\"2.0\"><channel/></rss>";
            case "atom that is not well formed" -> "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n<title>x</entry>\n</feed>";
            case "atom error entry" -> "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>"
                    + "<title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>";
            case "atom entry without summary" -> "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>http://arxiv.org/abs/2001.08361v1</id>"
                    + "<title>Scaling Laws</title></entry></feed>";
            case "xml with a doctype" -> "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                    + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&x;</title></entry></feed>";
            default -> throw new IllegalArgumentException(name);
        };
    }
}
