package org.scalingatlas.graph;

import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.system.Txn;

/**
 * Where the graph's queries run: the local dataset (in memory or TDB2), or a remote SPARQL 1.1 server such as
 * Fuseki, so that past one machine the graph is served by a SPARQL server and the app replicas only query it.
 * The switch is the configuration key {@code sparql.remote.url}.
 */
public sealed interface GraphSource {

    /** A query execution over this source, to be given substitutions, a timeout, and built. */
    QueryExecutionBuilder query(Query query);

    /** Runs reads as one read transaction where the source has transactions. */
    <T> T read(Supplier<T> work);

    /** A description for logs and /health. */
    String describe();

    /** The dataset on this machine. */
    record Local(Dataset dataset) implements GraphSource {
        @Override
        public QueryExecutionBuilder query(Query query) {
            return QueryExecution.dataset(dataset).query(query);
        }

        @Override
        public <T> T read(Supplier<T> work) {
            return Txn.calculateRead(dataset, work);
        }

        @Override
        public String describe() {
            return "local dataset";
        }
    }

    /** A SPARQL 1.1 Protocol query endpoint, e.g. {@code http://fuseki:3030/atlas/query}. */
    record Remote(String endpoint) implements GraphSource {
        @Override
        public QueryExecutionBuilder query(Query query) {
            return QueryExecution.service(endpoint).query(query);
        }

        @Override
        public <T> T read(Supplier<T> work) {
            return work.get();
        }

        @Override
        public String describe() {
            return "remote SPARQL endpoint " + endpoint;
        }
    }
}
