package org.scalingatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The independent clients in tests/js, run by Node for the tests that check Atlas as another library sees it
 * (citation-js reading the exports, the TypeScript MCP SDK's client). Installs the pinned packages on first use.
 */
public final class NodeClients {

    /** The npm project of the clients: package.json, its lockfile and the scripts. */
    public static final Path DIR = Path.of("tests/js");

    private NodeClients() {
    }

    /** Runs {@code npm ci} when the package {@code module} is not installed yet (needs the npm registry). */
    public static void install(String module) throws IOException, InterruptedException {
        if (!Files.isDirectory(DIR.resolve("node_modules").resolve(module))) {
            run(300, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        }
    }

    /**
     * Runs a command in tests/js and returns what it printed, failing the test with its output when it exits non-zero
     * or outlives the limit (its output goes to a file, so the limit holds even while it keeps printing).
     */
    public static String run(int seconds, Map<String, String> environment, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("atlas-node-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(DIR.toFile())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " ran past " + seconds + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + text);
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
