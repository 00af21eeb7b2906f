package org.scalingatlas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtlasConfigTest {

    @TempDir
    Path home;

    @Test
    void should_use_the_defaults_when_nothing_is_configured() {
        AtlasConfig config = AtlasConfig.load(home, Map.of("PATH", "/usr/bin"));
        assertEquals("127.0.0.1", config.host());
        assertEquals(7070, config.port());
        assertEquals(home.resolve("corpus"), config.corpusDir());
        assertEquals(home.resolve("web"), config.webDir());
    }

    @Test
    void should_let_the_environment_override_the_file_and_the_file_the_defaults() throws IOException {
        Files.writeString(home.resolve(AtlasConfig.FILE_NAME), "server.port=8080\nserver.host=0.0.0.0\n");
        AtlasConfig config = AtlasConfig.load(home, Map.of("ATLAS_PORT", "9090", "ATLAS_HOME", "/ignored/by/config"));
        assertEquals(9090, config.port());
        assertEquals("0.0.0.0", config.host());
    }

    @Test
    void should_fail_naming_the_key_when_a_key_is_unknown_or_a_value_invalid() throws IOException {
        Files.writeString(home.resolve(AtlasConfig.FILE_NAME), "server.prot=8080\n");
        assertTrue(assertThrows(ConfigException.class, () -> AtlasConfig.load(home, Map.of())).getMessage().contains("'server.prot'"));
        Files.delete(home.resolve(AtlasConfig.FILE_NAME));
        assertTrue(assertThrows(ConfigException.class, () -> AtlasConfig.load(home, Map.of("ATLAS_PROT", "1"))).getMessage().contains("ATLAS_PROT"));
        assertTrue(assertThrows(ConfigException.class, () -> AtlasConfig.load(home, Map.of("ATLAS_PORT", "seventy"))).getMessage().contains("whole number"));
        assertTrue(assertThrows(ConfigException.class, () -> AtlasConfig.load(home, Map.of("ATLAS_PORT", "70000"))).getMessage().contains("between 0 and 65535"));
    }

    @Test
    void should_rank_locally_unless_a_solr_collection_is_configured() {
        AtlasConfig.Retrieve local = AtlasConfig.load(home, Map.of()).retrieve();
        assertEquals("local", local.engine());
        assertEquals(false, local.solr());
        AtlasConfig.Retrieve solr = AtlasConfig.load(home, Map.of("ATLAS_RETRIEVE_ENGINE", "solr",
                "ATLAS_RETRIEVE_SOLR_URL", "http://a:8983/solr/atlas, https://b.example:8984/solr/atlas", "ATLAS_RETRIEVE_SOLR_TIMEOUT_MS", "1500")).retrieve();
        assertTrue(solr.solr());
        assertEquals("atlas", solr.solrCollection());
        assertEquals(java.util.List.of("http://a:8983/solr", "https://b.example:8984/solr"), solr.solrNodes());
        assertEquals(java.time.Duration.ofMillis(1500), solr.solrTimeout());
    }

    @Test
    void should_refuse_a_solr_engine_without_a_collection_address_in_words() {
        assertEquals("retrieve.engine must be local or solr, got 'elastic'", refusal(Map.of("ATLAS_RETRIEVE_ENGINE", "elastic")));
        assertTrue(refusal(Map.of("ATLAS_RETRIEVE_ENGINE", "solr")).startsWith("retrieve.engine=solr needs retrieve.solr.url"));
        for (String bad : new String[] {"localhost:8983/solr/atlas", "ftp://a/solr/atlas", "http://a:8983/solr/atlas/", "http://a:8983/atlas",
                "http://a:8983/solr/atlas?x=1", "http://a b/solr/atlas", "http://a:8983/solr/at%las"}) {
            String message = refusal(Map.of("ATLAS_RETRIEVE_ENGINE", "solr", "ATLAS_RETRIEVE_SOLR_URL", bad));
            assertTrue(message.startsWith("retrieve.solr.url"), bad + ": " + message);
        }
        assertTrue(refusal(Map.of("ATLAS_RETRIEVE_ENGINE", "solr", "ATLAS_RETRIEVE_SOLR_URL", "http://a/solr/one,http://b/solr/two"))
                .contains("one collection on every node"));
        assertTrue(refusal(Map.of("ATLAS_RETRIEVE_SOLR_TIMEOUT_MS", "0")).contains("retrieve.solr.timeout.ms must be positive"));
        assertTrue(refusal(Map.of("ATLAS_RETRIEVE_SOLR_TIMEOUT_MS", "soon")).contains("whole number"));
    }

    @Test
    void should_warm_a_server_up_for_ten_seconds_unless_configured_otherwise_and_refuse_a_warm_up_out_of_range() throws IOException {
        assertEquals(java.time.Duration.ofSeconds(10), AtlasConfig.warmUp(home, Map.of()));
        assertEquals(java.time.Duration.ZERO, AtlasConfig.warmUp(home, Map.of("ATLAS_WARMUP_SECONDS", "0")));
        Files.writeString(home.resolve(AtlasConfig.FILE_NAME), "server.warmup.seconds=30\n");
        assertEquals(java.time.Duration.ofSeconds(30), AtlasConfig.warmUp(home, Map.of()));
        assertEquals("server.warmup.seconds must be 0 to 300, got 301",
                assertThrows(ConfigException.class, () -> AtlasConfig.warmUp(home, Map.of("ATLAS_WARMUP_SECONDS", "301"))).getMessage());
        assertEquals("server.warmup.seconds must be 0 to 300, got -1",
                assertThrows(ConfigException.class, () -> AtlasConfig.warmUp(home, Map.of("ATLAS_WARMUP_SECONDS", "-1"))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> AtlasConfig.warmUp(home, Map.of("ATLAS_WARMUP_SECONDS", "a while")))
                .getMessage().contains("whole number"));
    }

    private String refusal(Map<String, String> environment) {
        return assertThrows(ConfigException.class, () -> AtlasConfig.load(home, environment)).getMessage();
    }
}
