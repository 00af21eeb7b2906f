package org.scalingatlas.retrieve.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrResponse;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.scalingatlas.config.AtlasConfig;

/**
 * One collection on the SolrCloud nodes the configuration names, each reached over {@code java.net.http}
 * (SolrJ's HttpJdkSolrClient: no Jetty client, no ZooKeeper). A request goes to the node that answered last; when
 * that node cannot be reached (refused, timed out, or answering 5xx, e.g. while its replicas recover) the next node is
 * tried, so a stopped node costs one failed connection, not an answer. Every request is bounded by the configured
 * timeout per node.
 */
final class SolrNodes implements AutoCloseable {

    /** Connecting to one node may take at most this long (less when the whole request timeout is shorter). */
    private static final long CONNECT_MS = 2000;

    private record Node(String url, HttpJdkSolrClient client) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final String collection;
    private final AtomicInteger preferred = new AtomicInteger();
    private final ExecutorService executor;

    SolrNodes(AtlasConfig.Retrieve config) {
        this.collection = config.solrCollection();
        long timeout = config.solrTimeout().toMillis();
        // daemon threads: an open client never keeps ./atlas from exiting
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "solr-client");
            thread.setDaemon(true);
            return thread;
        });
        for (String url : config.solrNodes()) {
            nodes.add(new Node(url, new HttpJdkSolrClient.Builder(url).useHttp1_1(true).withExecutor(executor)
                    .withConnectionTimeout(Math.min(CONNECT_MS, timeout), TimeUnit.MILLISECONDS)
                    .withRequestTimeout(timeout, TimeUnit.MILLISECONDS).build()));
        }
    }

    String collection() {
        return collection;
    }

    /** The clients' daemon threads, also for sending requests concurrently. */
    java.util.concurrent.Executor executor() {
        return executor;
    }

    /** The address of the collection on the node that answers now (for messages). */
    String current() {
        return nodes.get(preferred.get()).url() + "/" + collection;
    }

    /**
     * Sends the request to the collection, node after node until one answers.
     *
     * @throws SolrUnavailableException when no node answers, the collection does not exist, or the request is refused
     */
    <T extends SolrResponse> T send(SolrRequest<T> request) {
        List<String> failures = new ArrayList<>();
        int first = preferred.get();
        for (int i = 0; i < nodes.size(); i++) {
            int at = (first + i) % nodes.size();
            Node node = nodes.get(at);
            try {
                T response = request.process(node.client(), collection);
                preferred.set(at);
                return response;
            } catch (SolrServerException | IOException e) {
                failures.add(node.url() + " (" + reason(e) + ")");
            } catch (SolrException e) {
                if (e.code() == 404) {
                    throw new SolrUnavailableException(node.url() + "/" + collection + " is not found (404): no collection '" + collection
                            + "' on that Solr node, or no Solr node at that address (create the collection with the configset in "
                            + "src/main/resources/solr/atlas: see docs/solr.md)");
                }
                if (e.code() >= 500 || e.code() <= 0) {
                    failures.add(node.url() + " (" + reason(e) + ")");
                    continue;
                }
                throw new SolrUnavailableException("Solr collection " + node.url() + "/" + collection + " refused the request: " + reason(e));
            } catch (RuntimeException e) {
                failures.add(node.url() + " (not a Solr answer: " + reason(e) + ")");
            }
        }
        throw new SolrUnavailableException("no node of the Solr collection '" + collection + "' answered: " + String.join("; ", failures));
    }

    /** The innermost cause in a few words. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        String reason = cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip());
        return reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                node.client().close();
            } catch (IOException | RuntimeException e) {
                // closing a client that cannot reach its node: nothing to release
            }
        }
        executor.shutdownNow();
    }
}
