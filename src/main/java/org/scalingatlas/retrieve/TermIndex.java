package org.scalingatlas.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.scalingatlas.corpus.DerivedFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words the corpus uses, each with its embedding, so that a phrase from a question can be matched to the closest
 * of them in meaning. Closer than matching a phrase against whole passages: a short phrase and a hundred-word abstract
 * rarely come within cosine 0.6 of each other even when the abstract is about it, while "reversal" and "reverse" (0.85) or
 * "synthetic-ness" and "synthetic" (0.87) do.
 *
 * <p>Words are cut as the question's concepts are, hyphenated compounds whole ("compute-optimal",
 * "sample-efficient"), so that the two sides meet like for like. The vocabulary grows with the language of the
 * corpus, not with its size, and cutting words costs no model: a million papers add words, not hours.
 *
 * <p>Kept in a folder of the data directory stamped with the corpus fingerprint; a rebuild embeds only the words the
 * previous build did not have.
 */
public final class TermIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TermIndex.class);
    static final String FOLDER = "terms";
    private static final String LUCENE = "lucene";
    private static final String TERM = "term";
    private static final String VECTOR = "vector";
    /** Bump when the way terms are chosen or stored changes. */
    private static final int FORMAT = 3;
    /** Anything but letters, digits and hyphens ends a word. */
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}-]+");
    private static final int BATCH = 64;
    /** Nearest neighbours the graph search gathers before the best is taken: more than one makes missing the best unlikely. */
    private static final int CANDIDATES = 8;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private TermIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** The words of the passages' titles and bodies: lower case, three to forty characters, at least one a letter. */
    public static Set<String> words(List<Passage> passages) {
        Set<String> words = new HashSet<>();
        for (Passage passage : passages) {
            for (String text : List.of(passage.title(), passage.body())) {
                for (String token : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
                    String word = trimHyphens(token);
                    if (word.length() >= 3 && word.length() <= 40 && word.codePoints().anyMatch(Character::isLetter)) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    private static String trimHyphens(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && token.charAt(from) == '-') {
            from++;
        }
        while (to > from && token.charAt(to - 1) == '-') {
            to--;
        }
        return token.substring(from, to);
    }

    /** The terms embedded in memory (tests, benchmarks on synthetic corpora). */
    public static TermIndex inMemory(Collection<String> terms, Embedder embedder) {
        try {
            Directory directory = new ByteBuffersDirectory();
            write(directory, new TreeSet<>(terms), Map.of(), embedder);
            return new TermIndex(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the term index: " + e.getMessage(), e);
        }
    }

    /**
     * Opens {@code dataDir/terms}, first building it when it was built for another corpus or model: then
     * {@code terms} is called for the corpus's terms, and those the previous build holds keep their vectors.
     */
    public static TermIndex persistent(Path dataDir, String fingerprint, Supplier<Collection<String>> terms, Embedder embedder) {
        Path previous = dataDir.resolve(FOLDER).resolve(LUCENE);
        Path dir = DerivedFolder.ensure(dataDir, FOLDER, fingerprint + " " + embedder.name() + " terms-" + FORMAT, fresh -> {
            Map<String, float[]> known = Files.isDirectory(previous) && sameModel(dataDir.resolve(FOLDER), embedder) ? vectors(previous) : Map.of();
            try (Directory directory = FSDirectory.open(fresh.resolve(LUCENE))) {
                write(directory, new TreeSet<>(terms.get()), known, embedder);
            }
            Files.writeString(fresh.resolve("EMBEDDER"), embedder.name(), StandardCharsets.UTF_8);
        });
        try {
            return new TermIndex(FSDirectory.open(dir.resolve(LUCENE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the term index in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameModel(Path folder, Embedder embedder) throws IOException {
        Path name = folder.resolve("EMBEDDER");
        return Files.isRegularFile(name) && Files.readString(name, StandardCharsets.UTF_8).strip().equals(embedder.name());
    }

    /** Every term of a built index with its vector. */
    private static Map<String, float[]> vectors(Path lucene) throws IOException {
        Map<String, float[]> known = new HashMap<>();
        try (Directory directory = FSDirectory.open(lucene); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (values == null) {
                    continue;
                }
                var stored = leaf.reader().storedFields();
                KnnVectorValues.DocIndexIterator iterator = values.iterator();
                for (int doc = iterator.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                    known.put(stored.document(doc, Set.of(TERM)).get(TERM), values.vectorValue(iterator.index()).clone());
                }
            }
        }
        return known;
    }

    private static void write(Directory directory, Set<String> terms, Map<String, float[]> known, Embedder embedder) throws IOException {
        long started = System.nanoTime();
        List<String> pending = new ArrayList<>();
        int embedded = 0;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (String term : terms) {
                float[] vector = known.get(term);
                if (vector != null) {
                    writer.addDocument(document(term, vector));
                } else {
                    pending.add(term);
                }
                if (pending.size() == BATCH) {
                    embedded += add(writer, pending, embedder);
                }
            }
            embedded += add(writer, pending, embedder);
            writer.commit();
        }
        LOG.info("term index: {} terms, {} embedded anew, in {} ms", terms.size(), embedded, (System.nanoTime() - started) / 1_000_000);
    }

    private static int add(IndexWriter writer, List<String> pending, Embedder embedder) throws IOException {
        if (pending.isEmpty()) {
            return 0; // the model refuses to embed nothing
        }
        List<float[]> vectors = embedder.embedAll(pending);
        for (int i = 0; i < pending.size(); i++) {
            writer.addDocument(document(pending.get(i), vectors.get(i)));
        }
        int added = pending.size();
        pending.clear();
        return added;
    }

    private static Document document(String term, float[] vector) {
        Document doc = new Document();
        doc.add(new StoredField(TERM, term));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    /** How many terms it holds. */
    public int size() {
        return reader.numDocs();
    }

    /** The cosine similarity of the closest term to a unit-length vector (-1 when there is none). */
    public double closest(float[] vector) {
        return nearest(vector).similarity();
    }

    /** The closest term to a unit-length vector, with its cosine similarity; an empty term and -1 when there is none. */
    public Match nearest(float[] vector) {
        try {
            ScoreDoc[] best = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, CANDIDATES), 1).scoreDocs;
            if (best.length == 0) {
                return new Match("", -1);
            }
            return new Match(searcher.storedFields().document(best[0].doc, Set.of(TERM)).get(TERM), 2.0 * best[0].score - 1.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A term and how close it is. */
    public record Match(String term, double similarity) {
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
