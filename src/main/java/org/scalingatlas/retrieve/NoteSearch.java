package org.scalingatlas.retrieve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.scalingatlas.corpus.Note;

/** BM25 over the notes (question title boosted over claim and evidence), English stemming, in memory. */
public final class NoteSearch {

    /** A note that matched, with its BM25 score. */
    public record Hit(String noteId, double score) {
    }

    private static final Map<String, Float> BOOSTS = Map.of(Fields.TITLE, 2.0f, Fields.CLAIM, 1.0f, Fields.EVIDENCE, 0.5f);

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    public NoteSearch(List<Note> notes) {
        Directory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Note note : notes) {
                Document doc = new Document();
                doc.add(new StringField(Fields.ID, note.id(), Field.Store.YES));
                doc.add(new TextField(Fields.TITLE, note.title(), Field.Store.NO));
                doc.add(new TextField(Fields.CLAIM, note.claim(), Field.Store.NO));
                for (Note.Support support : note.papers()) {
                    support.evidence().forEach(e -> doc.add(new TextField(Fields.EVIDENCE, e, Field.Store.NO)));
                }
                writer.addDocument(doc);
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index the notes: " + e.getMessage(), e);
        }
    }

    /** The best-matching notes for free text, best first; text is never parsed as query syntax. */
    public List<Hit> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(BOOSTS.keySet().toArray(String[]::new), analyzer, BOOSTS);
        try {
            Query query = parser.parse(QueryParser.escape(text));
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                hits.add(new Hit(searcher.storedFields().document(hit.doc).get(Fields.ID), hit.score));
            }
            return hits;
        } catch (ParseException e) {
            return List.of(); // only stop words, nothing to search for
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
