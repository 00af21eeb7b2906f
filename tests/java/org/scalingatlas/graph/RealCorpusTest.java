package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.Seeds;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;

/** The committed corpus itself: valid, complete, traceable, and written in our own words. */
class RealCorpusTest {

    /** A claim may not share this many consecutive words (runs of 2+ letters) with the abstract it summarises. */
    private static final int COPIED_RUN = 6;

    private static Atlas atlas;
    private static Corpus corpus;

    @BeforeAll
    static void open() {
        atlas = TestAtlas.real();
        corpus = atlas.corpus();
    }

    @Test
    void should_list_every_label_and_alternative_label_of_the_axes() {
        List<String> terms = atlas.graph().axisTerms();
        assertTrue(terms.containsAll(List.of("data quality", "test-time compute", "epochs", "model parameters", "power law")),
                "the axes' labels, and those of the concept that names the field: " + terms);
        assertEquals(terms.size(), terms.stream().distinct().count(), "each once");
    }

    @Test
    void should_read_every_notes_relations_at_once_as_one_by_one() {
        var all = atlas.graph().allNeighbours();
        for (Note note : corpus.notes()) {
            assertEquals(atlas.graph().neighbours(note.id()), all.getOrDefault(note.id(), List.of()), note.id());
        }
        assertTrue(all.values().stream().mapToInt(List::size).sum() > 0);
    }

    @Test
    void should_carry_what_each_relation_is_about_into_the_graph_from_both_ends() {
        var all = atlas.graph().allRelations();
        int qualified = 0;
        for (Note note : corpus.notes()) {
            for (Note.Relation relation : note.relations()) {
                assertTrue(all.getOrDefault(note.id(), List.of())
                        .contains(new Trace.Relation(relation.type().word, "outgoing", relation.noteId(), relation.on())), note.id() + " " + relation);
                assertTrue(all.getOrDefault(relation.noteId(), List.of())
                        .contains(new Trace.Relation(relation.type().word, "incoming", note.id(), relation.on())), relation.noteId() + " " + relation);
                qualified += relation.on() == null ? 0 : 1;
            }
        }
        assertTrue(qualified >= 21, "the disagreements say what they are about: " + qualified);
    }

    @Test
    void should_satisfy_every_shape() {
        assertEquals(List.of(), CorpusCheck.run(corpus, Ontology.load(Path.of("ontology"))));
    }

    @Test
    void should_have_a_note_for_every_paper_by_a_sparql_count() {
        String query = """
                PREFIX atlas: <https://scalingatlas.org/ontology#>
                PREFIX cito: <http://purl.org/spar/cito/>
                SELECT (COUNT(?paper) AS ?n) WHERE { ?paper a atlas:Paper FILTER NOT EXISTS { ?note cito:citesAsEvidence ?paper } }""";
        String csv = new String(atlas.graph().sparqlEndpoint(Duration.ofSeconds(10), 10, 1).query(query, "text/csv").body(), StandardCharsets.UTF_8);
        assertEquals("n\r\n0\r\n", csv);
        assertTrue(corpus.papers().size() >= 168 && corpus.notes().size() >= corpus.papers().size());
    }

    @Test
    void should_give_the_constant_sets_aliases_as_alternative_labels_by_a_sparql_query() {
        String query = """
                PREFIX atlas: <https://scalingatlas.org/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?set WHERE { ?law atlas:constantSet ?s . ?s skos:altLabel "Pile" ; dcterms:identifier ?set }""";
        String csv = new String(atlas.graph().sparqlEndpoint(Duration.ofSeconds(10), 10, 1).query(query, "text/csv").body(), StandardCharsets.UTF_8);
        assertEquals("set\r\npile\r\n", csv, "ParScale's fit on the Pile");
    }

    @Test
    void should_name_each_dataset_the_laws_were_fitted_on_and_link_the_sets_to_it_by_a_sparql_query() {
        Map<String, List<String>> names = atlas.graph().datasetNames();
        assertTrue(names.get("c4").containsAll(List.of("C4", "Colossal Clean Crawled Corpus", "T5 corpus")), "label, other and hidden labels: " + names);
        assertTrue(names.get("refinedweb").contains("Falcon web"), names.toString());
        String query = """
                PREFIX atlas: <https://scalingatlas.org/ontology#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?law ?set WHERE {
                  ?l atlas:constantSet ?s ; dcterms:identifier ?law .
                  ?s atlas:fittedOn/skos:altLabel "Colossal Clean Crawled Corpus"@en ; dcterms:identifier ?set }
                ORDER BY ?law""";
        String csv = new String(atlas.graph().sparqlEndpoint(Duration.ofSeconds(10), 10, 1).query(query, "text/csv").body(), StandardCharsets.UTF_8);
        assertEquals("law,set\r\ngadre-downstream-error,c4\r\ngadre-over-training-loss,c4\r\nmuennighoff-data-constrained-loss,published\r\n", csv,
                "every set fitted on C4, found by a name of the data no law file writes");
    }

    @Test
    void should_trace_every_note_to_exactly_its_papers_and_evidence() {
        for (Note note : corpus.notes()) {
            Trace trace = atlas.graph().trace(note.id()).orElseThrow();
            List<String> expectedIds = note.paperIds().stream().distinct().toList();
            assertEquals(expectedIds, trace.papers().stream().map(Trace.SupportingPaper::id).toList(), note.id());
            for (Note.Support support : note.papers()) {
                Trace.SupportingPaper traced = trace.papers().stream().filter(p -> p.id().equals(support.paperId())).findFirst().orElseThrow();
                assertTrue(traced.evidence().containsAll(support.evidence()), note.id() + " / " + support.paperId());
            }
        }
    }

    @Test
    void should_state_claims_in_our_own_words() {
        Map<String, Paper> papers = corpus.papersById();
        List<String> copied = new ArrayList<>();
        for (Note note : corpus.notes()) {
            for (Note.Support support : note.papers()) {
                Set<String> runs = runs(papers.get(support.paperId()).abstractText());
                List<String> words = words(note.claim());
                for (int i = 0; i + COPIED_RUN <= words.size(); i++) {
                    String run = String.join(" ", words.subList(i, i + COPIED_RUN));
                    if (runs.contains(run)) {
                        copied.add(note.id() + ": \"" + run + "\"");
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), copied, "claims that copy " + COPIED_RUN + " or more consecutive words of an abstract");
    }

    @Test
    void should_quote_evidence_taken_via_another_document_exactly_from_it() throws IOException {
        for (Note note : corpus.notes()) {
            for (Note.Support support : note.papers()) {
                if (support.via() == null) {
                    continue;
                }
                String source = Files.readString(Seeds.document(support.via()), StandardCharsets.UTF_8);
                for (String quote : support.evidence()) {
                    assertTrue(source.contains(quote), note.id() + ": not in " + support.via() + ": " + quote);
                }
            }
        }
    }

    @Test
    void should_date_each_single_paper_note_like_its_paper() {
        Map<String, Paper> papers = corpus.papersById();
        for (Note note : corpus.notes()) {
            if (note.papers().size() == 1 && papers.get(note.paperIds().get(0)).date() != null) {
                assertEquals(papers.get(note.paperIds().get(0)).date(), note.date(), note.id());
            }
        }
    }

    @Test
    void should_give_every_note_a_distinct_question() {
        Set<String> titles = new HashSet<>();
        List<String> repeated = corpus.notes().stream().map(Note::title).filter(t -> !titles.add(t.toLowerCase(Locale.ROOT))).toList();
        assertEquals(List.of(), repeated);
    }

    private static List<String> words(String text) {
        // words are runs of two or more letters: numbers and formula symbols (η, λ, d, 0.75) are facts, not prose
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).filter(w -> w.length() >= 2).toList();
    }

    private static Set<String> runs(String text) {
        List<String> words = words(text);
        Set<String> runs = new HashSet<>();
        for (int i = 0; i + COPIED_RUN <= words.size(); i++) {
            runs.add(words.subList(i, i + COPIED_RUN).stream().collect(Collectors.joining(" ")));
        }
        return runs;
    }
}
