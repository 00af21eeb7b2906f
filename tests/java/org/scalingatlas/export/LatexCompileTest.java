package org.scalingatlas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Slow;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/**
 * The BibTeX export of the whole real corpus, cited by a LaTeX document ({@code \nocite{*}}, plain style), goes
 * through {@code pdflatex}, {@code bibtex}, {@code pdflatex} without an error, with no {@code bibtex} warning at all,
 * and with every entry in the bibliography. Needs TeX Live ({@code .ci/run} installs it); without it the test fails.
 */
@Slow
class LatexCompileTest {

    private static final Pattern BIBITEM = Pattern.compile("\\\\bibitem\\{([^}]+)}");

    @Test
    void should_compile_a_document_citing_every_paper_with_plain_bibtex_without_errors_or_warnings(@TempDir Path dir) throws Exception {
        List<Paper> papers = new PaperStore(Path.of("corpus")).loadAll();
        String bibtex = compile(dir, BibTex.of(papers));
        assertTrue(bibtex.contains("Database file #1: atlas.bib"), bibtex);
        assertEquals(List.of(), warnings(dir), "bibtex warnings (" + papers.stream().filter(p -> p.authors().isEmpty()).count()
                + " of " + papers.size() + " entries have no author list)");
        assertEquals(papers.size(), bibitems(dir), "every paper is in the bibliography");
    }

    @Test
    void should_typeset_every_kind_of_character_the_export_writes_as_latex(@TempDir Path dir) throws Exception {
        String title = "Schölkopf, Łukasz, Çelik, Dvořák, Erdős, ß æ ø œ ı: φ-Decoding of Ω̃(C) × ∼70B ≈ ≤ ≥ → ↔ ⇒ ∝ ≫ ≪ · ± ∞ 5° x² "
                + "– — “quoted” ‘single’ … 100% & #1 a_b {braces} back\\slash ~tilde ^hat $5 (and 😀 ‰, dropped)";
        List<String> authors = List.of("Bernhard Schölkopf", "Łukasz Kaiser", "José Müller-Çelik", "Ludwig van der Waals", "OpenAI");
        Paper paper = new Paper("every-character", title, "", java.time.LocalDate.of(2024, 5, 1), authors.size(), authors, null,
                "2405.00001", "10.1000/a_b%c", "Journal of Machine & Learning", null, List.of("test"));
        compile(dir, BibTex.of(List.of(paper)));
        assertEquals(List.of(), warnings(dir));
        assertEquals(1, bibitems(dir));
    }

    /** Runs pdflatex, bibtex, pdflatex on a document citing every entry of {@code bib}; returns bibtex's output. */
    private static String compile(Path dir, String bib) throws Exception {
        Files.writeString(dir.resolve("atlas.bib"), bib);
        Files.writeString(dir.resolve("cite.tex"), """
                \\documentclass{article}
                \\begin{document}
                Every paper of the corpus.
                \\nocite{*}
                \\bibliographystyle{plain}
                \\bibliography{atlas}
                \\end{document}
                """);
        run(dir, "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cite.tex");
        String bibtex = run(dir, "bibtex", "cite");
        run(dir, "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "cite.tex");
        String blg = Files.readString(dir.resolve("cite.blg"), StandardCharsets.ISO_8859_1);
        assertFalse(blg.toLowerCase(Locale.ROOT).contains("error"), blg);
        String log = Files.readString(dir.resolve("cite.log"), StandardCharsets.ISO_8859_1);
        assertFalse(log.contains("Missing character"), "a glyph the fonts lack:\n" + log);
        assertFalse(log.contains("Undefined control sequence"), "an undefined command:\n" + log);
        assertTrue(Files.size(dir.resolve("cite.pdf")) > 5_000, "a PDF was written");
        return bibtex;
    }

    private static List<String> warnings(Path dir) throws IOException {
        return Files.readString(dir.resolve("cite.blg"), StandardCharsets.ISO_8859_1).lines().filter(l -> l.startsWith("Warning--")).toList();
    }

    private static int bibitems(Path dir) throws IOException {
        List<String> cited = new ArrayList<>();
        Matcher m = BIBITEM.matcher(Files.readString(dir.resolve("cite.bbl"), StandardCharsets.ISO_8859_1));
        while (m.find()) {
            cited.add(m.group(1));
        }
        return cited.size();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail(command[0] + " is not on the PATH: install TeX Live (Debian: apt-get install texlive-latex-base"
                    + " texlive-binaries, as .ci/run does) to run the LaTeX compile test (" + e.getMessage() + ")");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " took over 2 minutes:\n" + output);
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
