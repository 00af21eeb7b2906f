package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Corpus;

class CorpusCheckTest {

    private static Ontology ontology;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadOntology() {
        ontology = Ontology.load(Path.of("ontology"));
    }

    @Test
    void should_pass_when_the_corpus_is_valid() {
        assertEquals(List.of(), CorpusCheck.run(Corpus.load(TestAtlas.FIXTURE_CORPUS), ontology));
    }

    @Test
    void should_name_the_note_and_the_missing_paper_when_a_paper_link_dangles() throws IOException {
        Path corpus = broken("notes/should-parameters-and-tokens-grow-together.md", "id: compute-optimal-study", "id: no-such-study");
        List<Violation> violations = CorpusCheck.run(Corpus.load(corpus), ontology);
        assertEquals(2, violations.size(), "the dangling link, and the paper it no longer reaches: " + violations);
        Violation v = violations.stream().filter(x -> x.reason().contains("dangling paper link")).findFirst().orElseThrow();
        assertEquals(corpus.resolve("notes/should-parameters-and-tokens-grow-together.md"), v.file());
        assertTrue(violations.stream().anyMatch(x -> x.reason().startsWith("awaits a curated note") && !x.isError()
                && x.file().equals(corpus.resolve("papers/compute-optimal-study.md"))), violations.toString());
        assertTrue(v.isError(), "a dangling link is an error");
        assertEquals("note should-parameters-and-tokens-grow-together", v.record());
        assertTrue(v.reason().contains("paper 'no-such-study'"), v.reason());
    }

    @Test
    void should_report_a_note_without_evidence() throws IOException {
        Path corpus = broken("notes/does-more-sampling-always-help.md",
                "    evidence:\n      - \"Repeated sampling raises the share of solved problems.\"\n", "");
        Violation v = only(corpus, "a note needs evidence");
        assertEquals(corpus.resolve("notes/does-more-sampling-always-help.md"), v.file());
    }

    @Test
    void should_report_evidence_that_is_not_in_the_abstract() throws IOException {
        Path corpus = broken("notes/does-more-sampling-always-help.md", "raises the share of solved problems", "doubles the share of solved problems");
        Violation v = only(corpus, "is not in the paper's abstract");
        assertTrue(v.record().startsWith("note does-more-sampling-always-help"), v.record());
    }

    @Test
    void should_list_a_paper_that_no_note_rests_on_as_awaiting_curation_not_as_an_error() throws IOException {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("c"));
        Files.writeString(corpus.resolve("papers/orphan-study.md"), "---\nid: orphan-study\ntitle: An Orphan\n---\nNobody cites this.\n");
        Violation v = only(corpus, "awaits a curated note");
        assertEquals(corpus.resolve("papers/orphan-study.md"), v.file());
        assertEquals(Violation.Severity.CURATION, v.severity());
    }

    @Test
    void should_report_unknown_axes_relations_and_ceilings() throws IOException {
        Path corpus = broken("notes/does-more-sampling-always-help.md", "axes: [test-time-samples]", "axes: [vibes]");
        assertTrue(only(corpus, "axis scheme").reason().contains("axis 'vibes'"));
        corpus = broken("notes/does-more-sampling-always-help.md", "note: should-parameters-and-tokens-grow-together", "note: missing-note");
        assertTrue(only(corpus, "relation points at a note that does not exist").reason().contains("note 'missing-note'"));
        corpus = broken("notes/does-more-sampling-always-help.md", "  - id: false-positive-plateau", "  - id: undefined-plateau");
        only(corpus, "ceiling that no note defines");
    }

    @Test
    void should_report_a_title_that_is_not_a_question() throws IOException {
        Path corpus = broken("notes/does-more-sampling-always-help.md", "solve more problems?", "solve more problems.");
        only(corpus, "title is one question");
    }

    @Test
    void should_report_files_that_do_not_parse_with_the_rest() throws IOException {
        Path corpus = broken("notes/does-more-sampling-always-help.md", "axes: [test-time-samples]", "axes: [test-time-samples\nweights: 3");
        List<Violation> violations = CorpusCheck.run(Corpus.load(corpus), ontology);
        assertTrue(violations.stream().anyMatch(v -> v.file().endsWith("does-more-sampling-always-help.md") && v.reason().contains("not valid YAML")),
                violations.toString());
    }

    @Test
    void should_report_a_law_variable_without_a_unit() {
        onlyEntryWith("tests/fixtures/graphs/law-variable-without-unit.ttl", "a law variable needs a unit");
    }

    @Test
    void should_report_a_constant_set_fitted_on_data_the_dataset_scheme_lacks() {
        onlyEntryWith("tests/fixtures/graphs/constant-set-fitted-on-unknown-data.ttl", "a constant set's data is not in the dataset scheme");
    }

    /** The fixture corpus's graph with these triples added breaks one shape, with this message. */
    private static void onlyEntryWith(String triples, String message) {
        Model data = ModelFactory.createDefaultModel()
                .add(CorpusGraph.build(Corpus.load(TestAtlas.FIXTURE_CORPUS)))
                .add(RDFDataMgr.loadModel(triples))
                .add(ontology.vocabulary());
        var report = org.apache.jena.shacl.ShaclValidator.get().validate(ontology.shapes(), data.getGraph());
        assertTrue(report.getEntries().stream().anyMatch(e -> e.message().contains(message)), report.getEntries().toString());
        assertEquals(1, report.getEntries().size(), report.getEntries().toString());
    }

    private Path broken(String file, String find, String replace) throws IOException {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, Files.createTempDirectory(tmp, "c"));
        Path target = corpus.resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(find), "fixture changed: " + find);
        Files.writeString(target, text.replace(find, replace));
        return corpus;
    }

    private static Violation only(Path corpus, String expected) {
        List<Violation> violations = CorpusCheck.run(Corpus.load(corpus), ontology);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).reason().contains(expected), violations.get(0).toString());
        return violations.get(0);
    }
}
