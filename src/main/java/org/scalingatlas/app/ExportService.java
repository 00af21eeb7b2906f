package org.scalingatlas.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.scalingatlas.corpus.AtomicWrites;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.export.BibTex;
import org.scalingatlas.export.Citations;
import org.scalingatlas.export.CslJson;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.RdfDocument;
import org.scalingatlas.graph.Vocabulary;

/**
 * The corpus out, for other tools: papers as BibTeX or CSL-JSON for reference managers, and the claims graph (whole,
 * or one record by its IRI) in an RDF syntax.
 */
public final class ExportService {

    private final Corpus corpus;
    private final KnowledgeGraph graph;
    /** The whole graph, written once per syntax: it is read-only while the application runs. */
    private final ConcurrentMap<String, RdfDocument> dumps = new ConcurrentHashMap<>();

    /** @param graph the claims graph, or {@code null} for citations only (the command line reads no graph to export them) */
    public ExportService(Corpus corpus, KnowledgeGraph graph) {
        this.corpus = corpus;
        this.graph = graph;
    }

    /** Citations of the corpus in a folder, read without the graph or the index (for the command line). */
    public static ExportService citationsOf(Path corpusDir) {
        return new ExportService(Corpus.load(corpusDir), null);
    }

    /**
     * The papers named by {@code ids} (comma-separated, in that order), or every paper when {@code ids} is {@code null}.
     *
     * @throws Citations.UnknownPapers naming the ids no paper has
     * @throws IllegalArgumentException for a list that is no list of ids
     */
    public List<Paper> papers(String ids) {
        return Citations.select(corpus.papers(), corpus.papersById(), ids);
    }

    public String bibtex(List<Paper> papers) {
        return BibTex.of(papers);
    }

    public List<Map<String, Object>> cslJson(List<Paper> papers) {
        return CslJson.of(papers);
    }

    /** Writes an export to a file: beside it first, then renamed into place. */
    public void write(Path file, String text) {
        try {
            AtomicWrites.replace(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The whole graph (ontology and corpus) in an RDF syntax, e.g. {@link RdfDocument#TURTLE}. */
    public RdfDocument graph(String mediaType) {
        return dumps.computeIfAbsent(mediaType, graph::dump);
    }

    /** The kinds of record an IRI {@code /id/KIND/ID} names, by their path segment. */
    public List<String> recordKinds() {
        return Arrays.stream(Vocabulary.Kind.values()).map(k -> k.segment).toList();
    }

    /** The triples of the record {@code /id/kind/id} in an RDF syntax; empty when the graph has no such record. */
    public Optional<RdfDocument> record(String kind, String id, String mediaType) {
        Vocabulary.Kind known = Arrays.stream(Vocabulary.Kind.values()).filter(k -> k.segment.equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of record is called '" + kind + "'"));
        return graph.record(known, id, mediaType);
    }
}
