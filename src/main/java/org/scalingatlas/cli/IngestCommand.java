package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.ingest.CorpusImport;
import org.scalingatlas.ingest.ListingEntry;
import org.scalingatlas.ingest.ListingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Import papers into the corpus from listing pages or arXiv API feeds.",
            "Formats are recognised from the content: a title/abstract listing, a \"Daily Papers\" page, or an arXiv "
                + "Atom feed. Every file is read before anything is written; any error leaves the corpus unchanged. "
                + "The same paper from several files becomes one record; importing again changes nothing."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas ingest ../shared/seeds/00[123]_*.txt     the seed listings",
            "  ./atlas ingest --listing-year 2025 page.txt     a page captured in 2025",
            "  ./atlas ingest arxiv-query.xml                  an arXiv API response"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Listing pages or arXiv Atom feeds.")
    List<Path> files;

    @Option(names = "--listing-year", paramLabel = "YEAR",
            description = "Year a listing page was captured, for its dates shown without a year (default: this year).")
    Integer listingYear;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder to import into (default: corpus.dir).")
    Path corpus;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate today = LocalDate.now();
        ListingReader reader = new ListingReader(listingYear == null ? today.getYear() : listingYear, today);
        List<ListingEntry> entries = new ArrayList<>();
        for (Path file : files) {
            List<ListingEntry> read = reader.read(file);
            out.printf("Read %d papers from %s%n", read.size(), file);
            entries.addAll(read);
        }
        PaperStore store = new PaperStore(corpus != null ? corpus : AtlasCli.config().corpusDir());
        CorpusImport.Report report;
        try (AutoCloseable lock = store.lockForWriting()) {
            report = new CorpusImport(store).run(entries);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the corpus lock: " + e.getMessage(), e);
        }
        report.warnings().forEach(w -> err.println("warning: " + w));
        out.printf("%d distinct papers: %d new, %d updated, %d unchanged (%s)%n",
                report.created().size() + report.updated().size() + report.unchanged(),
                report.created().size(), report.updated().size(), report.unchanged(), store.corpusDir().resolve(PaperStore.PAPERS));
        return 0;
    }
}
