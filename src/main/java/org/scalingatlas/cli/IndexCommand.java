package org.scalingatlas.cli;

import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.models.MiniLmEmbedder;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.retrieve.solr.SolrEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "index",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the corpus and build the derived data in data.dir (the TDB2 graph store), so that `serve` starts "
                + "without rebuilding. Refuses an invalid corpus with the same report as `check`.",
            "Derived data records the fingerprint of the corpus and ontology it was built from and is rebuilt only "
                + "when they change.",
            "With retrieve.engine=solr, also fills the SolrCloud collection at retrieve.solr.url with every passage and "
                + "its embedding, replacing what it held (docs/solr.md)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas index", "  ATLAS_RETRIEVE_ENGINE=solr ATLAS_RETRIEVE_SOLR_URL=http://localhost:8983/solr/atlas ./atlas index"})
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AtlasConfig config = AtlasCli.config();
        // the local index is built whatever the engine: coverage's statistics come from it
        Atlas atlas = Atlas.open(config.withRetrieve(AtlasConfig.Retrieve.LOCAL), KnowledgeGraph.Storage.PERSISTENT);
        spec.commandLine().getOut().printf("Indexed %d papers and %d notes: %d triples in %s%n",
                atlas.corpus().papers().size(), atlas.corpus().notes().size(), atlas.graph().triples(), config.dataDir());
        if (config.retrieve().solr()) {
            long held = SolrEngine.populate(config.retrieve(), Passage.of(atlas.corpus()), new MiniLmEmbedder());
            spec.commandLine().getOut().printf("Sent %d passages to the Solr collection %s%n", held, config.retrieve().solrUrls().get(0));
        }
        return 0;
    }
}
