package org.scalingatlas.retrieve.solr;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SolrCloud cluster for a test, in a process of its own with its own classpath: the launcher in
 * {@code tests/solr-cluster} (Solr 9.10.1's MiniSolrCloudCluster: its nodes, an embedded ZooKeeper), built with Maven
 * when its classpath file is missing or older than its sources. Its output goes to {@code <work>/cluster.log}.
 */
final class SolrCluster implements AutoCloseable {

    static final Path LAUNCHER = Path.of("tests/solr-cluster");
    static final Path CONFIGSET = Path.of("src/main/resources/solr/atlas/conf");
    private static final long START_SECONDS = 180;
    private static final long BUILD_SECONDS = 600;

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> nodes;

    private SolrCluster(Process process, Path log) throws IOException, InterruptedException {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> copy(process, log), "solr-cluster-output");
        reader.setDaemon(true);
        reader.start();
        String line = next("NODES ", START_SECONDS);
        this.nodes = List.of(line.substring("NODES ".length()).strip().split(" "));
    }

    /** Starts {@code nodes} nodes and a collection of {@code shards} shards × {@code replicas} replicas from the configset. */
    static SolrCluster start(Path work, String collection, int nodes, int shards, int replicas) {
        try {
            Path classpath = build();
            Files.createDirectories(work);
            String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx512m", "-cp",
                    LAUNCHER.resolve("target/classes").toAbsolutePath() + File.pathSeparator + Files.readString(classpath).strip(),
                    "org.scalingatlas.solrcluster.SolrClusterMain", work.resolve("solr").toString(), CONFIGSET.toAbsolutePath().toString(),
                    collection, String.valueOf(nodes), String.valueOf(shards), String.valueOf(replicas)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                return new SolrCluster(process, work.resolve("cluster.log"));
            } catch (IOException | RuntimeException | InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each node's address, {@code http://127.0.0.1:<port>/solr}. */
    List<String> nodes() {
        return nodes;
    }

    /** Stops node {@code index} (0-based) and waits until the launcher says it has. */
    void stop(int index) throws InterruptedException {
        commands.println("stop " + index);
        next("STOPPED ", 60);
    }

    /** The launcher's classpath file, after building it with Maven when it is missing or older than the launcher's sources. */
    private static Path build() throws IOException, InterruptedException {
        Path classpath = LAUNCHER.resolve("target/classpath.txt");
        if (Files.isRegularFile(classpath) && newest(LAUNCHER.resolve("src")).compareTo(Files.getLastModifiedTime(classpath)) < 0
                && Files.getLastModifiedTime(LAUNCHER.resolve("pom.xml")).compareTo(Files.getLastModifiedTime(classpath)) < 0) {
            return classpath;
        }
        Path log = Files.createTempFile("solr-cluster-build", ".log");
        Process maven = new ProcessBuilder("mvn", "-B", "-q", "-f", LAUNCHER.resolve("pom.xml").toString(), "package", "-DskipTests")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!maven.waitFor(BUILD_SECONDS, TimeUnit.SECONDS)) {
            maven.destroyForcibly();
            throw new IllegalStateException("building the Solr cluster launcher took more than " + BUILD_SECONDS + " s: " + log);
        }
        if (maven.exitValue() != 0) {
            throw new IllegalStateException("building the Solr cluster launcher failed:\n" + Files.readString(log));
        }
        // Maven leaves an up-to-date classpath file untouched: mark it as built now
        Files.setLastModifiedTime(classpath, FileTime.fromMillis(System.currentTimeMillis()));
        return classpath;
    }

    private static FileTime newest(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> {
                try {
                    return Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }

    private void copy(Process from, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("EXIT " + e.getMessage());
        }
        lines.add("EXIT");
    }

    private String next(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("EXIT")) {
                throw new IllegalStateException("the Solr cluster exited: " + String.join("\n", seen.subList(Math.max(0, seen.size() - 30), seen.size())));
            }
            seen.add(line);
        }
        throw new IllegalStateException("the Solr cluster printed no '" + prefix.strip() + "' line in " + seconds + " s: "
                + Arrays.toString(seen.subList(Math.max(0, seen.size() - 10), seen.size()).toArray()));
    }

    @Override
    public void close() throws InterruptedException {
        commands.println("quit");
        commands.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
