package org.scalingatlas.cli;

import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.config.AtlasConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "index",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the corpus and build the derived data in data.dir (the TDB2 graph store), so that `serve` starts "
                + "without rebuilding. Refuses an invalid corpus with the same report as `check`.",
            "Derived data records the fingerprint of the corpus and ontology it was built from and is rebuilt only "
                + "when they change."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas index"})
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AtlasConfig config = AtlasCli.config();
        CorpusRecords records = Atlas.services(config).records();
        spec.commandLine().getOut().printf("Indexed %d papers and %d notes: %d triples in %s%n",
                records.paperCount(), records.noteCount(), records.tripleCount(), config.dataDir());
        return 0;
    }
}
