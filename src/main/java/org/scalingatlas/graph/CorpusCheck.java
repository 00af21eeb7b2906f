package org.scalingatlas.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.CorpusException;
import org.scalingatlas.corpus.Note;

/**
 * Validates a corpus: files that do not parse, then the SHACL shapes over the graph of corpus + ontology. Each
 * violation names the file a curator must edit.
 */
public final class CorpusCheck {

    private CorpusCheck() {
    }

    public static List<Violation> run(Corpus corpus, Ontology ontology) {
        return run(corpus, ontology, CorpusGraph.build(corpus));
    }

    /** Validates an already-built corpus graph (with the ontology added here). */
    public static List<Violation> run(Corpus corpus, Ontology ontology, Model corpusGraph) {
        List<Violation> violations = new ArrayList<>();
        for (CorpusException problem : corpus.problems()) {
            violations.add(new Violation(problem.file(), null, problem.getMessage().replaceFirst("^" + java.util.regex.Pattern.quote(String.valueOf(problem.file())) + "(:\\d+)?: ", "")));
        }
        Model data = ModelFactory.createUnion(corpusGraph, ontology.vocabulary());
        ValidationReport report = ShaclValidator.get().validate(ontology.shapes(), data.getGraph());
        Map<String, Path> ceilingFiles = ceilingFiles(corpus);
        for (ReportEntry entry : report.getEntries()) {
            violations.add(violation(corpus, ceilingFiles, entry));
        }
        violations.sort(Comparator.comparing((Violation v) -> String.valueOf(v.file())).thenComparing(v -> String.valueOf(v.record()))
                .thenComparing(Violation::reason));
        return List.copyOf(violations);
    }

    private static Violation violation(Corpus corpus, Map<String, Path> ceilingFiles, ReportEntry entry) {
        Node focus = entry.focusNode();
        String iri = focus.isURI() ? focus.getURI() : focus.toString();
        Optional<Vocabulary.Minted> minted = Vocabulary.parse(iri);
        Path file = minted.map(m -> switch (m.kind()) {
            case PAPER -> corpus.dir().resolve("papers").resolve(m.id() + ".md");
            case NOTE -> corpus.fileOfNote(m.id());
            case CEILING -> ceilingFiles.get(m.id());
            case LAW -> corpus.fileOfLaw(m.id());
            case AXIS, DATASET -> null;
        }).orElse(null);
        String record = minted.map(m -> m.kind().segment + " " + m.id()).orElse(iri);
        String reason = entry.message();
        Node value = entry.value();
        if (value != null && !value.isBlank() && !value.equals(focus)) {
            String shown = value.isURI() ? Vocabulary.parse(value.getURI()).map(v -> v.kind().segment + " '" + v.id() + "'").orElse(value.getURI())
                    : value.isLiteral() ? "'" + abbreviate(value.getLiteralLexicalForm()) + "'" : value.toString();
            reason = reason + " (" + shown + ")";
        }
        return new Violation(file, record, reason,
                entry.severity() == org.apache.jena.shacl.validation.Severity.Violation ? Violation.Severity.ERROR : Violation.Severity.CURATION);
    }

    /** The first note that defines each ceiling: where a curator fixes it. */
    private static Map<String, Path> ceilingFiles(Corpus corpus) {
        Map<String, Path> files = new HashMap<>();
        for (Note note : corpus.notes()) {
            for (Note.Ceiling ceiling : note.ceilings()) {
                if (!ceiling.isReference()) {
                    files.putIfAbsent(ceiling.id(), corpus.fileOfNote(note.id()));
                }
            }
        }
        return files;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
