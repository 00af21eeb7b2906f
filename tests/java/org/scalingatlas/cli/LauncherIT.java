package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./atlas} launcher itself, run as a user runs it, against the jar that {@code package} built. */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("atlas").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void should_print_help_with_every_command_when_run_with_help() throws Exception {
        Result result = run(List.of("--help"));
        assertEquals(0, result.status, result.err);
        for (String command : List.of("serve", "ingest")) {
            assertTrue(result.out.contains(command), result.out);
        }
        Result version = run(List.of("--version"));
        assertTrue(version.out.contains("Scaling Atlas") && version.out.matches("(?s).*Java (2[1-9]|[3-9]\\d).*"),
                "runs on a JDK 21+: " + version.out);
    }

    @Test
    void should_exit_non_zero_with_a_one_line_error_when_ingest_gets_a_bad_file() throws Exception {
        Path bad = tmp.resolve("empty.txt");
        Files.writeString(bad, "");
        Result result = run(List.of("ingest", "--corpus", tmp.resolve("corpus").toString(), bad.toString()));
        assertEquals(1, result.status);
        assertEquals("atlas: error: " + bad + ": the file is empty", result.err.strip());
    }

    @Test
    void should_leave_nothing_in_the_temporary_folder_after_answering() throws Exception {
        // ONNX Runtime alone leaves an empty onnxruntime-java… folder there on every run (see OnnxNatives)
        Path jvmTmp = Files.createDirectories(tmp.resolve("jvm-tmp"));
        Result result = run(List.of("ask", "--local", "Does depth matter more than width?"), Map.of("ATLAS_JVM_OPTS", "-Djava.io.tmpdir=" + jvmTmp));
        assertEquals(0, result.status, result.err);
        try (Stream<Path> left = Files.list(jvmTmp)) {
            assertEquals(List.of(), left.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void should_answer_health_when_serving() throws Exception {
        Process serve = new ProcessBuilder(LAUNCHER.toString(), "serve", "--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line == null ? "" : line);
            assertTrue(port.find(), "serve announces its address: " + line);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"status\":\"ok\""), health.body());
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void should_serve_when_the_class_data_archive_is_damaged_and_record_a_good_one() throws Exception {
        Matcher java = Pattern.compile("Java (\\d+)").matcher(run(List.of("--version")).out);
        assertTrue(java.find(), "the launcher names its JDK");
        // newer than the jar, so it is not taken for a stale archive: the JVM would read it as a broken base archive,
        // turn class sharing off and warn, unless the launcher removes it first
        // a JDK 25+ server keeps an ahead-of-time cache, an earlier one a dynamic class-data archive
        int major = Integer.parseInt(java.group(1));
        Path archive = Path.of("target", major >= 25 ? "atlas-serve-jdk" + major + ".aot" : "atlas-serve-cds-jdk" + major + ".jsa");
        Files.writeString(archive, "not a class-data archive");
        Path err = tmp.resolve("serve-err.txt");
        Process serve = new ProcessBuilder(LAUNCHER.toString(), "serve", "--port", "0").redirectError(err.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line == null ? "" : line);
            assertTrue(port.find(), "serve announces its address: " + line + "\n" + Files.readString(err));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(Files.readString(err).lines().noneMatch(l -> l.contains("CDS") || l.contains("shared archive") || l.contains("[aot]")),
                    "no warning from the JVM about the archive: " + Files.readString(err));
            assertTrue(Files.size(archive) > 1_000_000, "a real archive was recorded in its place: " + Files.size(archive) + " bytes");
        } finally {
            serve.destroy();
            if (!serve.waitFor(10, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private record Result(int status, String out, String err) {
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        return run(args, Map.of());
    }

    private Result run(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(args);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./atlas " + args + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
