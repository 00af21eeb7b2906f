package org.scalingatlas.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;
import org.scalingatlas.corpus.DerivedFolder;
import org.scalingatlas.question.Question;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes and abstracts in one Lucene index, searched two ways and fused: BM25 over English-stemmed text (titles
 * boosted) and nearest neighbours of an in-process embedding, combined by reciprocal rank fusion. Persisted in the
 * data folder with the fingerprint it was built from; rebuilt beside the old one and swapped in when that changes.
 */
public final class HybridIndex implements AutoCloseable, Ranker {

    private static final Logger LOG = LoggerFactory.getLogger(HybridIndex.class);
    static final String FOLDER = "index";
    static final String LUCENE = "lucene";
    /** Reciprocal rank fusion constant (Cormack et al. 2009). */
    private static final int RRF_K = 60;
    private static final int RECENT_EMBEDDINGS = 1024;
    private static final double RAM_BUFFER_MB = 512;
    private static final Map<String, Float> BOOSTS = Map.of(IndexFields.TITLE, 2.0f, IndexFields.BODY, 1.0f);

    private final Analyzer analyzer = new EnglishAnalyzer();
    /** The fields of a document (see {@link #document}): an index of another format is rebuilt, not updated. */
    static final int DOCUMENT_FORMAT = 3;

    private final Analyzer light = new LightAnalyzer();
    private final Analyzer inflections = LightAnalyzer.inflections();
    private final Embedder embedder;
    /** Embeddings of the most recent questions, least recently used evicted first. */
    private final Map<String, float[]> recentEmbeddings = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT_EMBEDDINGS;
        }
    });
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /**
     * Each document's passage key, by document id ({@code null} for a deleted one), read once when the index opens. Asking
     * the stored fields for it on every hit decompressed a block of stored passages each time: a fifth of the server's
     * CPU under load went there (JFR, BENCHMARKS.md).
     */
    private final String[] keys;
    /** The document of each passage key, the inverse of {@link #keys}. */
    private final Map<String, Integer> docs = new HashMap<>();

    private HybridIndex(Embedder embedder, Directory directory) throws IOException {
        this.embedder = embedder;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.keys = keys(reader);
        for (int doc = 0; doc < keys.length; doc++) {
            if (keys[doc] != null) {
                docs.put(keys[doc], doc);
            }
        }
    }

    private static String[] keys(DirectoryReader reader) throws IOException {
        String[] keys = new String[reader.maxDoc()];
        Bits live = MultiBits.getLiveDocs(reader);
        StoredFields fields = reader.storedFields();
        for (int doc = 0; doc < keys.length; doc++) {
            if (live == null || live.get(doc)) {
                keys[doc] = fields.document(doc, Set.of(IndexFields.KEY)).get(IndexFields.KEY);
            }
        }
        return keys;
    }

    public static HybridIndex inMemory(List<Passage> passages, Embedder embedder) {
        try {
            Directory directory = new ByteBuffersDirectory();
            write(directory, passages, embedder);
            return new HybridIndex(embedder, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the index: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the index in {@code dataDir}, first bringing it up to date when {@code fingerprint} has changed. A changed
     * corpus updates a copy of the previous index ({@link IndexSync}); otherwise the index is written to disk as the
     * passages stream in and committed in batches ({@link StreamingIndexBuild}), so a build killed part way continues
     * from its last commit the next time. Until the new index is complete, the previous one is what is served.
     */
    public static HybridIndex persistent(Path dataDir, String fingerprint, List<Passage> passages, Embedder embedder) {
        return persistent(dataDir, fingerprint, passages, embedder, StreamingIndexBuild.COMMIT_EVERY);
    }

    /** {@link #persistent(Path, String, List, Embedder)}, committing a build from scratch every {@code commitEvery} passages. */
    static HybridIndex persistent(Path dataDir, String fingerprint, List<Passage> passages, Embedder embedder, int commitEvery) {
        Path previous = dataDir.resolve(FOLDER);
        Path dir = DerivedFolder.ensureResumable(dataDir, FOLDER, fingerprint + " " + embedder.name() + " documents-" + DOCUMENT_FORMAT, building -> {
            if (!StreamingIndexBuild.startedIn(building) && IndexSync.canUpdate(previous, embedder)) {
                IndexSync.clear(building.resolve(LUCENE)); // what an update killed part way had copied
                IndexSync.update(previous.resolve(LUCENE), building.resolve(LUCENE), passages, embedder);
            } else {
                if (!StreamingIndexBuild.startedIn(building)) {
                    IndexSync.clear(building.resolve(LUCENE));
                }
                StreamingIndexBuild.run(building, passages, embedder, commitEvery);
            }
            IndexSync.recordEmbedder(building, embedder);
        });
        try {
            return new HybridIndex(embedder, FSDirectory.open(dir.resolve(LUCENE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Directory directory, List<Passage> passages, Embedder embedder) throws IOException {
        long started = System.nanoTime();
        LOG.info("indexing {} passages (BM25 and {} embeddings)", passages.size(), embedder.name());
        // a large buffer flushes fewer, larger segments: fewer merges, each of which rebuilds the vectors' HNSW graph
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer()).setRAMBufferSizeMB(RAM_BUFFER_MB))) {
            int batch = 32;
            for (int from = 0; from < passages.size(); from += batch) {
                List<Passage> slice = passages.subList(from, Math.min(passages.size(), from + batch));
                writer.addDocuments(documents(slice, embedder));
                int done = Math.min(passages.size(), from + batch);
                if (done % 128 < batch || done == passages.size()) {
                    LOG.info("indexed {}/{} passages", done, passages.size());
                }
            }
            writer.commit();
        }
        LOG.info("index built in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** How passages are analysed: English stemming for the ranked fields, a light analysis for coverage's counts. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(IndexFields.ALL, new LightAnalyzer()));
    }

    /**
     * The passages' documents, embedded in one call to the model: each passage's text, and the title of each passage an
     * answer may cite (what {@link #titleSimilarity} reads), unless the embedder keeps no titles.
     */
    static List<Document> documents(List<Passage> passages, Embedder embedder) {
        List<String> texts = new ArrayList<>(passages.stream().map(Passage::embeddingText).toList());
        Predicate<Passage> titled = passage -> passage.citable() && embedder.embedsTitles();
        passages.stream().filter(titled).forEach(passage -> texts.add(passage.title()));
        List<float[]> vectors = embedder.embedAll(texts);
        List<Document> documents = new ArrayList<>(passages.size());
        int title = passages.size();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            documents.add(document(passage, vectors.get(i), titled.test(passage) ? vectors.get(title++) : null));
        }
        return documents;
    }

    /**
     * A passage's document; {@code vector} null leaves the vector out (the BM25-only build benchmarks measure), and
     * {@code titleVector} null the title's embedding (kept for citable passages only).
     */
    static Document document(Passage passage, float[] vector, float[] titleVector) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KEY, passage.key(), Field.Store.YES));
        doc.add(new StringField(IndexFields.DIGEST, passage.digest(), Field.Store.YES));
        doc.add(new StringField(IndexFields.KIND, passage.kind().name(), Field.Store.YES));
        if (passage.citable()) {
            doc.add(new StringField(IndexFields.CITABLE, "yes", Field.Store.NO));
        }
        doc.add(new StringField(IndexFields.ID, passage.id(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE, passage.title(), Field.Store.NO));
        doc.add(new TextField(IndexFields.BODY, passage.body(), Field.Store.NO));
        doc.add(new TextField(IndexFields.ALL, passage.title() + "\n" + passage.body(), Field.Store.NO));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        if (titleVector != null) {
            doc.add(new StoredField(IndexFields.TITLE_VECTOR, bytes(titleVector)));
        }
        return doc;
    }

    /**
     * The cosine between a text's embedding and the title of a passage an answer may cite (notes are titled as
     * questions, so this says how directly a note answers one); empty for a passage without a title embedding.
     */
    public OptionalDouble titleSimilarity(Passage.Ref passage, float[] vector) {
        Double similarity = titleSimilarities(List.of(passage), vector).get(passage);
        return similarity == null ? OptionalDouble.empty() : OptionalDouble.of(similarity);
    }

    /**
     * {@link #titleSimilarity} for several passages, each found by its key; passages without a title embedding are left out.
     */
    public Map<Passage.Ref, Double> titleSimilarities(Collection<Passage.Ref> passages, float[] vector) {
        try {
            StoredFields fields = searcher.storedFields();
            Map<Passage.Ref, Double> similarities = new HashMap<>();
            for (Passage.Ref passage : passages) {
                Integer doc = docs.get(passage.key());
                BytesRef title = doc == null ? null : fields.document(doc, Set.of(IndexFields.TITLE_VECTOR)).getBinaryValue(IndexFields.TITLE_VECTOR);
                if (title != null) {
                    similarities.put(passage, (double) VectorUtil.dotProduct(vector, floats(title)));
                }
            }
            return similarities;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A vector as a stored field keeps it: little-endian floats. */
    private static byte[] bytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    private static float[] floats(BytesRef bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** Searches with the text's own embedding. */
    public List<Hit> search(String text, Passage.Kind kind, int depth) {
        return search(text, embed(text), kind, depth);
    }

    /**
     * The question's embedding, computed once per question and reused by every search. The model's answers for the
     * most recent questions are kept (a question asked again, a permalink reopened, a next line followed), so a
     * repeated question costs a map lookup instead of a model run. A text the model would read as no token at all
     * (combining marks, U+FFFD) is refused in words before the model sees it.
     */
    public float[] embed(String text) {
        Question.requireSearchable(text);
        float[] cached = recentEmbeddings.get(text);
        if (cached == null) {
            cached = embedder.embed(text);
            recentEmbeddings.put(text, cached);
        }
        return cached.clone();
    }

    /** The model's embeddings of texts of the corpus itself, in one batch and kept by no cache here (the caller keeps them). */
    public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
    }

    /**
     * The best passages for a question: the top {@code depth} of each ranker fused by reciprocal rank, best first.
     *
     * @param kind only passages of this kind, or {@code null} for both
     */
    @Override
    public List<Hit> search(String text, float[] vector, Passage.Kind kind, int depth) {
        try {
            Map<String, Integer> lexicalDocs = new HashMap<>();
            Map<String, Integer> lexical = ranks(lexicalQuery(text, kind), depth, lexicalDocs);
            Map<String, Double> similarity = new HashMap<>();
            Map<String, Integer> dense = new LinkedHashMap<>();
            Query knn = new KnnFloatVectorQuery(IndexFields.VECTOR, vector, depth, kind == null ? null : new TermQuery(new Term(IndexFields.KIND, kind.name())));
            int rank = 0;
            for (ScoreDoc hit : searcher.search(knn, depth).scoreDocs) {
                String key = key(hit.doc);
                dense.put(key, ++rank);
                similarity.put(key, 2.0 * hit.score - 1.0); // DOT_PRODUCT scores are (1 + cos) / 2
            }
            Map<String, Double> fused = new HashMap<>();
            lexical.forEach((key, r) -> fused.merge(key, 1.0 / (RRF_K + r), Double::sum));
            dense.forEach((key, r) -> fused.merge(key, 1.0 / (RRF_K + r), Double::sum));
            List<Hit> hits = new ArrayList<>();
            for (Map.Entry<String, Double> entry : fused.entrySet()) {
                String key = entry.getKey();
                int colon = key.indexOf(':');
                Passage.Kind hitKind = Passage.Kind.valueOf(key.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
                double cos = similarity.containsKey(key) ? similarity.get(key) : similarityOf(lexicalDocs.get(key), vector);
                hits.add(new Hit(hitKind, key.substring(colon + 1), entry.getValue(), lexical.getOrDefault(key, 0), dense.getOrDefault(key, 0), cos));
            }
            hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id));
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terms of a text as coverage counts them: lower case, stop words out, plurals folded. */
    public List<String> terms(String text) {
        return analyze(light, IndexFields.ALL, text);
    }

    /** A text's terms as the ranking indexes them (English stemming). */
    private List<String> stems(String text) {
        return analyze(analyzer, IndexFields.BODY, text);
    }

    private static List<String> analyze(Analyzer by, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (var stream = by.tokenStream(field, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** In how many passages a term occurs. */
    public int documentFrequency(String term) {
        try {
            return reader.docFreq(new Term(IndexFields.ALL, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** How many passages contain every one of the phrases (each a run of terms as {@link #terms} gives them). */
    public int passagesWithPhrases(List<List<String>> phrases) {
        if (phrases.isEmpty()) {
            return reader.numDocs();
        }
        try {
            return searcher.count(allOf(phrases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passages that contain every one of the phrases, notes before papers, at most {@code limit}. */
    private List<Passage.Ref> passagesWith(List<List<String>> phrases, int limit) {
        try {
            List<Passage.Ref> refs = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(allOf(phrases), Math.max(limit, 50)).scoreDocs) {
                String key = key(hit.doc);
                int colon = key.indexOf(':');
                refs.add(new Passage.Ref(Passage.Kind.valueOf(key.substring(0, colon).toUpperCase(java.util.Locale.ROOT)), key.substring(colon + 1)));
            }
            refs.sort(Comparator.comparing((Passage.Ref r) -> r.kind() != Passage.Kind.NOTE).thenComparing(Passage.Ref::id));
            return refs.subList(0, Math.min(limit, refs.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passages holding every phrase (a one-term phrase is a term), on the lightly analysed field. */
    private static Query allOf(List<List<String>> phrases) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (List<String> phrase : phrases) {
            Query clause = phrase.size() == 1 ? new TermQuery(new Term(IndexFields.ALL, phrase.get(0)))
                    : new PhraseQuery(IndexFields.ALL, phrase.toArray(String[]::new));
            all.add(clause, BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    public int size() {
        return reader.numDocs();
    }

    /** British spellings tried in their American form too: "generalisation" finds "generalization". */
    private static final List<Map.Entry<String, String>> SPELLINGS = List.of(
            Map.entry("isation", "ization"), Map.entry("ising", "izing"), Map.entry("ised", "ized"), Map.entry("ise", "ize"),
            Map.entry("our", "or"), Map.entry("yse", "yze"), Map.entry("tre", "ter"));

    /**
     * On the lightly analysed field (plurals folded, no stemming), then with the word's inflections folded to its
     * dictionary form ("forecasting" is used when "forecast" is): "calculator" is not "calculation", "photonic" not "photon".
     */
    public boolean uses(String word) {
        return uses(word, term -> documentFrequency(term) > 0);
    }

    /** As {@link #uses(String)}, among the words of a {@link #vocabulary} rather than the indexed passages. */
    public boolean usesAmong(String word, Set<String> vocabulary) {
        return uses(word, vocabulary::contains);
    }

    /** The words of a text as {@link #usesAmong} reads them: its terms on the lightly analysed field, and their dictionary forms. */
    public Set<String> vocabulary(String text) {
        Set<String> words = new java.util.HashSet<>(terms(text));
        words.addAll(analyze(inflections, IndexFields.ALL, text));
        return words;
    }

    private boolean uses(String word, java.util.function.Predicate<String> known) {
        List<String> forms = new ArrayList<>(List.of(word));
        for (Map.Entry<String, String> spelling : SPELLINGS) {
            int at = word.lastIndexOf(spelling.getKey());
            if (at > 0) {
                forms.add(word.substring(0, at) + spelling.getValue() + word.substring(at + spelling.getKey().length()));
            }
        }
        for (String form : forms) {
            List<String> terms = terms(form);
            if (terms.isEmpty()) {
                return true; // a stop word: nothing a corpus could lack
            }
            if (terms.stream().allMatch(known)) {
                return true;
            }
            List<String> lemmas = analyze(inflections, IndexFields.ALL, form);
            if (!lemmas.equals(terms) && lemmas.stream().allMatch(known)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The passages holding a concept's words: as a phrase where some passage has it word for word, else the words
     * anywhere in one passage.
     *
     * @param count    how many passages hold them
     * @param first    the best of them, notes first
     * @param verbatim whether they hold the words as the question puts them (one word, or the phrase word for word),
     *                 not scattered through a passage
     */
    public record Holding(int count, Passage.Ref first, boolean verbatim) {
    }

    /** Which passages hold these words (see {@link Holding}); {@code null} first when none does. */
    public Holding holding(List<String> words) {
        List<List<String>> terms = holdingTerms(words);
        int count = terms.isEmpty() ? 0 : passagesWithPhrases(terms);
        return new Holding(count, count == 0 ? null : passagesWith(terms, 1).get(0), terms.size() == 1);
    }

    /** How many passages hold these words, as {@link #holding} counts them, without finding which. */
    public int holdingCount(List<String> words) {
        List<List<String>> terms = holdingTerms(words);
        return terms.isEmpty() ? 0 : passagesWithPhrases(terms);
    }

    /** The phrase word for word where some passage has it ("consistency models"), else its words one by one. */
    private List<List<String>> holdingTerms(List<String> words) {
        List<String> terms = terms(String.join(" ", words));
        if (terms.size() > 1 && passagesWithPhrases(List.of(terms)) > 0) {
            return List.of(terms);
        }
        return terms.stream().distinct().map(List::of).toList();
    }

    /** Words this long or longer meet a word of the same first letters ("accelerator" and "acceleration"). */
    private static final int PREFIX = 6;

    /**
     * Leniently, because it is what stops an answer from calling missing what it cites: each word of the phrase is in
     * the text by its English stem, or as a word sharing its first {@value #PREFIX} letters.
     */
    public boolean mentions(String text, String phrase) {
        Set<String> stems = new HashSet<>(stems(text));
        Set<String> prefixes = new HashSet<>();
        for (String word : analyze(light, IndexFields.ALL, text)) {
            if (word.length() >= PREFIX) {
                prefixes.add(word.substring(0, PREFIX));
            }
        }
        List<String> words = analyze(light, IndexFields.ALL, phrase);
        return !words.isEmpty() && words.stream().allMatch(word -> stems.containsAll(stems(word))
                || (word.length() >= PREFIX && prefixes.contains(word.substring(0, PREFIX))));
    }

    public double closestNote(float[] vector) {
        return closest(vector, new TermQuery(new Term(IndexFields.CITABLE, "yes")));
    }

    public double closestPassage(String phrase) {
        return closest(embed(phrase), null);
    }

    private double closest(float[] vector, Query filter) {
        try {
            ScoreDoc[] best = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, 1, filter), 1).scoreDocs;
            return best.length == 0 ? -1 : 2.0 * best[0].score - 1.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query lexicalQuery(String text, Passage.Kind kind) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {IndexFields.TITLE, IndexFields.BODY}, analyzer, BOOSTS);
        try {
            Query parsed = parser.parse(QueryParser.escape(text));
            if (kind == null) {
                return parsed;
            }
            return new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST)
                    .add(new TermQuery(new Term(IndexFields.KIND, kind.name())), BooleanClause.Occur.FILTER).build();
        } catch (ParseException e) {
            return null; // nothing but stop words
        }
    }

    private Map<String, Integer> ranks(Query query, int depth, Map<String, Integer> docs) throws IOException {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        if (query == null) {
            return ranks;
        }
        int rank = 0;
        for (ScoreDoc hit : searcher.search(query, depth).scoreDocs) {
            String key = key(hit.doc);
            ranks.put(key, ++rank);
            docs.put(key, hit.doc);
        }
        return ranks;
    }

    private String key(int doc) {
        return keys[doc];
    }

    /** Cosine of a passage found only lexically: seek its stored vector. */
    private double similarityOf(int doc, float[] vector) throws IOException {
        var leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        var values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) {
            return 0;
        }
        var iterator = values.iterator();
        int local = doc - leaf.docBase;
        if (iterator.advance(local) != local) {
            return 0;
        }
        return VectorSimilarityFunction.DOT_PRODUCT.compare(vector, values.vectorValue(iterator.index())) * 2.0 - 1.0;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
