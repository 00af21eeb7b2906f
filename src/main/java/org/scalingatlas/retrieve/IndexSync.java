package org.scalingatlas.retrieve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a copy of the previous index up to date with the corpus instead of rebuilding it: passages whose text
 * digest is unchanged keep their documents (and their embeddings), changed and new ones are embedded and added,
 * removed ones are deleted. The copy is made in the fresh folder that then replaces the old one, so the update is as
 * atomic as a rebuild.
 */
final class IndexSync {

    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);
    private static final String EMBEDDER = "EMBEDDER";
    private static final int BATCH = 32;

    private IndexSync() {
    }

    /** Whether the previous index exists and holds vectors from the same model, in documents of the same fields. */
    static boolean canUpdate(Path previous, Embedder embedder) throws IOException {
        Path name = previous.resolve(EMBEDDER);
        return Files.isRegularFile(name) && Files.readString(name, StandardCharsets.UTF_8).strip().equals(stamp(embedder))
                && Files.isDirectory(previous.resolve("lucene"));
    }

    static void recordEmbedder(Path folder, Embedder embedder) throws IOException {
        Files.writeString(folder.resolve(EMBEDDER), stamp(embedder), StandardCharsets.UTF_8);
    }

    /** The model and the document format: a document kept from an index of another format would lack fields. */
    private static String stamp(Embedder embedder) {
        return embedder.name() + "\ndocuments " + HybridIndex.DOCUMENT_FORMAT;
    }

    static void update(Path previous, Path target, List<Passage> passages, Embedder embedder) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(target);
        try (var files = Files.list(previous)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        try (Directory directory = FSDirectory.open(target)) {
            Map<String, String> digests = digests(directory);
            Set<String> wanted = new HashSet<>();
            List<Passage> changed = new ArrayList<>();
            for (Passage passage : passages) {
                wanted.add(passage.key());
                if (!passage.digest().equals(digests.get(passage.key()))) {
                    changed.add(passage);
                }
            }
            int removed = 0;
            IndexWriterConfig config = new IndexWriterConfig(HybridIndex.analyzer()).setOpenMode(IndexWriterConfig.OpenMode.APPEND);
            try (IndexWriter writer = new IndexWriter(directory, config)) {
                for (String key : digests.keySet()) {
                    if (!wanted.contains(key)) {
                        writer.deleteDocuments(new Term(IndexFields.KEY, key));
                        removed++;
                    }
                }
                for (int from = 0; from < changed.size(); from += BATCH) {
                    List<Passage> slice = changed.subList(from, Math.min(changed.size(), from + BATCH));
                    List<Document> documents = HybridIndex.documents(slice, embedder);
                    for (int i = 0; i < slice.size(); i++) {
                        writer.updateDocument(new Term(IndexFields.KEY, slice.get(i).key()), documents.get(i));
                    }
                }
                writer.commit();
            }
            LOG.info("index updated in {} ms: {} passages embedded (new or changed), {} removed, {} kept", (System.nanoTime() - started) / 1_000_000,
                    changed.size(), removed, passages.size() - changed.size());
        }
    }

    /** Deletes a folder and what it holds, if it exists. */
    static void clear(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Key → text digest of every live document. */
    private static Map<String, String> digests(Directory directory) throws IOException {
        Map<String, String> digests = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (var leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document document = stored.document(doc, Set.of(IndexFields.KEY, IndexFields.DIGEST));
                    String digest = document.get(IndexFields.DIGEST);
                    digests.put(document.get(IndexFields.KEY), digest == null ? "" : digest);
                }
            }
        }
        return digests;
    }
}
