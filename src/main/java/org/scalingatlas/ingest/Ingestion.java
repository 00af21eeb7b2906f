package org.scalingatlas.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.scalingatlas.corpus.CorpusException;
import org.scalingatlas.corpus.PaperStore;

/**
 * One {@code ingest}: arXiv ids checked first, then every file read, then the arXiv API asked, and only when all of
 * that succeeded the corpus locked and the papers merged, all or none.
 */
public final class Ingestion {

    /** What one input gave: a file, or the arXiv API. */
    public record Read(String from, int papers) {
    }

    public record Result(List<Read> reads, List<String> warnings, CorpusImport.Report report, Path papersDir) {
        public Result {
            reads = List.copyOf(reads);
            warnings = List.copyOf(warnings);
        }

        /** {@code 4 distinct papers: added 3, updated 1 (doi, authors), unchanged 0 (corpus/papers)}. */
        public String summary() {
            int distinct = report.created().size() + report.updated().size() + report.unchanged();
            return distinct + " distinct papers: " + report.summary() + " (" + papersDir + ")";
        }
    }

    private final PaperStore store;
    private final ListingReader reader;
    private final Supplier<ArxivApi> arxiv;

    /**
     * @param arxiv the arXiv API client, made only when ids are asked for
     */
    public Ingestion(PaperStore store, ListingReader reader, Supplier<ArxivApi> arxiv) {
        this.store = store;
        this.reader = reader;
        this.arxiv = arxiv;
    }

    public Result run(List<Path> files, List<String> arxivIds) {
        List<String> ids = ArxivApi.validate(arxivIds);
        List<Read> reads = new ArrayList<>();
        List<ListingEntry> entries = new ArrayList<>();
        for (Path file : files) {
            List<ListingEntry> read = reader.read(file);
            reads.add(new Read(file.toString(), read.size()));
            entries.addAll(read);
        }
        if (!ids.isEmpty()) {
            List<ListingEntry> fetched = arxiv.get().fetch(ids);
            reads.add(new Read("the arXiv API", fetched.size()));
            entries.addAll(fetched);
        }
        CorpusImport.Report report;
        try (AutoCloseable lock = store.lockForWriting()) {
            report = new CorpusImport(store).run(entries);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CorpusException(store.corpusDir(), 0, "cannot release the corpus lock: " + e.getMessage());
        }
        List<String> warnings = new ArrayList<>(reader.warnings());
        warnings.addAll(report.warnings());
        return new Result(reads, warnings, report, store.corpusDir().resolve(PaperStore.PAPERS));
    }
}
