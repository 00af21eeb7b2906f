package org.scalingatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each library stays in its package: the imports of the main sources say so, file by file. */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/scalingatlas");

    /** Library package prefix → the only application package allowed to import it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("org.apache.lucene.", "retrieve"),
            Map.entry("org.apache.jena.", "graph"),
            Map.entry("io.javalin.", "http"),
            Map.entry("picocli.", "cli"),
            Map.entry("dev.langchain4j.", "models"),
            Map.entry("opennlp.", "models"),
            Map.entry("org.apache.commons.math3.", "laws"),
            Map.entry("net.objecthunter.exp4j.", "laws"),
            Map.entry("io.modelcontextprotocol.", "mcp"),
            Map.entry("io.github.bucket4j.", "http"),
            Map.entry("org.jbibtex.", "ingest"),
            Map.entry("com.github.benmanes.caffeine.", "http"),
            Map.entry("org.apache.solr.", "retrieve/solr"));

    @Test
    void should_import_each_library_only_from_its_own_package() throws IOException {
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('\\', '/');
                for (String line : Files.readAllLines(file)) {
                    if (!line.startsWith("import ")) {
                        continue;
                    }
                    for (Map.Entry<String, String> owner : OWNERS.entrySet()) {
                        String imported = line.substring("import ".length()).replace("static ", "");
                        if (imported.startsWith(owner.getKey()) && !pkg.equals(owner.getValue()) && !pkg.startsWith(owner.getValue() + "/")) {
                            strays.add(SOURCES.relativize(file) + " imports " + imported.replace(";", "") + " (only " + owner.getValue() + "/ may)");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), strays);
    }
}
