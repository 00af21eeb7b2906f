package org.scalingatlas;

import java.util.List;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Fingerprint;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.graph.CorpusCheck;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.SparqlEndpoint;
import org.scalingatlas.graph.Violation;
import org.scalingatlas.retrieve.Embedder;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.retrieve.Ranker;
import org.scalingatlas.retrieve.solr.SolrEngine;
import org.scalingatlas.models.MiniLmEmbedder;
import org.scalingatlas.answer.Composer;
import org.scalingatlas.answer.LlmComposer;
import org.scalingatlas.models.ChatTextModel;
import org.scalingatlas.ask.Assistant;
import org.scalingatlas.ask.Citations;
import org.scalingatlas.ask.Neighbours;
import org.scalingatlas.ask.NextLines;
import org.scalingatlas.ask.PaperNotes;
import org.scalingatlas.ask.Retrieval;
import org.scalingatlas.coverage.CoverageJudge;
import org.scalingatlas.models.OpenNlpWordClasses;
import org.scalingatlas.question.Concepts;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.laws.InlineCalculations;
import org.scalingatlas.laws.LawBook;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of the application from one configuration, with {@code new}. The CLI and
 * the HTTP server both start here; nothing else creates services or keeps static state.
 *
 * @param config the configuration it was built from
 * @param corpus the papers and notes
 * @param graph  the claims graph (corpus + ontology)
 * @param sparql the read-only SPARQL service over the graph
 * @param index  hybrid search over notes and abstracts
 * @param assistant answers questions
 * @param laws   the corpus's laws, made executable
 * @param fingerprint the fingerprint of the corpus and ontology it was built from ({@link #fingerprint(AtlasConfig)})
 */
public record Atlas(AtlasConfig config, Corpus corpus, KnowledgeGraph graph, SparqlEndpoint sparql, HybridIndex index, Assistant assistant, LawBook laws, String fingerprint) {

    private static final Logger LOG = LoggerFactory.getLogger(Atlas.class);
    /** Bump when the way the graph or the index is derived from the corpus changes, so stored copies are rebuilt. */
    private static final String DERIVED_VERSION = "graph-2 index-3";
    private static final int SPARQL_CONCURRENCY = 4;

    /**
     * Loads and validates the corpus and builds the graph. An invalid corpus is refused with every error; records that
     * only await curation (a paper without a note) are served. A corpus already validated at the same fingerprint is
     * not validated again.
     */
    public static Atlas open(AtlasConfig config, KnowledgeGraph.Storage storage) {
        Stopwatch watch = new Stopwatch();
        new PaperStore(config.corpusDir()).recover();
        Corpus corpus = Corpus.load(config.corpusDir());
        watch.lap("corpus");
        Ontology ontology = Ontology.load(config.ontologyDir());
        watch.lap("ontology");
        String fingerprint = fingerprint(config);
        ValidationStamp stamp = new ValidationStamp(config.dataDir());
        if (!stamp.matches(fingerprint)) {
            List<Violation> violations = check(corpus, ontology);
            List<Violation> errors = violations.stream().filter(Violation::isError).toList();
            if (!errors.isEmpty()) {
                throw new InvalidCorpusException(errors);
            }
            if (violations.size() > errors.size()) {
                LOG.info("{} records await curation (papers without a note are served by their abstracts): ./atlas check lists them",
                        violations.size() - errors.size());
            }
            stamp.record(fingerprint);
        }
        watch.lap("validation");
        Embedder embedder = new MiniLmEmbedder();
        watch.lap("embedding model");
        return assemble(config, corpus, ontology, storage, fingerprint, embedder, watch);
    }

    /**
     * The application over a corpus already in memory, not validated, with graph and index in memory: for benchmarks
     * on synthetic corpora (the shapes are checked on the real corpus; a synthetic one is made to satisfy them).
     */
    public static Atlas inMemory(AtlasConfig config, Corpus corpus, Embedder embedder) {
        Stopwatch watch = new Stopwatch();
        Ontology ontology = Ontology.load(config.ontologyDir());
        return assemble(config, corpus, ontology, KnowledgeGraph.Storage.IN_MEMORY, "in-memory", embedder, watch);
    }

    private static Atlas assemble(AtlasConfig config, Corpus corpus, Ontology ontology, KnowledgeGraph.Storage storage, String fingerprint,
            Embedder embedder, Stopwatch watch) {
        // the tagger's model is read in the background while the graph and the index are built
        Concepts concepts = new Concepts(new OpenNlpWordClasses());
        KnowledgeGraph graph = config.sparql().remote().isEmpty()
                ? KnowledgeGraph.open(corpus, ontology, storage, config.dataDir(), fingerprint)
                : KnowledgeGraph.remote(config.sparql().remote());
        SparqlEndpoint sparql = graph.sparqlEndpoint(config.sparql(), SPARQL_CONCURRENCY);
        watch.lap("graph");
        List<Passage> passages = Passage.of(corpus);
        HybridIndex index = storage == KnowledgeGraph.Storage.PERSISTENT
                ? HybridIndex.persistent(config.dataDir(), fingerprint, passages, embedder)
                : HybridIndex.inMemory(passages, embedder);
        watch.lap("index");
        List<Trace.AxisLabel> axes = graph.axisLabels();
        Composer composer = new Composer(corpus.papersById(),
                axes.stream().collect(Collectors.toMap(Trace.AxisLabel::id, Trace.AxisLabel::label)),
                axes.stream().filter(a -> "domains".equals(a.broader())).map(Trace.AxisLabel::id).collect(Collectors.toSet()));
        AtlasConfig.Llm llm = config.llm();
        LlmComposer rewriter = llm.enabled()
                ? new LlmComposer(ChatTextModel.create(llm.provider(), llm.baseUrl(), llm.model(), llm.apiKey(), llm.timeout()))
                : null;
        LawBook laws = new LawBook(corpus.laws());
        Neighbours neighbours = new Neighbours(corpus, graph);
        PaperNotes paperNotes = new PaperNotes(corpus);
        // retrieve.engine=solr: a SolrCloud collection ranks; coverage's statistics stay with the local index
        Ranker ranker = config.retrieve().solr() ? SolrEngine.connect(config.retrieve(), index.size()) : index;
        Assistant assistant = new Assistant(new Retrieval(index, ranker), concepts, new CoverageJudge(index, CoverageJudge.Thresholds.CALIBRATED),
                new Citations(corpus, index, paperNotes, neighbours), new NextLines(corpus, paperNotes, neighbours), composer,
                new InlineCalculations(laws, corpus.papersById()), rewriter);
        watch.lap("assistant");
        LOG.info("corpus loaded: {} papers, {} notes, {} triples, {} passages; {}", corpus.papers().size(), corpus.notes().size(),
                graph.triples(), index.size(), watch);
        return new Atlas(config, corpus, graph, sparql, index, assistant, laws, fingerprint);
    }

    /** The chat model the {@code llm.*} settings switch on, or {@code null} when they switch none on. */
    public static org.scalingatlas.answer.TextModel chatModel(AtlasConfig config) {
        AtlasConfig.Llm llm = config.llm();
        return llm.enabled() ? ChatTextModel.create(llm.provider(), llm.baseUrl(), llm.model(), llm.apiKey(), llm.timeout()) : null;
    }

    /**
     * Every problem of a corpus: the SHACL shapes (which also report files that do not parse), then the laws'
     * formulas, each compiled as the calculators will compile it.
     */
    public static List<Violation> check(Corpus corpus, Ontology ontology) {
        List<Violation> violations = new java.util.ArrayList<>(CorpusCheck.run(corpus, ontology));
        for (org.scalingatlas.corpus.Law law : corpus.laws()) {
            try {
                new org.scalingatlas.laws.Calculator(law);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(corpus.fileOfLaw(law.id()), "law " + law.id(), e.getMessage()));
            }
        }
        return List.copyOf(violations);
    }

    /**
     * The fingerprint of the corpus and ontology a server built from this configuration serves: equal fingerprints,
     * equal answers. {@code GET /health} reports it, so that the CLI can ask a running server instead of loading.
     */
    public static String fingerprint(AtlasConfig config) {
        return Fingerprint.cached(DERIVED_VERSION, config.dataDir().resolve("FINGERPRINT"), config.corpusDir(), config.ontologyDir());
    }

    /** Elapsed milliseconds per start-up stage, for the log. */
    private static final class Stopwatch {
        private final long started = System.nanoTime();
        private long last = started;
        private final StringBuilder laps = new StringBuilder();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.append(stage).append(' ').append((now - last) / 1_000_000).append(" ms, ");
            last = now;
        }

        @Override
        public String toString() {
            return laps + "total " + (last - started) / 1_000_000 + " ms";
        }
    }

    /** The same application under other client limits (the limits are read only by the HTTP edge). */
    public Atlas withLimits(AtlasConfig.Limits limits) {
        return new Atlas(config.withLimits(limits), corpus, graph, sparql, index, assistant, laws, fingerprint);
    }

    public static String version() {
        String version = Atlas.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
