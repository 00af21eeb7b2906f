package org.scalingatlas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The one validated configuration, loaded once: defaults, then {@code atlas.properties} in the project folder
 * (if present), then environment variables. An unknown key in the file, or an unknown {@code ATLAS_*} variable,
 * fails fast naming it.
 *
 * @param home          the project folder (relative paths below resolve against it)
 * @param corpusDir     the corpus: papers and notes
 * @param ontologyDir   the vocabulary, axis scheme and SHACL shapes
 * @param webDir        the static web app
 * @param dataDir       derived data (graph store, indexes), rebuilt from the corpus when missing or stale
 * @param host          interface {@code serve} binds to
 * @param port          port {@code serve} listens on
 * @param sparqlTimeout how long one SPARQL query may run
 * @param sparqlLimit   the most results one SPARQL query returns
 * @param sparqlRemote  a remote SPARQL 1.1 query endpoint that serves the graph instead of the local store, or empty
 * @param limits        what one client may ask of the server
 */
public record AtlasConfig(Path home, Path corpusDir, Path ontologyDir, Path webDir, Path dataDir, String host, int port,
        Duration sparqlTimeout, int sparqlLimit, String sparqlRemote, Llm llm, Limits limits) {

    /**
     * What one client may ask of the server.
     *
     * @param requestsPerSecond the sustained rate of API requests one client (by address) may make; 0 turns the limit off
     * @param burst             how many requests a client may make at once before the rate applies
     * @param maxBodyBytes      the largest request body accepted
     */
    public record Limits(int requestsPerSecond, int burst, int maxBodyBytes) {
        public Limits {
            if (requestsPerSecond < 0) {
                throw new ConfigException("server.rate.limit must be 0 (off) or more, got " + requestsPerSecond);
            }
            if (burst < 1) {
                throw new ConfigException("server.rate.burst must be at least 1, got " + burst);
            }
            if (maxBodyBytes < 1024) {
                throw new ConfigException("server.max.body.bytes must be at least 1024, got " + maxBodyBytes);
            }
        }

        public boolean rateLimited() {
            return requestsPerSecond > 0;
        }
    }

    /**
     * The optional LLM composer: off unless {@code provider} is openai or ollama.
     *
     * @param apiKey from {@code ATLAS_LLM_API_KEY} only; never printed
     */
    public record Llm(String provider, String baseUrl, String model, Duration timeout, String apiKey) {
        public Llm {
            if (!java.util.Set.of("none", "openai", "ollama").contains(provider)) {
                throw new ConfigException("llm.provider must be none, openai or ollama, got '" + provider + "'");
            }
            if (!provider.equals("none") && (baseUrl.isBlank() || model.isBlank())) {
                throw new ConfigException("llm.provider " + provider + " needs llm.base.url and llm.model");
            }
        }

        public boolean enabled() {
            return !provider.equals("none");
        }

        @Override
        public String toString() {
            return "Llm[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", apiKey=" + (apiKey == null ? "unset" : "set") + "]";
        }
    }

    public static final String FILE_NAME = "atlas.properties";

    /** Every setting: its key in the file, its environment variable, its default and what it is for. */
    public enum Key {
        CORPUS_DIR("corpus.dir", "ATLAS_CORPUS_DIR", "corpus", "folder of paper and note records"),
        ONTOLOGY_DIR("ontology.dir", "ATLAS_ONTOLOGY_DIR", "ontology", "folder of the vocabulary, axis scheme and SHACL shapes"),
        WEB_DIR("web.dir", "ATLAS_WEB_DIR", "web", "folder of the web app's static files"),
        DATA_DIR("data.dir", "ATLAS_DATA_DIR", "target/atlas-data", "folder of derived data (graph store, indexes), rebuilt when stale"),
        HOST("server.host", "ATLAS_HOST", "127.0.0.1", "interface the web app binds to"),
        PORT("server.port", "ATLAS_PORT", "7070", "port the web app listens on (0 picks a free one)"),
        SPARQL_TIMEOUT("sparql.timeout.ms", "ATLAS_SPARQL_TIMEOUT_MS", "5000", "how long one SPARQL query may run, in milliseconds"),
        SPARQL_LIMIT("sparql.limit", "ATLAS_SPARQL_LIMIT", "10000", "the most results one SPARQL query returns"),
        SPARQL_REMOTE("sparql.remote.url", "ATLAS_SPARQL_REMOTE_URL", "", "a SPARQL 1.1 query endpoint (e.g. Fuseki's http://host:3030/atlas/query) that serves the graph instead of the local store; empty: local"),
        RATE_LIMIT("server.rate.limit", "ATLAS_RATE_LIMIT", "50", "API requests per second one client (by address) may make, sustained; past it the server answers 429; 0: no limit"),
        RATE_BURST("server.rate.burst", "ATLAS_RATE_BURST", "100", "API requests one client may make at once before server.rate.limit applies"),
        MAX_BODY_BYTES("server.max.body.bytes", "ATLAS_MAX_BODY_BYTES", "1048576", "the largest request body accepted, in bytes (larger: 413)"),
        LLM_PROVIDER("llm.provider", "ATLAS_LLM_PROVIDER", "none", "none (the deterministic composer), openai (any OpenAI-compatible endpoint) or ollama"),
        LLM_BASE_URL("llm.base.url", "ATLAS_LLM_BASE_URL", "", "the LLM endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434"),
        LLM_MODEL("llm.model", "ATLAS_LLM_MODEL", "", "the model name, e.g. gpt-4o-mini or llama3.1"),
        LLM_TIMEOUT("llm.timeout.ms", "ATLAS_LLM_TIMEOUT_MS", "20000", "how long to wait for the LLM before serving the deterministic answer");

        public final String property;
        public final String env;
        public final String defaultValue;
        public final String description;

        Key(String property, String env, String defaultValue, String description) {
            this.property = property;
            this.env = env;
            this.defaultValue = defaultValue;
            this.description = description;
        }
    }

    /** Environment variables the launcher reads itself; allowed beside the keys above. */
    /** The LLM's API key: a secret, so only ever read from the environment, never from a file. */
    public static final String LLM_API_KEY = "ATLAS_LLM_API_KEY";

    private static final java.util.Set<String> LAUNCHER_VARIABLES = java.util.Set.of("ATLAS_HOME", "ATLAS_JAVA", "ATLAS_JVM_OPTS", LLM_API_KEY);

    public AtlasConfig {
        if (port < 0 || port > 65535) {
            throw new ConfigException("server.port must be between 0 and 65535, got " + port);
        }
        if (host == null || host.isBlank()) {
            throw new ConfigException("server.host must not be empty");
        }
        if (sparqlTimeout.isNegative() || sparqlTimeout.isZero()) {
            throw new ConfigException("sparql.timeout.ms must be positive");
        }
        if (sparqlLimit < 1) {
            throw new ConfigException("sparql.limit must be at least 1, got " + sparqlLimit);
        }
        sparqlRemote = sparqlRemote == null ? "" : sparqlRemote.strip();
        if (!sparqlRemote.isEmpty() && !sparqlRemote.matches("https?://[^\\s]+")) {
            throw new ConfigException("sparql.remote.url must be an http(s) URL of a SPARQL query endpoint, got '" + sparqlRemote + "'");
        }
    }

    public static AtlasConfig load(Path home, Map<String, String> environment) {
        Map<Key, String> values = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            values.put(key, key.defaultValue);
        }
        Path file = home.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            readFile(file, values);
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith("ATLAS_") || LAUNCHER_VARIABLES.contains(name)) {
                continue;
            }
            Key key = Arrays.stream(Key.values()).filter(k -> k.env.equals(name)).findFirst()
                    .orElseThrow(() -> new ConfigException("unknown environment variable " + name + " (known: " + knownEnv() + ")"));
            values.put(key, variable.getValue());
        }
        return new AtlasConfig(home,
                home.resolve(values.get(Key.CORPUS_DIR)).normalize(),
                home.resolve(values.get(Key.ONTOLOGY_DIR)).normalize(),
                home.resolve(values.get(Key.WEB_DIR)).normalize(),
                home.resolve(values.get(Key.DATA_DIR)).normalize(),
                values.get(Key.HOST).strip(),
                whole(Key.PORT, values.get(Key.PORT)),
                Duration.ofMillis(whole(Key.SPARQL_TIMEOUT, values.get(Key.SPARQL_TIMEOUT))),
                whole(Key.SPARQL_LIMIT, values.get(Key.SPARQL_LIMIT)),
                values.get(Key.SPARQL_REMOTE),
                new Llm(values.get(Key.LLM_PROVIDER).strip(), values.get(Key.LLM_BASE_URL).strip(), values.get(Key.LLM_MODEL).strip(),
                        Duration.ofMillis(whole(Key.LLM_TIMEOUT, values.get(Key.LLM_TIMEOUT))), environment.get(LLM_API_KEY)),
                new Limits(whole(Key.RATE_LIMIT, values.get(Key.RATE_LIMIT)), whole(Key.RATE_BURST, values.get(Key.RATE_BURST)),
                        whole(Key.MAX_BODY_BYTES, values.get(Key.MAX_BODY_BYTES))));
    }

    public AtlasConfig withServer(String newHost, Integer newPort) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, newHost == null ? host : newHost,
                newPort == null ? port : newPort, sparqlTimeout, sparqlLimit, sparqlRemote, llm, limits);
    }

    public AtlasConfig withCorpusDir(Path dir) {
        return new AtlasConfig(home, dir, ontologyDir, webDir, dataDir, host, port, sparqlTimeout, sparqlLimit, sparqlRemote, llm, limits);
    }

    public AtlasConfig withDataDir(Path dir) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dir, host, port, sparqlTimeout, sparqlLimit, sparqlRemote, llm, limits);
    }

    public AtlasConfig withLlm(Llm newLlm) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparqlTimeout, sparqlLimit, sparqlRemote, newLlm, limits);
    }

    public AtlasConfig withSparqlRemote(String url) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparqlTimeout, sparqlLimit, url, llm, limits);
    }

    public AtlasConfig withSparql(Duration timeout, int limit) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, timeout, limit, sparqlRemote, llm, limits);
    }

    public AtlasConfig withLimits(Limits newLimits) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparqlTimeout, sparqlLimit, sparqlRemote, llm, newLimits);
    }

    private static void readFile(Path file, Map<Key, String> values) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        for (String name : properties.stringPropertyNames()) {
            Key key = Arrays.stream(Key.values()).filter(k -> k.property.equals(name)).findFirst()
                    .orElseThrow(() -> new ConfigException(file + ": unknown key '" + name + "' (known: "
                            + Arrays.stream(Key.values()).map(k -> k.property).collect(Collectors.joining(", ")) + ")"));
            values.put(key, properties.getProperty(name));
        }
    }

    private static int whole(Key key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key.property + " must be a whole number, got '" + value + "'");
        }
    }

    private static String knownEnv() {
        return Arrays.stream(Key.values()).map(k -> k.env).collect(Collectors.joining(", "));
    }
}
