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
}
