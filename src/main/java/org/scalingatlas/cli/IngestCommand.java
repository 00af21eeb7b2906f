package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.app.Curation;
import org.scalingatlas.ingest.ArxivApi;
import org.scalingatlas.ingest.Ingestion;
import org.scalingatlas.ingest.ListingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Import papers into the corpus from listing pages, arXiv API feeds, reference-manager libraries (BibTeX, "
                + "CSL-JSON), or the arXiv API itself.",
            "Formats are recognised from the content: a title/abstract listing, a \"Daily Papers\" page, an arXiv "
                + "Atom feed, a BibTeX file (Zotero, JabRef, Mendeley) or a CSL-JSON file (Zotero). --arxiv asks the arXiv "
                + "API (arxiv.api.url) for the given ids, at most one request per arxiv.interval.ms. Every input is read "
                + "before anything is written; any error leaves the corpus unchanged. The same paper from several inputs "
                + "becomes one record; a field already set is never overwritten; importing again changes nothing."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas ingest ../shared/seeds/00[123]_*.txt     the seed listings",
            "  ./atlas ingest --listing-year 2025 page.txt     a page captured in 2025",
            "  ./atlas ingest arxiv-query.xml                  an arXiv API response",
            "  ./atlas ingest library.bib library.json         a Zotero/JabRef/Mendeley library",
            "  ./atlas ingest --arxiv 2203.15556 2001.08361    papers by arXiv id (needs the network)"})
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Listing pages, arXiv Atom feeds, BibTeX or CSL-JSON files.")
    List<Path> files = List.of();

    @Option(names = "--arxiv", arity = "1..*", paramLabel = "ID",
            description = "arXiv ids to fetch from the arXiv API (e.g. 2203.15556, hep-th/9901001).")
    List<String> arxivIds = List.of();

    @Option(names = "--listing-year", paramLabel = "YEAR",
            description = "Year a listing page was captured, for its dates shown without a year (default: this year).")
    Integer listingYear;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder to import into (default: corpus.dir).")
    Path corpus;

    @Override
    public Integer call() {
        if (files.isEmpty() && arxivIds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: FILE or --arxiv ID");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate today = LocalDate.now();
        AtlasConfig config = AtlasCli.config();
        ListingReader reader = new ListingReader(listingYear == null ? today.getYear() : listingYear, today);
        Ingestion.Result result = Curation.ingest(corpus != null ? corpus : config.corpusDir(), reader, () -> arxivApi(config), files, arxivIds);
        result.reads().forEach(read -> out.printf("Read %d papers from %s%n", read.papers(), read.from()));
        result.warnings().forEach(w -> err.println("warning: " + w));
        out.println(result.summary());
        return 0;
    }

    private static ArxivApi arxivApi(AtlasConfig config) {
        AtlasConfig.Arxiv arxiv = AtlasConfig.arxiv(config.home(), System.getenv());
        return new ArxivApi(new ArxivApi.Settings(URI.create(arxiv.apiUrl()), arxiv.interval(), arxiv.timeout(), arxiv.attempts(),
                ArxivApi.BATCH));
    }
}
