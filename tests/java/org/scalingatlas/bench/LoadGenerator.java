package org.scalingatlas.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingatlas.Atlas;
import org.scalingatlas.http.AtlasServer;

/**
 * A loopback load generator for {@code GET /api/ask}: starts the real server in this process on 127.0.0.1 (a free
 * port), then for each concurrency level runs closed-loop clients for a fixed time, several times, and prints p50, p99
 * and throughput as min / median / max over the runs, with heap and RSS. Traffic goes to this machine only, and every
 * run stops by itself.
 *
 * <pre>mvn -q test-compile exec:exec -Dbench.main=org.scalingatlas.bench.LoadGenerator -Dbench.args="--size real"</pre>
 *
 * {@code --solr http://a:8983/solr/atlas,http://b:8983/solr/atlas} ranks in that SolrCloud collection instead
 * ({@code retrieve.engine=solr}; fill it first with {@code ./atlas index}).
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String size = option(args, "--size", Corpora.REAL);
        int[] levels = Arrays.stream(option(args, "--concurrency", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(option(args, "--seconds", "15"));
        int runs = Integer.parseInt(option(args, "--runs", "3"));
        // --unique: every request is a question never asked before ("Question 123: ..."), so no cache helps
        boolean unique = java.util.Arrays.asList(args).contains("--unique");
        long started = System.nanoTime();
        Atlas atlas = Corpora.open(size);
        // --solr <collection address,...>: rank in that SolrCloud collection (filled by ./atlas index) instead of locally
        String solr = option(args, "--solr", "");
        if (!solr.isEmpty()) {
            atlas = Atlas.open(atlas.config().withRetrieve(new org.scalingatlas.config.AtlasConfig.Retrieve("solr",
                    Arrays.stream(solr.split(",")).map(String::strip).toList(), java.time.Duration.ofSeconds(5))),
                    org.scalingatlas.graph.KnowledgeGraph.Storage.IN_MEMORY);
        }
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        Javalin server = AtlasServer.create(atlas.services()).start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + server.port() + "/api/ask?q=";
        List<String> questions = Corpora.questions();
        AtomicInteger asked = new AtomicInteger();
        java.util.function.IntFunction<URI> uri = i -> URI.create(base + URLEncoder.encode(
                unique ? "Question " + asked.incrementAndGet() + ": " + questions.get(i % questions.size()) : questions.get(i % questions.size()),
                StandardCharsets.UTF_8));
        List<URI> uris = questions.stream().map(q -> URI.create(base + URLEncoder.encode(q, StandardCharsets.UTF_8))).toList();
        System.out.printf(Locale.ROOT, "size %s: %d papers, %d notes, %d passages; built in %.1f s; %d questions%s%n", size,
                atlas.corpus().papers().size(), atlas.corpus().notes().size(), atlas.index().size(), buildSeconds, uris.size(),
                unique ? ", each request a new question" : ", repeated");
        load(uri, 4, Math.max(5, seconds / 2));
        System.out.println("| size | questions | concurrency | p50 ms (min / median / max) | p99 ms (min / median / max) | requests/s (min / median / max) | errors |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int concurrency : levels) {
            double[][] figures = new double[3][runs];
            int errors = 0;
            for (int run = 0; run < runs; run++) {
                Stats stats = load(uri, concurrency, seconds);
                figures[0][run] = stats.p50;
                figures[1][run] = stats.p99;
                figures[2][run] = stats.throughput;
                errors += stats.errors;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %d |%n", size, unique ? "new" : "repeated", concurrency, spread(figures[0]), spread(figures[1]), spread(figures[2]), errors);
        }
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "memory: heap used after GC %d MB (max %d MB), RSS %s%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.maxMemory() >> 20, rss());
        server.stop();
        atlas.index().close();
        System.exit(0);
    }

    private record Stats(double p50, double p99, double throughput, int errors) {
    }

    private static Stats load(java.util.function.IntFunction<URI> uris, int concurrency, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<List<Long>>> workers = new ArrayList<>();
        long begin = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            final int offset = w * 7;
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = offset; System.nanoTime() < deadline; i++) {
                    HttpRequest request = HttpRequest.newBuilder(uris.apply(i)).timeout(Duration.ofSeconds(30)).GET().build();
                    long t = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - t);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        client.close();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length / elapsed, errors.get());
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String spread(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }

    private static String rss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).strip()).findFirst().orElse("unknown");
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
