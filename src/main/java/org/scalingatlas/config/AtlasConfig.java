package org.scalingatlas.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param sparql        what one SPARQL query may do
 * @param limits        what one client may ask of the server
 * @param heavy         how the expensive requests (fits, curves, exports) share the machine
 * @param retrieve      which engine ranks passages: the local index, or a SolrCloud collection
 */
public record AtlasConfig(Path home, Path corpusDir, Path ontologyDir, Path webDir, Path dataDir, String host, int port,
        Sparql sparql, Llm llm, Limits limits, Heavy heavy, Retrieve retrieve) {

    /**
     * Which engine ranks passages (BM25, nearest neighbours, their fusion). {@code local}: the Lucene index in the data
     * folder. {@code solr}: a SolrCloud collection, named by the address of the collection on one or more of its nodes
     * ({@code http://host:8983/solr/atlas}); a node that cannot be reached is skipped for the next. Coverage's corpus
     * statistics stay with the local index either way.
     *
     * @param engine      {@code local} or {@code solr}
     * @param solrUrls    the collection's address on each node to try, in order (empty for {@code local})
     * @param solrTimeout how long one request to one node may take (connecting: at most 2 seconds of it)
     */
    public record Retrieve(String engine, List<String> solrUrls, Duration solrTimeout) {

        public static final Retrieve LOCAL = new Retrieve("local", List.of(), Duration.ofSeconds(5));

        public Retrieve {
            engine = engine.strip();
            if (!engine.equals("local") && !engine.equals("solr")) {
                throw new ConfigException("retrieve.engine must be local or solr, got '" + engine + "'");
            }
            solrUrls = List.copyOf(solrUrls);
            if (solrTimeout.isNegative() || solrTimeout.isZero()) {
                throw new ConfigException("retrieve.solr.timeout.ms must be positive");
            }
            if (engine.equals("solr") && solrUrls.isEmpty()) {
                throw new ConfigException("retrieve.engine=solr needs retrieve.solr.url: the collection's address, e.g. http://host:8983/solr/atlas");
            }
            String collection = null;
            for (String url : solrUrls) {
                String named = collectionOf(url);
                if (collection != null && !collection.equals(named)) {
                    throw new ConfigException("retrieve.solr.url must name one collection on every node, got '" + collection + "' and '" + named + "'");
                }
                collection = named;
            }
        }

        public boolean solr() {
            return engine.equals("solr");
        }

        /** The collection the addresses name (their last path segment). */
        public String solrCollection() {
            return solrUrls.isEmpty() ? "" : collectionOf(solrUrls.get(0));
        }

        /** Each node's Solr address: the collection's address without the collection. */
        public List<String> solrNodes() {
            return solrUrls.stream().map(url -> url.substring(0, url.lastIndexOf('/'))).toList();
        }

        private static String collectionOf(String url) {
            java.net.URI uri;
            try {
                uri = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("retrieve.solr.url: '" + url + "' is not a URL (" + e.getReason() + ")");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null || url.endsWith("/") || !path.matches("(/[^/]+)+")) {
                throw new ConfigException("retrieve.solr.url must list http(s) addresses of a collection, such as "
                        + "http://host:8983/solr/atlas, got '" + url + "'");
            }
            String collection = path.substring(path.lastIndexOf('/') + 1);
            if (!collection.matches("[A-Za-z0-9._-]+") || path.equals("/" + collection)) {
                throw new ConfigException("retrieve.solr.url must end in /solr/<collection> (or another path, then the collection), got '" + url + "'");
            }
            return collection;
        }
    }

    /**
     * What one SPARQL query may do.
     *
     * @param timeout        how long one query may run, federation included
     * @param resultLimit    the most results one query returns
     * @param remote         a remote SPARQL 1.1 query endpoint that serves the graph instead of the local store, or empty
     * @param serviceAllow   the endpoints a query's {@code SERVICE} clause may call; empty: {@code SERVICE} is refused
     * @param maxResultBytes the largest serialised result one query may produce
     */
    public record Sparql(Duration timeout, int resultLimit, String remote, List<String> serviceAllow, long maxResultBytes) {
        public Sparql {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ConfigException("sparql.timeout.ms must be positive");
            }
            if (resultLimit < 1) {
                throw new ConfigException("sparql.limit must be at least 1, got " + resultLimit);
            }
            remote = remote == null ? "" : remote.strip();
            if (!remote.isEmpty() && !remote.matches("https?://[^\\s]+")) {
                throw new ConfigException("sparql.remote.url must be an http(s) URL of a SPARQL query endpoint, got '" + remote + "'");
            }
            serviceAllow = List.copyOf(serviceAllow);
            for (String endpoint : serviceAllow) {
                if (!endpoint.matches("https?://[^\\s]+")) {
                    throw new ConfigException("sparql.service.allow must list http(s) URLs of SPARQL endpoints, got '" + endpoint + "'");
                }
            }
            if (maxResultBytes < 1024) {
                throw new ConfigException("sparql.max.result.bytes must be at least 1024, got " + maxResultBytes);
            }
        }
    }

    /**
     * How the expensive requests (fits, curves, exports) share the machine: a small pool with a queue, each request
     * stopped at a wall-time limit; past the queue the server answers 503 with {@code Retry-After}.
     *
     * @param concurrent how many expensive requests run at once
     * @param queue      how many more may wait for a place
     * @param timeout    how long one expensive request may run, waiting included
     */
    public record Heavy(int concurrent, int queue, Duration timeout) {
        public Heavy {
            if (concurrent < 1) {
                throw new ConfigException("server.heavy.concurrent must be at least 1, got " + concurrent);
            }
            if (queue < 0) {
                throw new ConfigException("server.heavy.queue must be 0 or more, got " + queue);
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ConfigException("server.heavy.timeout.ms must be positive");
            }
        }
    }

    /**
     * What one client may ask of the server.
     *
     * @param requestsPerSecond the sustained rate of API requests one client (by address) may make; 0 turns the limit off
     * @param burst             how many requests a client may make at once before the rate applies
     * @param maxBodyBytes      the largest request body accepted
     * @param idleTimeout       how long a connection may send nothing (a slow body is cut after it)
     * @param connectionsPerClient how many connections one client (by address) may hold open at once
     */
    public record Limits(int requestsPerSecond, int burst, int maxBodyBytes, Duration idleTimeout, int connectionsPerClient) {
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
            if (idleTimeout.isNegative() || idleTimeout.isZero()) {
                throw new ConfigException("server.idle.timeout.ms must be positive");
            }
            if (connectionsPerClient < 1) {
                throw new ConfigException("server.connections.per.client must be at least 1, got " + connectionsPerClient);
            }
        }

        /** The same limits with another request rate ({@code 0}: off) and burst. */
        public Limits withRate(int newRequestsPerSecond, int newBurst) {
            return new Limits(newRequestsPerSecond, newBurst, maxBodyBytes, idleTimeout, connectionsPerClient);
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
        DATA_DIR("data.dir", "ATLAS_DATA_DIR", "target/atlas-data", "folder of derived data (graph store, indexes, the embedding runtime's native libraries), rebuilt when stale"),
        HOST("server.host", "ATLAS_HOST", "127.0.0.1", "interface the web app binds to"),
        PORT("server.port", "ATLAS_PORT", "7070", "port the web app listens on (0 picks a free one)"),
        SPARQL_TIMEOUT("sparql.timeout.ms", "ATLAS_SPARQL_TIMEOUT_MS", "5000", "how long one SPARQL query may run, in milliseconds"),
        SPARQL_LIMIT("sparql.limit", "ATLAS_SPARQL_LIMIT", "10000", "the most results one SPARQL query returns"),
        SPARQL_REMOTE("sparql.remote.url", "ATLAS_SPARQL_REMOTE_URL", "", "a SPARQL 1.1 query endpoint (e.g. Fuseki's http://host:3030/atlas/query) that serves the graph instead of the local store; empty: local"),
        SPARQL_SERVICE_ALLOW("sparql.service.allow", "ATLAS_SPARQL_SERVICE_ALLOW", "", "comma-separated http(s) endpoints a query's SERVICE clause may call; empty: SERVICE is refused"),
        SPARQL_MAX_RESULT_BYTES("sparql.max.result.bytes", "ATLAS_SPARQL_MAX_RESULT_BYTES", "16777216", "the largest serialised result one SPARQL query may produce, in bytes"),
        RATE_LIMIT("server.rate.limit", "ATLAS_RATE_LIMIT", "50", "API requests per second one client (by address) may make, sustained; past it the server answers 429; 0: no limit"),
        RATE_BURST("server.rate.burst", "ATLAS_RATE_BURST", "100", "API requests one client may make at once before server.rate.limit applies"),
        MAX_BODY_BYTES("server.max.body.bytes", "ATLAS_MAX_BODY_BYTES", "1048576", "the largest request body accepted, in bytes (larger: 413)"),
        IDLE_TIMEOUT("server.idle.timeout.ms", "ATLAS_IDLE_TIMEOUT_MS", "10000", "how long a connection may send nothing before it is closed, in milliseconds (cuts slow request bodies)"),
        CONNECTIONS_PER_CLIENT("server.connections.per.client", "ATLAS_CONNECTIONS_PER_CLIENT", "64", "how many connections one client (by address) may hold open at once"),
        HEAVY_CONCURRENT("server.heavy.concurrent", "ATLAS_HEAVY_CONCURRENT", "2", "how many expensive requests (fits, curves, exports) run at once"),
        HEAVY_QUEUE("server.heavy.queue", "ATLAS_HEAVY_QUEUE", "8", "how many more expensive requests may wait for a place (past it: 503 with Retry-After)"),
        HEAVY_TIMEOUT("server.heavy.timeout.ms", "ATLAS_HEAVY_TIMEOUT_MS", "20000", "how long one expensive request may take, waiting included, in milliseconds"),
        WARM_UP("server.warmup.seconds", "ATLAS_WARMUP_SECONDS", "10", "how long ./atlas serve asks itself the corpus's note titles before it listens, so that its first clients find the ask path compiled (0-300; 0: not at all)"),
        LLM_PROVIDER("llm.provider", "ATLAS_LLM_PROVIDER", "none", "none (the deterministic composer), openai (any OpenAI-compatible endpoint) or ollama"),
        LLM_BASE_URL("llm.base.url", "ATLAS_LLM_BASE_URL", "", "the LLM endpoint, e.g. https://api.openai.com/v1 or http://localhost:11434"),
        LLM_MODEL("llm.model", "ATLAS_LLM_MODEL", "", "the model name, e.g. gpt-4o-mini or llama3.1"),
        LLM_TIMEOUT("llm.timeout.ms", "ATLAS_LLM_TIMEOUT_MS", "20000", "how long to wait for the LLM before serving the deterministic answer"),
        ARXIV_API_URL("arxiv.api.url", "ATLAS_ARXIV_API_URL", "http://export.arxiv.org/api/query", "the arXiv API that ./atlas ingest --arxiv asks (the command line only; the server never fetches)"),
        ARXIV_INTERVAL("arxiv.interval.ms", "ATLAS_ARXIV_INTERVAL_MS", "3000", "the least time between two requests to the arXiv API, in milliseconds (arXiv asks for 3 seconds)"),
        ARXIV_TIMEOUT("arxiv.timeout.ms", "ATLAS_ARXIV_TIMEOUT_MS", "30000", "how long one arXiv API request may take, in milliseconds (connecting: at most 10 seconds of it)"),
        ARXIV_ATTEMPTS("arxiv.attempts", "ATLAS_ARXIV_ATTEMPTS", "3", "how many times one arXiv API request is tried when it fails with 429, 5xx or a network error"),
        RETRIEVE_ENGINE("retrieve.engine", "ATLAS_RETRIEVE_ENGINE", "local", "which engine ranks passages: local (the Lucene index in data.dir) or solr (a SolrCloud collection, retrieve.solr.url)"),
        RETRIEVE_SOLR_URL("retrieve.solr.url", "ATLAS_RETRIEVE_SOLR_URL", "", "comma-separated addresses of the SolrCloud collection on its nodes, tried in order (e.g. http://a:8983/solr/atlas,http://b:8983/solr/atlas)"),
        RETRIEVE_SOLR_TIMEOUT("retrieve.solr.timeout.ms", "ATLAS_RETRIEVE_SOLR_TIMEOUT_MS", "5000", "how long one request to one Solr node may take, in milliseconds, before the next node is tried");

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
    }

    /**
     * How {@code ./atlas ingest --arxiv} asks the arXiv API: kept out of the record, since only that command reads it.
     *
     * @param interval the least time between two requests; backoff after a failure doubles it per attempt
     */
    public record Arxiv(String apiUrl, Duration interval, Duration timeout, int attempts) {
        public Arxiv {
            apiUrl = apiUrl.strip();
            if (!apiUrl.matches("https?://[^\\s?#]+")) {
                throw new ConfigException("arxiv.api.url must be an http(s) URL without a query, got '" + apiUrl + "'");
            }
            if (interval.isNegative()) {
                throw new ConfigException("arxiv.interval.ms must be 0 or more");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ConfigException("arxiv.timeout.ms must be positive");
            }
            if (attempts < 1 || attempts > 10) {
                throw new ConfigException("arxiv.attempts must be between 1 and 10, got " + attempts);
            }
        }
    }

    /** The most a server may warm up before it listens ({@code server.warmup.seconds}). */
    public static final int MAX_WARM_UP_SECONDS = 300;

    /**
     * How long {@code ./atlas serve} warms its ask path before it listens ({@code server.warmup.seconds}), from the same
     * defaults, file and environment as {@link #load}: kept out of the record, since only that command reads it.
     */
    public static Duration warmUp(Path home, Map<String, String> environment) {
        int seconds = whole(Key.WARM_UP, settings(home, environment).get(Key.WARM_UP));
        if (seconds < 0 || seconds > MAX_WARM_UP_SECONDS) {
            throw new ConfigException("server.warmup.seconds must be 0 to " + MAX_WARM_UP_SECONDS + ", got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /** The arXiv API settings, from the same defaults, file and environment as {@link #load}. */
    public static Arxiv arxiv(Path home, Map<String, String> environment) {
        Map<Key, String> values = settings(home, environment);
        return new Arxiv(values.get(Key.ARXIV_API_URL), Duration.ofMillis(whole(Key.ARXIV_INTERVAL, values.get(Key.ARXIV_INTERVAL))),
                Duration.ofMillis(whole(Key.ARXIV_TIMEOUT, values.get(Key.ARXIV_TIMEOUT))), whole(Key.ARXIV_ATTEMPTS, values.get(Key.ARXIV_ATTEMPTS)));
    }

    public static AtlasConfig load(Path home, Map<String, String> environment) {
        Map<Key, String> values = settings(home, environment);
        return new AtlasConfig(home,
                home.resolve(values.get(Key.CORPUS_DIR)).normalize(),
                home.resolve(values.get(Key.ONTOLOGY_DIR)).normalize(),
                home.resolve(values.get(Key.WEB_DIR)).normalize(),
                home.resolve(values.get(Key.DATA_DIR)).normalize(),
                values.get(Key.HOST).strip(),
                whole(Key.PORT, values.get(Key.PORT)),
                new Sparql(Duration.ofMillis(whole(Key.SPARQL_TIMEOUT, values.get(Key.SPARQL_TIMEOUT))),
                        whole(Key.SPARQL_LIMIT, values.get(Key.SPARQL_LIMIT)),
                        values.get(Key.SPARQL_REMOTE),
                        list(values.get(Key.SPARQL_SERVICE_ALLOW)),
                        wholeLong(Key.SPARQL_MAX_RESULT_BYTES, values.get(Key.SPARQL_MAX_RESULT_BYTES))),
                new Llm(values.get(Key.LLM_PROVIDER).strip(), values.get(Key.LLM_BASE_URL).strip(), values.get(Key.LLM_MODEL).strip(),
                        Duration.ofMillis(whole(Key.LLM_TIMEOUT, values.get(Key.LLM_TIMEOUT))), environment.get(LLM_API_KEY)),
                new Limits(whole(Key.RATE_LIMIT, values.get(Key.RATE_LIMIT)), whole(Key.RATE_BURST, values.get(Key.RATE_BURST)),
                        whole(Key.MAX_BODY_BYTES, values.get(Key.MAX_BODY_BYTES)),
                        Duration.ofMillis(whole(Key.IDLE_TIMEOUT, values.get(Key.IDLE_TIMEOUT))),
                        whole(Key.CONNECTIONS_PER_CLIENT, values.get(Key.CONNECTIONS_PER_CLIENT))),
                new Heavy(whole(Key.HEAVY_CONCURRENT, values.get(Key.HEAVY_CONCURRENT)), whole(Key.HEAVY_QUEUE, values.get(Key.HEAVY_QUEUE)),
                        Duration.ofMillis(whole(Key.HEAVY_TIMEOUT, values.get(Key.HEAVY_TIMEOUT)))),
                new Retrieve(values.get(Key.RETRIEVE_ENGINE), list(values.get(Key.RETRIEVE_SOLR_URL)),
                        Duration.ofMillis(whole(Key.RETRIEVE_SOLR_TIMEOUT, values.get(Key.RETRIEVE_SOLR_TIMEOUT)))));
    }

    /** Every key's value: its default, overridden by the file, overridden by the environment. */
    private static Map<Key, String> settings(Path home, Map<String, String> environment) {
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
        return values;
    }

    /** The folder inside {@link #dataDir} that keeps the embedding runtime's native libraries (see {@code nlp/OnnxNatives}). */
    public Path nativeLibrariesDir() {
        return dataDir.resolve("native");
    }

    public AtlasConfig withServer(String newHost, Integer newPort) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, newHost == null ? host : newHost,
                newPort == null ? port : newPort, sparql, llm, limits, heavy, retrieve);
    }

    public AtlasConfig withCorpusDir(Path dir) {
        return new AtlasConfig(home, dir, ontologyDir, webDir, dataDir, host, port, sparql, llm, limits, heavy, retrieve);
    }

    public AtlasConfig withDataDir(Path dir) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dir, host, port, sparql, llm, limits, heavy, retrieve);
    }

    public AtlasConfig withLlm(Llm newLlm) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparql, newLlm, limits, heavy, retrieve);
    }

    public AtlasConfig withSparql(Sparql newSparql) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, newSparql, llm, limits, heavy, retrieve);
    }

    public AtlasConfig withSparqlRemote(String url) {
        return withSparql(new Sparql(sparql.timeout(), sparql.resultLimit(), url, sparql.serviceAllow(), sparql.maxResultBytes()));
    }

    public AtlasConfig withSparql(Duration timeout, int limit) {
        return withSparql(new Sparql(timeout, limit, sparql.remote(), sparql.serviceAllow(), sparql.maxResultBytes()));
    }

    public AtlasConfig withLimits(Limits newLimits) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparql, llm, newLimits, heavy, retrieve);
    }

    public AtlasConfig withHeavy(Heavy newHeavy) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparql, llm, limits, newHeavy, retrieve);
    }

    public AtlasConfig withRetrieve(Retrieve newRetrieve) {
        return new AtlasConfig(home, corpusDir, ontologyDir, webDir, dataDir, host, port, sparql, llm, limits, heavy, newRetrieve);
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

    private static long wholeLong(Key key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key.property + " must be a whole number, got '" + value + "'");
        }
    }

    /** A comma-separated list, blanks dropped. */
    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static String knownEnv() {
        return Arrays.stream(Key.values()).map(k -> k.env).collect(Collectors.joining(", "));
    }
}
