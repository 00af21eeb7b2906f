package org.scalingatlas.solrcluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud cluster for the Solr tests, in a process of its own: starts {@code nodes} Solr nodes with an embedded
 * ZooKeeper, uploads the configset, creates the collection with {@code shards} shards of {@code replicas} replicas, and
 * prints one line {@code NODES <url> <url>...} (each node's {@code http://127.0.0.1:<port>/solr}) once it is active.
 * It then reads commands from standard input, one a line: {@code stop <n>} stops node n (0-based, in the order of
 * the NODES line, which stopping another node does not change) and prints
 * {@code STOPPED <url>}; {@code quit}, or the end of input (the test's process is gone), shuts the cluster down.
 *
 * <p>Arguments: {@code <work folder> <configset folder> <collection> <nodes> <shards> <replicas>}.
 */
public final class SolrClusterMain {

    private SolrClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: SolrClusterMain <work folder> <configset folder> <collection> <nodes> <shards> <replicas>");
            System.exit(2);
        }
        Path work = Files.createDirectories(Path.of(args[0]));
        Path configset = Path.of(args[1]);
        String collection = args[2];
        int nodes = Integer.parseInt(args[3]);
        int shards = Integer.parseInt(args[4]);
        int replicas = Integer.parseInt(args[5]);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster(nodes, work, JettyConfig.builder().build());
        try {
            cluster.uploadConfigSet(configset, collection);
            CollectionAdminRequest.createCollection(collection, collection, shards, replicas).process(cluster.getSolrClient());
            cluster.waitForActiveCollection(collection, shards, shards * replicas);
            List<JettySolrRunner> started = List.copyOf(cluster.getJettySolrRunners());
            List<String> urls = started.stream().map(j -> j.getBaseUrl().toString()).toList();
            DocCollection state = cluster.getSolrClient().getClusterState().getCollection(collection);
            for (JettySolrRunner node : cluster.getJettySolrRunners()) {
                String name = node.getNodeName();
                String held = state.getSlices().stream().filter(s -> s.getReplicas().stream().anyMatch(r -> r.getNodeName().equals(name)))
                        .map(Slice::getName).sorted().collect(Collectors.joining(","));
                System.out.println("NODE " + node.getBaseUrl() + " holds " + held);
            }
            System.out.println("NODES " + String.join(" ", urls));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
                String[] command = line.strip().split("\\s+");
                if (command.length == 2 && command[0].equals("stop")) {
                    JettySolrRunner node = started.get(Integer.parseInt(command[1]));
                    cluster.stopJettySolrRunner(node);
                    System.out.println("STOPPED " + node.getBaseUrl());
                } else {
                    System.out.println("UNKNOWN " + line);
                }
                System.out.flush();
            }
        } finally {
            cluster.shutdown();
        }
        System.exit(0);
    }
}
