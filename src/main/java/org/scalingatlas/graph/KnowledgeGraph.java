package org.scalingatlas.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims graph and the questions the application asks it. Every query is a {@code .rq} resource, parsed once,
 * run with its one variable bound by substitution (never by string concatenation), inside a read transaction.
 */
public final class KnowledgeGraph {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraph.class);
    private static final Map<String, Query> QUERIES = new ConcurrentHashMap<>();

    private static final long DEFAULT_MAX_RESULT_BYTES = Long.parseLong(AtlasConfig.Key.SPARQL_MAX_RESULT_BYTES.defaultValue);

    /** Records (papers or notes) per batch when the persisted store is loaded: one batch's triples are in the heap at a time. */
    private static final int LOAD_BATCH = 20_000;

    /** How the graph is kept: persisted in the data folder (the server), or in memory (one-shot commands, tests). */
    public enum Storage { PERSISTENT, IN_MEMORY }

    private final GraphSource source;
    private final long triples;

    private KnowledgeGraph(GraphSource source, long triples) {
        this.source = source;
        this.triples = triples;
    }

    /**
     * The graph of ontology + corpus. Persistent storage keeps it in {@code dataDir} and rebuilds it only when
     * {@code fingerprint} (of the corpus and ontology files) changes.
     */
    public static KnowledgeGraph open(Corpus corpus, Ontology ontology, Storage storage, Path dataDir, String fingerprint) {
        return open(() -> corpus, () -> ontology, storage, dataDir, fingerprint);
    }

    /**
     * The same, asking for the corpus and the ontology only when the graph's content is needed: a persisted store whose
     * fingerprint matches is opened without them, so start-up need not wait for the corpus (or read the ontology) to
     * open the store.
     */
    public static KnowledgeGraph open(Supplier<Corpus> corpus, Supplier<Ontology> ontology, Storage storage, Path dataDir, String fingerprint) {
        Supplier<Model> content = () -> model(corpus.get(), ontology.get());
        Dataset dataset = storage == Storage.PERSISTENT
                ? persistentOrInMemory(dataDir, fingerprint, () -> CorpusGraph.batches(corpus.get(), ontology.get().vocabulary(), LOAD_BATCH), content)
                : GraphStore.inMemory(content.get());
        return new KnowledgeGraph(new GraphSource.Local(dataset), Txn.calculateRead(dataset, () -> dataset.getDefaultModel().size()));
    }

    /** The whole graph as one model: the ontology's vocabulary and the corpus as RDF (what a SPARQL server is loaded with). */
    public static Model model(Corpus corpus, Ontology ontology) {
        return ModelFactory.createDefaultModel().add(ontology.vocabulary()).add(CorpusGraph.build(corpus));
    }

    /**
     * The graph served by a remote SPARQL 1.1 server (for example Fuseki, loaded with {@code GET /graph.ttl} or with
     * the same corpus): every query of this class runs there, and nothing of the graph is held here.
     */
    public static KnowledgeGraph remote(String endpoint) {
        GraphSource source = new GraphSource.Remote(endpoint);
        KnowledgeGraph graph = new KnowledgeGraph(source, 0);
        long triples;
        try {
            triples = Long.parseLong(graph.select("triples", null, null).get(0).get("count"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the SPARQL server at " + endpoint + " cannot be queried: " + e.getMessage(), e);
        }
        LOG.info("graph: {} triples at {}", triples, source.describe());
        return new KnowledgeGraph(source, triples);
    }

    /** The persisted store; when another process holds it, the same graph in memory (with a warning) rather than a failure. */
    private static Dataset persistentOrInMemory(Path dataDir, String fingerprint, Supplier<List<Supplier<Model>>> batches, Supplier<Model> content) {
        try {
            return GraphStore.persistentInBatches(dataDir, fingerprint, batches);
        } catch (DBOpEnvException e) {
            LOG.warn("the graph store in {} is held by another process ({}); using an in-memory graph instead", dataDir, e.getMessage());
            return GraphStore.inMemory(content.get());
        }
    }

    public long triples() {
        return triples;
    }

    /** The read-only SPARQL service over this graph, bounded by {@code settings}. */
    public SparqlEndpoint sparqlEndpoint(AtlasConfig.Sparql settings, int maxConcurrent) {
        return new SparqlEndpoint(source, settings, maxConcurrent);
    }

    /** The read-only SPARQL service with these limits, no SERVICE and the default result-size bound. */
    public SparqlEndpoint sparqlEndpoint(Duration timeout, int resultLimit, int maxConcurrent) {
        return sparqlEndpoint(new AtlasConfig.Sparql(timeout, resultLimit, "", List.of(), DEFAULT_MAX_RESULT_BYTES), maxConcurrent);
    }

    /** The trace of a note, or empty when no note has that id. */
    public Optional<Trace> trace(String noteId) {
        Resource note = Vocabulary.iri(Vocabulary.Kind.NOTE, noteId);
        return source.read(() -> {
            List<Map<String, String>> found = select("note", "note", note);
            if (found.isEmpty()) {
                return Optional.<Trace>empty();
            }
            Map<String, String> n = found.get(0);
            Map<String, List<String>> evidence = new LinkedHashMap<>();
            Map<String, Map<String, String>> paperRows = new LinkedHashMap<>();
            for (Map<String, String> row : select("note-papers", "note", note)) {
                paperRows.putIfAbsent(row.get("id"), row);
                evidence.computeIfAbsent(row.get("id"), id -> new ArrayList<>()).add(row.get("quote"));
            }
            List<Trace.SupportingPaper> papers = paperRows.values().stream()
                    .map(r -> new Trace.SupportingPaper(r.get("id"), r.get("title"), r.get("arxiv"), r.get("date"), evidence.get(r.get("id")), r.get("via")))
                    .toList();
            return Optional.of(new Trace(
                    new Trace.NoteSummary(n.get("id"), n.get("title"), n.get("claim"), n.get("date")),
                    papers,
                    select("note-relations", "note", note).stream()
                            .map(r -> new Trace.RelatedNote(r.get("relation"), r.get("direction"), r.get("id"), r.get("title"))).toList(),
                    select("note-laws", "note", note).stream().map(r -> new Trace.LawRef(r.get("id"), r.get("name"), r.get("formula"))).toList(),
                    select("note-axes", "note", note).stream().map(r -> new Trace.AxisRef(r.get("id"), r.get("label"))).toList(),
                    select("note-ceilings", "note", note).stream()
                            .map(r -> new Trace.CeilingRef(r.get("id"), r.get("label"), r.get("value"), r.get("task"), r.get("condition"))).toList()));
        });
    }

    /** Notes on an axis or on any narrower axis. */
    public List<Trace.NoteRef> notesOnAxis(String axisId) {
        return noteRefs("notes-on-axis", "axis", Vocabulary.iri(Vocabulary.Kind.AXIS, axisId));
    }

    /** Notes that rest on a paper. */
    public List<Trace.NoteRef> notesOnPaper(String paperId) {
        return noteRefs("notes-on-paper", "paper", Vocabulary.iri(Vocabulary.Kind.PAPER, paperId));
    }

    /** Every ceiling with the number of notes that report it. */
    public List<Trace.CeilingSummary> ceilings() {
        return source.read(() -> select("ceilings", null, null).stream()
                .map(r -> new Trace.CeilingSummary(r.get("id"), r.get("label"), r.get("value"), r.get("task"), r.get("condition"),
                        Integer.parseInt(r.get("notes"))))
                .toList());
    }

    /** Notes that report a ceiling. */
    public List<Trace.NoteRef> notesOnCeiling(String ceilingId) {
        return noteRefs("notes-on-ceiling", "ceiling", Vocabulary.iri(Vocabulary.Kind.CEILING, ceilingId));
    }

    /**
     * Every note's related notes, either way, read from the graph in one query: what {@link #neighbours} gives for
     * each note, for callers that look many up (the assistant reads it once at start-up).
     */
    public Map<String, List<Trace.Neighbour>> allNeighbours() {
        return source.read(() -> {
            Map<String, List<Trace.Neighbour>> related = new java.util.HashMap<>();
            for (Map<String, String> row : select("relations", null, null)) {
                related.computeIfAbsent(row.get("from"), k -> new ArrayList<>()).add(new Trace.Neighbour(row.get("to"), row.get("via")));
            }
            return related;
        });
    }

    /**
     * Every note's relations, either way, read from the graph in one query: the relation, whether the note states it
     * ({@code outgoing}) or the other does ({@code incoming}), and what the two differ or agree on when a note says.
     */
    public Map<String, List<Trace.Relation>> allRelations() {
        return source.read(() -> {
            Map<String, List<Trace.Relation>> related = new java.util.HashMap<>();
            for (Map<String, String> row : select("relations-qualified", null, null)) {
                related.computeIfAbsent(row.get("from"), k -> new ArrayList<>())
                        .add(new Trace.Relation(row.get("relation"), row.get("direction"), row.get("to"), row.get("on")));
            }
            return related;
        });
    }

    /** Notes related to a note by a relation, either way ("supports", "disagrees", ...). */
    public List<Trace.Neighbour> neighbours(String noteId) {
        Resource note = Vocabulary.iri(Vocabulary.Kind.NOTE, noteId);
        return source.read(() -> select("note-related", "note", note).stream()
                .map(r -> new Trace.Neighbour(r.get("id"), r.get("via"))).toList());
    }

    /** The axis scheme: each axis with its label and broader axis. */
    public List<Trace.AxisLabel> axisLabels() {
        return source.read(() -> select("axis-labels", null, null).stream()
                .map(r -> new Trace.AxisLabel(r.get("id"), r.get("label"), r.get("broader"), r.get("family"))).toList());
    }

    /**
     * Every name of every dataset the laws were fitted on, by its id: label, other labels and the words a question names
     * it by ("C4": "Colossal Clean Crawled Corpus", "T5 corpus" …), in the dataset scheme's order.
     */
    public Map<String, List<String>> datasetNames() {
        return source.read(() -> {
            Map<String, List<String>> names = new LinkedHashMap<>();
            select("dataset-names", null, null).forEach(r -> names.computeIfAbsent(r.get("id"), k -> new ArrayList<>()).add(r.get("name")));
            names.replaceAll((id, list) -> List.copyOf(list));
            return Collections.unmodifiableMap(names);
        });
    }

    /** Every label and alternative label of every axis ("data quality", "test-time compute", "epochs"). */
    public List<String> axisTerms() {
        return source.read(() -> select("axis-terms", null, null).stream().map(r -> r.get("term")).toList());
    }

    public List<Trace.AxisSummary> axes() {
        return source.read(() -> select("axes", null, null).stream()
                .map(r -> new Trace.AxisSummary(r.get("id"), r.get("label"), r.get("broader"), Integer.parseInt(r.get("notes"))))
                .toList());
    }

    public long papersWithoutNote() {
        return source.read(() -> Long.parseLong(select("papers-without-note", null, null).get(0).get("count")));
    }

    private List<Trace.NoteRef> noteRefs(String query, String variable, Resource value) {
        return source.read(() -> select(query, variable, value).stream()
                .map(r -> new Trace.NoteRef(r.get("id"), r.get("title"), r.get("claim"))).toList());
    }

    /** The whole dataset, ontology and corpus, in an RDF syntax ({@link RdfDocument#TYPES}): what {@code /graph.ttl} serves. */
    public RdfDocument dump(String mediaType) {
        return RdfDocument.of(dumpModel(), mediaType);
    }

    /** The whole dataset as one model. */
    public Model dumpModel() {
        return construct("dump", null, null);
    }

    /**
     * The triples about one record (its IRI's and those minted under it) in an RDF syntax; empty when the graph has
     * no such record.
     */
    public Optional<RdfDocument> record(Vocabulary.Kind kind, String id, String mediaType) {
        Model model = construct("record", "iri", Vocabulary.iri(kind, id));
        return model.isEmpty() ? Optional.empty() : Optional.of(RdfDocument.of(model, mediaType));
    }

    private Model construct(String name, String variable, Resource value) {
        return source.read(() -> {
            var builder = source.query(query(name));
            if (variable != null) {
                builder = builder.substitution(variable, value);
            }
            try (QueryExecution execution = builder.build()) {
                return execution.execConstruct();
            }
        });
    }

    /** Runs a named query (call inside a read transaction); each row maps variable names to lexical forms. */
    private List<Map<String, String>> select(String name, String variable, Resource value) {
        var builder = source.query(query(name));
        if (variable != null) {
            builder = builder.substitution(variable, value);
        }
        try (QueryExecution execution = builder.build()) {
            ResultSet results = execution.execSelect();
            List<Map<String, String>> rows = new ArrayList<>();
            while (results.hasNext()) {
                QuerySolution solution = results.next();
                Map<String, String> row = new LinkedHashMap<>();
                solution.varNames().forEachRemaining(v -> row.put(v, lexical(solution.get(v))));
                rows.add(row);
            }
            return rows;
        }
    }

    private static String lexical(RDFNode node) {
        if (node == null) {
            return null;
        }
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
    }

    static Query query(String name) {
        return QUERIES.computeIfAbsent(name, n -> {
            String resource = "queries/" + n + ".rq";
            try (InputStream in = KnowledgeGraph.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing query resource " + resource);
                }
                return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
