package org.scalingatlas.retrieve.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.eval.EvalQuestion;
import org.scalingatlas.eval.EvalSet;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.nlp.MiniLmEmbedder;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.retrieve.Ranker;

/**
 * {@code retrieve.engine=solr} against a real SolrCloud cluster of two nodes, started by the test in its own process
 * (tests/solr-cluster), holding the collection in two shards of two replicas, so that each node holds a replica of
 * each shard. The collection is filled as {@code ./atlas index} fills it; then every question of both evaluation halves
 * is asked of the local engine and of Solr, which must give the same verdict and cite the same notes; then one node is
 * stopped and the questions are asked again, answered from the other node's replicas. The figures go to
 * {@code target/solr-parity.txt}. Runs in the {@code solr} profile ({@code mvn -Psolr verify}, what .ci/run runs).
 */
@Tag("solr")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrCloudTest {

    private static final String COLLECTION = "atlas";
    private static final Path REPORT = Path.of("target/solr-parity.txt");

    private static SolrCluster cluster;
    private static Atlas local;
    private static Atlas solr;
    private static AtlasConfig.Retrieve retrieve;
    private static final List<String> report = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Path work = TestAtlas.scratch("atlas-solr-");
        long started = System.nanoTime();
        cluster = SolrCluster.start(work, COLLECTION, 2, 2, 2);
        report.add("cluster of 2 nodes, collection 2 shards x 2 replicas, up in " + millis(started) + " ms: " + cluster.nodes());
        retrieve = new AtlasConfig.Retrieve("solr", cluster.nodes().stream().map(node -> node + "/" + COLLECTION).toList(), Duration.ofSeconds(5));
        local = TestAtlas.real();
        started = System.nanoTime();
        long held = SolrEngine.populate(retrieve, Passage.of(local.corpus()), new MiniLmEmbedder(TestAtlas.NATIVE_LIBRARIES));
        report.add("populated " + held + " passages in " + millis(started) + " ms");
        assertEquals(local.index().size(), held, "the collection holds every passage");
        solr = Atlas.open(TestAtlas.config(TestAtlas.REAL_CORPUS, work.resolve("data")).withRetrieve(retrieve), KnowledgeGraph.Storage.IN_MEMORY);
    }

    @AfterAll
    static void stop() throws Exception {
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, report);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void should_rank_passages_as_the_local_index_does() {
        Ranker ranker = SolrEngine.connect(retrieve, local.index().size());
        SolrNodes nodes = new SolrNodes(retrieve);
        double[] recall = new double[2];
        int sameTop10 = 0;
        int sameAll = 0;
        int total = 0;
        for (EvalQuestion question : questions()) {
            float[] vector = local.index().embed(question.question());
            List<Hit> localHits = local.index().search(question.question(), vector, null, 40);
            List<Hit> solrHits = ranker.search(question.question(), vector, null, 40);
            List<String> expected = keys(localHits);
            List<String> actual = keys(solrHits);
            total++;
            List<String> exact = exactNeighbours(nodes, vector, 40);
            recall[0] += overlap(exact, localHits.stream().filter(h -> h.denseRank() > 0).map(h -> keys(List.of(h)).get(0)).toList());
            recall[1] += overlap(exact, solrHits.stream().filter(h -> h.denseRank() > 0).map(h -> keys(List.of(h)).get(0)).toList());
            sameAll += expected.equals(actual) ? 1 : 0;
            if (expected.subList(0, Math.min(10, expected.size())).equals(actual.subList(0, Math.min(10, actual.size())))) {
                sameTop10++;
            } else {
                report.add("ranking differs in the top 10 for: " + question.question() + "\n  local " + expected.subList(0, Math.min(10, expected.size()))
                        + "\n  solr  " + actual.subList(0, Math.min(10, actual.size())) + "\n  why   " + why(localHits, solrHits));
            }
        }
        report.add(String.format(java.util.Locale.ROOT, "neighbour recall@40 against the exact 40 nearest: local %.4f, solr (HNSW, %d candidates a shard) %.4f",
                recall[0] / total, SolrEngine.KNN_CANDIDATES, recall[1] / total));
        report.add("fused hits (depth 40, whole question as BM25 text): top 10 identical for " + sameTop10 + "/" + total
                + ", all hits in the same order for " + sameAll + "/" + total);
        ((SolrRanker) ranker).close();
        nodes.close();
        assertTrue(sameTop10 >= total * 0.95, sameTop10 + "/" + total + " questions have the same top 10 (see " + REPORT + ")");
    }

    @Test
    @Order(2)
    void should_give_every_evaluation_question_the_same_notes_and_verdict() {
        Parity parity = compare("both nodes up");
        assertEquals(parity.total(), parity.sameVerdict(), "verdicts identical (see " + REPORT + ")");
        assertTrue(parity.sameNotes() >= parity.total() * 0.98, parity.sameNotes() + "/" + parity.total() + " answers cite the same notes (see " + REPORT + ")");
    }

    @Test
    @Order(3)
    void should_answer_from_the_replica_when_a_node_stops() throws InterruptedException {
        long started = System.nanoTime();
        cluster.stop(0);
        report.add("node 0 (" + cluster.nodes().get(0) + ") stopped in " + millis(started) + " ms");
        Parity parity = compare("node 0 stopped");
        assertEquals(parity.total(), parity.sameVerdict(), "verdicts identical with a node stopped (see " + REPORT + ")");
        assertTrue(parity.sameNotes() >= parity.total() * 0.98, parity.sameNotes() + "/" + parity.total() + " answers cite the same notes with a node stopped");
    }

    @Test
    @Order(4)
    void should_name_a_missing_collection_or_unreachable_nodes_in_words() throws IOException {
        AtlasConfig.Retrieve wrong = new AtlasConfig.Retrieve("solr", List.of(cluster.nodes().get(1) + "/nosuch"), Duration.ofSeconds(2));
        SolrUnavailableException missing = assertThrows(SolrUnavailableException.class, () -> SolrEngine.connect(wrong, 1));
        assertTrue(missing.getMessage().contains("/nosuch is not found (404): no collection 'nosuch'"), missing.getMessage());
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AtlasConfig.Retrieve unreachable = new AtlasConfig.Retrieve("solr", List.of("http://127.0.0.1:" + closed + "/solr/atlas"), Duration.ofSeconds(2));
        long started = System.nanoTime();
        SolrUnavailableException down = assertThrows(SolrUnavailableException.class, () -> SolrEngine.connect(unreachable, 1));
        assertTrue(down.getMessage().startsWith("no node of the Solr collection 'atlas' answered: http://127.0.0.1:" + closed + "/solr ("), down.getMessage());
        assertTrue(millis(started) < 5000, "refused within the timeout");
    }

    @Test
    @Order(5)
    void should_answer_503_when_no_node_answers() throws Exception {
        cluster.stop(1);
        SolrUnavailableException down = assertThrows(SolrUnavailableException.class, () -> solr.pipeline().ask("How does loss scale with compute?"));
        assertTrue(down.getMessage().startsWith("no node of the Solr collection 'atlas' answered: "), down.getMessage());
        assertTrue(down.getMessage().contains(cluster.nodes().get(0)) && down.getMessage().contains(cluster.nodes().get(1)), down.getMessage());
        io.javalin.Javalin server = org.scalingatlas.http.AtlasServer.create(solr.services()).start("127.0.0.1", 0);
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/ask?q=How%20does%20loss%20scale%20with%20compute%3F")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode(), response.body());
            assertTrue(response.body().contains("the search engine (SolrCloud) does not answer"), response.body());
        } finally {
            server.stop();
        }
    }

    private record Parity(int total, int sameVerdict, int sameNotes) {
    }

    private static Parity compare(String when) {
        long started = System.nanoTime();
        int total = 0;
        int sameVerdict = 0;
        int sameNotes = 0;
        for (EvalQuestion question : questions()) {
            Answer expected = local.pipeline().ask(question.question());
            Answer actual = solr.pipeline().ask(question.question());
            total++;
            sameVerdict += expected.verdict().equals(actual.verdict()) ? 1 : 0;
            List<String> expectedNotes = expected.notes().stream().map(Answer.SourceNote::id).toList();
            List<String> actualNotes = actual.notes().stream().map(Answer.SourceNote::id).toList();
            if (expectedNotes.equals(actualNotes)) {
                sameNotes++;
            } else {
                report.add("(" + when + ") notes differ for: " + question.question() + "\n  local " + expected.verdict() + " " + expectedNotes
                        + "\n  solr  " + actual.verdict() + " " + actualNotes);
            }
            if (!expected.verdict().equals(actual.verdict())) {
                report.add("(" + when + ") verdict differs for: " + question.question() + ": local " + expected.verdict() + ", solr " + actual.verdict());
            }
        }
        report.add("(" + when + ") " + total + " questions (dev + held out): same verdict " + sameVerdict + ", same notes in the same order "
                + sameNotes + ", in " + millis(started) + " ms (each asked of both engines)");
        return new Parity(total, sameVerdict, sameNotes);
    }

    private static List<EvalQuestion> questions() {
        List<EvalQuestion> all = new ArrayList<>(EvalSet.load(EvalSet.DEV));
        all.addAll(EvalSet.load(EvalSet.TEST));
        return all;
    }

    /** The exact nearest passages: every passage's dot product with the vector, from Solr's vectorSimilarity(). */
    private static List<String> exactNeighbours(SolrNodes nodes, float[] vector, int k) {
        var params = new org.apache.solr.common.params.ModifiableSolrParams();
        params.set("q", "{!func}vectorSimilarity(" + SolrFields.VECTOR + "," + SolrFields.vector(vector) + ")");
        params.set("rows", k);
        params.set("fl", "id");
        return nodes.send(new org.apache.solr.client.solrj.request.QueryRequest(params, org.apache.solr.client.solrj.SolrRequest.METHOD.POST))
                .getResults().stream().map(doc -> (String) doc.getFieldValue("id")).toList();
    }

    private static double overlap(List<String> exact, List<String> found) {
        return exact.stream().filter(found::contains).count() / (double) exact.size();
    }

    /** For each passage the two top 10s disagree on, its BM25 and neighbour ranks locally and in Solr. */
    private static String why(List<Hit> local, List<Hit> solr) {
        java.util.Map<String, Hit> byKey = new java.util.HashMap<>();
        solr.forEach(hit -> byKey.put(keys(List.of(hit)).get(0), hit));
        java.util.Map<String, Hit> localByKey = new java.util.HashMap<>();
        local.forEach(hit -> localByKey.put(keys(List.of(hit)).get(0), hit));
        java.util.Set<String> differing = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 10; i++) {
            String l = i < local.size() ? keys(List.of(local.get(i))).get(0) : null;
            String r = i < solr.size() ? keys(List.of(solr.get(i))).get(0) : null;
            if (l != null && !l.equals(r)) {
                differing.add(l);
            }
            if (r != null && !r.equals(l)) {
                differing.add(r);
            }
        }
        StringBuilder why = new StringBuilder();
        for (String key : differing) {
            Hit l = localByKey.get(key);
            Hit r = byKey.get(key);
            why.append(key).append(" local bm25/knn ").append(l == null ? "-" : l.lexicalRank() + "/" + l.denseRank())
                    .append(" solr ").append(r == null ? "-" : r.lexicalRank() + "/" + r.denseRank()).append("; ");
        }
        return why.toString();
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(hit -> hit.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + hit.id()).toList();
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
