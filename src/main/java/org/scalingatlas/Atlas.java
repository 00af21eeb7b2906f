package org.scalingatlas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.scalingatlas.app.AskService;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.app.Curation;
import org.scalingatlas.app.ExportService;
import org.scalingatlas.app.LawService;
import org.scalingatlas.app.Services;
import org.scalingatlas.app.SparqlService;
import org.scalingatlas.app.TraceService;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Fingerprint;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.SparqlEndpoint;
import org.scalingatlas.graph.Violation;
import org.scalingatlas.retrieve.Embedder;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.IndexStatistics;
import org.scalingatlas.retrieve.TermIndex;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.nlp.MiniLmEmbedder;
import org.scalingatlas.retrieve.Ranker;
import org.scalingatlas.retrieve.solr.SolrEngine;
import org.scalingatlas.answer.Composer;
import org.scalingatlas.answer.LlmComposer;
import org.scalingatlas.nlp.ChatTextModel;
import org.scalingatlas.ask.AskPipeline;
import org.scalingatlas.ask.Citations;
import org.scalingatlas.ask.Neighbours;
import org.scalingatlas.ask.NextLines;
import org.scalingatlas.ask.PaperNotes;
import org.scalingatlas.ask.Retrieval;
import org.scalingatlas.coverage.CoverageJudge;
import org.scalingatlas.nlp.OpenNlpWordClasses;
import org.scalingatlas.nlp.EnglishStems;
import org.scalingatlas.nlp.WordNetCompounds;
import org.scalingatlas.question.Concepts;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.laws.English;
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
 * @param pipeline  answers questions: question → retrieve → coverage → graph → answer → laws
 * @param laws   the corpus's laws, made executable
 * @param fingerprint the fingerprint of the corpus and ontology it was built from ({@link #fingerprint(AtlasConfig)})
 */
public record Atlas(AtlasConfig config, Corpus corpus, KnowledgeGraph graph, SparqlEndpoint sparql, HybridIndex index, AskPipeline pipeline, LawBook laws, String fingerprint) {

    private static final Logger LOG = LoggerFactory.getLogger(Atlas.class);
    /** Bump when the way the graph or the index is derived from the corpus changes, so stored copies are rebuilt. */
    private static final String DERIVED_VERSION = "graph-2 index-3";
    private static final int SPARQL_CONCURRENCY = 4;

    /**
     * Loads and validates the corpus and builds the graph. An invalid corpus is refused with every error; records that
     * only await curation (a paper without a note) are served. A corpus already validated at the same fingerprint is
     * not validated again.
     *
     * <p>The parts that do not depend on one another load side by side, each on its own thread: the corpus, the
     * embedding model, the part-of-speech model and the graph store (a store whose fingerprint matches opens without
     * the corpus; the ontology is read only to validate or to rebuild). This returns once every one of them has
     * loaded, so that the application it returns answers its first question without waiting for a model.
     */
    public static Atlas open(AtlasConfig config, KnowledgeGraph.Storage storage) {
        Stopwatch watch = new Stopwatch();
        new PaperStore(config.corpusDir()).recover();
        String fingerprint = fingerprint(config);
        ValidationStamp stamp = new ValidationStamp(config.dataDir());
        boolean validated = stamp.matches(fingerprint);
        LoadingEmbedder embedder = watch.parallel(new LoadingEmbedder(MiniLmEmbedder.NAME, MiniLmEmbedder.DIMENSION, () -> new MiniLmEmbedder(config.nativeLibrariesDir())));
        BackgroundLoad<Corpus> corpus = watch.parallel(new BackgroundLoad<>("corpus", () -> Corpus.load(config.corpusDir())));
        Supplier<Ontology> ontology = validated
                ? new OnFirstUse<>(() -> Ontology.load(config.ontologyDir()))
                : watch.parallel(new BackgroundLoad<>("ontology", () -> Ontology.load(config.ontologyDir())))::get;
        if (!validated) {
            List<Violation> violations = check(corpus.get(), ontology.get());
            List<Violation> errors = violations.stream().filter(Violation::isError).toList();
            if (!errors.isEmpty()) {
                throw new InvalidCorpusException(errors);
            }
            if (violations.size() > errors.size()) {
                LOG.info("{} records await curation (papers without a note are served by their abstracts): ./atlas check lists them",
                        violations.size() - errors.size());
            }
            stamp.record(fingerprint);
            watch.lap("validation");
        }
        Atlas atlas = assemble(config, corpus, ontology, storage, fingerprint, embedder, watch);
        embedder.await();
        watch.lap("waiting for the embedding model");
        log(atlas, watch);
        return atlas;
    }

    /**
     * The application over a corpus already in memory, not validated, with graph and index in memory: for benchmarks
     * on synthetic corpora (the shapes are checked on the real corpus; a synthetic one is made to satisfy them).
     */
    public static Atlas inMemory(AtlasConfig config, Corpus corpus, Embedder embedder) {
        Stopwatch watch = new Stopwatch();
        Atlas atlas = assemble(config, () -> corpus, new OnFirstUse<>(() -> Ontology.load(config.ontologyDir())),
                KnowledgeGraph.Storage.IN_MEMORY, "in-memory", embedder, watch);
        log(atlas, watch);
        return atlas;
    }

    /**
     * The application over a corpus already in memory, not validated, with graph and index kept in the data folder
     * (written there batch by batch when missing or stale, resumed after a crash): for benchmark corpora too large
     * to build in memory ({@code ./atlas index --bench-embeddings}, the load generator on a built data folder).
     */
    public static Atlas persistent(AtlasConfig config, Corpus corpus, Embedder embedder) {
        Stopwatch watch = new Stopwatch();
        Atlas atlas = assemble(config, () -> corpus, new OnFirstUse<>(() -> Ontology.load(config.ontologyDir())),
                KnowledgeGraph.Storage.PERSISTENT, fingerprint(config), embedder, watch);
        log(atlas, watch);
        return atlas;
    }

    /** The graph and what the assistant reads from it once, loaded together on the graph's thread. */
    private record GraphParts(KnowledgeGraph graph, List<Trace.AxisLabel> axes, List<String> axisTerms, Map<String, List<String>> datasetNames,
            Neighbours neighbours) {
    }

    private static Atlas assemble(AtlasConfig config, Supplier<Corpus> corpus, Supplier<Ontology> ontology, KnowledgeGraph.Storage storage,
            String fingerprint, Embedder embedder, Stopwatch watch) {
        BackgroundLoad<OpenNlpWordClasses> tagger = watch.parallel(new BackgroundLoad<>("part-of-speech model", () -> {
            OpenNlpWordClasses classes = new OpenNlpWordClasses();
            classes.awaitModel();
            return classes;
        }));
        BackgroundLoad<WordNetCompounds> compounds = watch.parallel(new BackgroundLoad<>("WordNet", WordNetCompounds::new));
        BackgroundLoad<GraphParts> graphParts = watch.parallel(new BackgroundLoad<>("graph", () -> {
            KnowledgeGraph graph = config.sparql().remote().isEmpty()
                    ? KnowledgeGraph.open(corpus, ontology, storage, config.dataDir(), fingerprint)
                    : KnowledgeGraph.remote(config.sparql().remote());
            return new GraphParts(graph, graph.axisLabels(), graph.axisTerms(), graph.datasetNames(), new Neighbours(corpus.get(), graph));
        }));
        Corpus loaded = corpus.get();
        watch.lap("waiting for the corpus");
        List<Passage> passages = Passage.of(loaded);
        HybridIndex index = storage == KnowledgeGraph.Storage.PERSISTENT
                ? HybridIndex.persistent(config.dataDir(), fingerprint, passages, embedder)
                : HybridIndex.inMemory(passages, embedder);
        watch.lap("index");
        // built with the data folder; in memory (tests, benchmarks, ./atlas trace without a server), on first use: a few
        // seconds of embeddings that only a question naming a word the corpus lacks needs
        TermIndex built = storage == KnowledgeGraph.Storage.PERSISTENT
                ? TermIndex.persistent(config.dataDir(), fingerprint, () -> TermIndex.words(passages), embedder)
                : null;
        Supplier<TermIndex> terms = built != null ? () -> built : new OnFirstUse<>(() -> TermIndex.inMemory(TermIndex.words(passages), embedder));
        watch.lap("terms");
        LawBook laws = new LawBook(loaded.laws());
        AtlasConfig.Llm llm = config.llm();
        LlmComposer rewriter = llm.enabled()
                ? new LlmComposer(ChatTextModel.create(llm.provider(), llm.baseUrl(), llm.model(), llm.apiKey(), llm.timeout()))
                : null;
        PaperNotes paperNotes = new PaperNotes(loaded);
        watch.lap("laws");
        GraphParts parts = graphParts.get();
        watch.lap("waiting for the graph");
        KnowledgeGraph graph = parts.graph();
        SparqlEndpoint sparql = graph.sparqlEndpoint(config.sparql(), SPARQL_CONCURRENCY);
        Composer composer = new Composer(loaded.papersById(),
                parts.axes().stream().collect(Collectors.toMap(Trace.AxisLabel::id, Trace.AxisLabel::label)),
                parts.axes().stream().filter(Trace.AxisLabel::domain).map(Trace.AxisLabel::id).collect(Collectors.toSet()));
        Concepts concepts = new Concepts(words -> tagger.get().tag(words));
        // retrieve.engine=solr: a SolrCloud collection ranks; coverage's statistics stay with the local index
        Ranker ranker = config.retrieve().solr() ? SolrEngine.connect(config.retrieve(), index.size()) : index;
        List<String> datasetNames = parts.datasetNames().values().stream().flatMap(List::stream).toList();
        CoverageJudge judge = new CoverageJudge(new IndexStatistics(index, terms, described(loaded, parts.axisTerms(), datasetNames)),
                CoverageJudge.Thresholds.CALIBRATED, parts.axisTerms(), laws.eponyms(), words -> compounds.get().isOne(words));
        English english = new English(word -> compounds.get().isWord(word), EnglishStems::stem);
        AskPipeline pipeline = new AskPipeline(new Retrieval(index, ranker), concepts, judge,
                new Citations(loaded, index, paperNotes, parts.neighbours()), new NextLines(loaded, paperNotes, parts.neighbours()), composer,
                new InlineCalculations(laws, loaded.papersById(), english, parts.datasetNames()), rewriter);
        watch.lap("assistant");
        tagger.get();
        watch.lap("waiting for the part-of-speech model");
        compounds.get();
        watch.lap("waiting for WordNet");
        return new Atlas(config, loaded, graph, sparql, index, pipeline, laws, fingerprint);
    }

    /**
     * What describes the corpus in words beside its notes and abstracts: what its laws say, the ontology's labels for
     * its axes (practitioners' words for what the notes hold: "snapshots", "convnets", "minibatch") and the names of the
     * datasets its laws were fitted on ("Colossal Clean Crawled Corpus").
     */
    private static List<String> described(Corpus corpus, List<String> axisTerms, List<String> datasetNames) {
        List<String> texts = new ArrayList<>(corpus.laws().stream().map(Law::prose).toList());
        texts.addAll(axisTerms);
        texts.addAll(datasetNames);
        return texts;
    }

    private static void log(Atlas atlas, Stopwatch watch) {
        LOG.info("corpus loaded: {} papers, {} notes, {} triples, {} passages; {}", atlas.corpus().papers().size(), atlas.corpus().notes().size(),
                atlas.graph().triples(), atlas.index().size(), watch);
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
        return Curation.violations(corpus, ontology);
    }

    /**
     * The fingerprint of the corpus and ontology a server built from this configuration serves: equal fingerprints,
     * equal answers. {@code GET /health} reports it, so that the CLI can ask a running server instead of loading.
     */
    public static String fingerprint(AtlasConfig config) {
        return Fingerprint.cached(DERIVED_VERSION, config.dataDir().resolve("FINGERPRINT"), config.corpusDir(), config.ontologyDir());
    }

    /**
     * Elapsed milliseconds per start-up stage, for the log: the loads that ran side by side (each its own duration),
     * then the steps of the starting thread, waits included, and the total.
     */
    private static final class Stopwatch {
        private final long started = System.nanoTime();
        private long last = started;
        private final StringBuilder laps = new StringBuilder();
        private final List<Object> parallel = new ArrayList<>();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.append(stage).append(' ').append((now - last) / 1_000_000).append(" ms, ");
            last = now;
        }

        /** Records a load that runs beside the starting thread; its duration is read when the log line is written. */
        <T> T parallel(T load) {
            parallel.add(load);
            return load;
        }

        @Override
        public String toString() {
            return "in parallel: " + parallel.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "; then " + laps
                    + "total " + (last - started) / 1_000_000 + " ms";
        }
    }

    /**
     * The application services over these stores, for the edges: the web server, the MCP server and the commands talk
     * to these and never to the stores. Each call builds a new set (the servers build theirs once).
     */
    public Services services() {
        return new Services(config, new AskService(pipeline, corpus, fingerprint), new TraceService(corpus, graph, index),
                new CorpusRecords(corpus, graph), new LawService(laws, corpus.papersById(), corpus.notes(), datasetLabels()), new ExportService(corpus, graph),
                new SparqlService(sparql));
    }

    /** The name of each dataset the laws were fitted on, by its id: the first of its names in the ontology's dataset scheme. */
    private Map<String, String> datasetLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        graph.datasetNames().forEach((id, names) -> labels.put(id, names.get(0)));
        return labels;
    }

    /** The services of the application built from this configuration, its graph and index kept under {@code data.dir}. */
    public static Services services(AtlasConfig config) {
        return open(config, KnowledgeGraph.Storage.PERSISTENT).services();
    }

    /**
     * The same with graph and index in memory, touching no store on disk: for a one-off command while a server may
     * hold the stores.
     */
    public static Services servicesInMemory(AtlasConfig config) {
        return open(config, KnowledgeGraph.Storage.IN_MEMORY).services();
    }

    /** The same application under other client limits (the limits are read only by the HTTP edge). */
    public Atlas withLimits(AtlasConfig.Limits limits) {
        return new Atlas(config.withLimits(limits), corpus, graph, sparql, index, pipeline, laws, fingerprint);
    }

    public static String version() {
        return Services.version();
    }
}
