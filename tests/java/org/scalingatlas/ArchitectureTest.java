package org.scalingatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from the imports (and fully qualified names) of the main sources, file by file: each
 * library stays in its package, and the application's own packages depend downwards only,
 * edges → services → stages → stores.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/scalingatlas");
    /** A reference to one of the application's classes: its package (empty for the root) and its name. */
    private static final Pattern OWN_CLASS = Pattern.compile("\\borg\\.scalingatlas\\.(?:([a-z]+)\\.)?([A-Z]\\w*)");

    /** Library package prefix → the only application package allowed to import it. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("org.apache.lucene.", "retrieve"),
            Map.entry("org.apache.jena.", "graph"),
            Map.entry("io.javalin.", "http"),
            Map.entry("picocli.", "cli"),
            Map.entry("dev.langchain4j.", "nlp"),
            Map.entry("opennlp.", "nlp"),
            Map.entry("org.apache.commons.math3.", "laws"),
            Map.entry("net.objecthunter.exp4j.", "laws"),
            Map.entry("io.modelcontextprotocol.", "mcp"),
            Map.entry("io.github.bucket4j.", "http"),
            Map.entry("org.jbibtex.", "ingest"),
            Map.entry("com.github.benmanes.caffeine.", "http"),
            Map.entry("org.apache.solr.", "retrieve/solr"));

    /** Where users come in: the web server, the MCP server, the command line. */
    private static final Set<String> EDGES = Set.of("http", "mcp", "cli");
    /** The application services and the typed records they answer with: the edges' only way in. */
    private static final Set<String> SERVICES = Set.of("app", "api");
    /** What holds the corpus, the graph, the index and the models, and the ask pipeline's stages over them. */
    private static final Set<String> STORES = Set.of("corpus", "graph", "retrieve", "nlp", "ask", "coverage");
    /** Values of those packages that the services hand to the edges (records, their exceptions, pure formatting). */
    /** What the command line may ask of the composition root: to open the services, and facts needing no stores. */
    private static final Set<String> ROOT_CALLS = Set.of("services", "servicesInMemory", "fingerprint", "version", "chatModel");
    private static final Pattern ROOT_CALL = Pattern.compile("\\bAtlas\\.(\\w+)\\(");
    private static final Pattern ROOT_VARIABLE = Pattern.compile("\\bAtlas\\s+\\w+\\s*[=;]");
    private static final Set<String> VALUES = Set.of("corpus.Paper", "corpus.Note", "corpus.Law", "corpus.CorpusException",
            "graph.Trace", "graph.Violation", "graph.RdfDocument", "graph.MediaRanges");

    @Test
    void should_import_each_library_only_from_its_own_package() throws IOException {
        List<String> strays = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
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
        assertEquals(List.of(), strays);
    }

    @Test
    void should_keep_the_edges_off_the_stores() throws IOException {
        List<String> strays = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            if (!EDGES.contains(pkg)) {
                continue;
            }
            for (String used : ownClasses(file)) {
                String usedPackage = used.contains(".") ? used.substring(0, used.indexOf('.')) : "";
                if (STORES.contains(usedPackage) && !VALUES.contains(used)) {
                    strays.add(SOURCES.relativize(file) + " uses " + used + " (an edge goes through app/)");
                }
                if (used.equals("Atlas") && !pkg.equals("cli")) {
                    strays.add(SOURCES.relativize(file) + " uses Atlas (only cli/ opens the application; the servers take app.Services)");
                }
            }
            String code = Files.readString(file);
            Matcher call = ROOT_CALL.matcher(code);
            while (call.find()) {
                if (!ROOT_CALLS.contains(call.group(1))) {
                    strays.add(SOURCES.relativize(file) + " calls Atlas." + call.group(1) + " (the command line opens the services, not the stores)");
                }
            }
            if (ROOT_VARIABLE.matcher(code).find()) {
                strays.add(SOURCES.relativize(file) + " holds an Atlas (hold its services instead)");
            }
        }
        assertEquals(List.of(), strays);
    }

    @Test
    void should_depend_downwards_only() throws IOException {
        List<String> strays = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = packageOf(file);
            boolean edge = EDGES.contains(pkg);
            boolean service = SERVICES.contains(pkg);
            for (String used : ownClasses(file)) {
                String usedPackage = used.contains(".") ? used.substring(0, used.indexOf('.')) : "";
                if (usedPackage.equals(pkg) || pkg.isEmpty()) {
                    continue; // the composition root builds everything
                }
                if (!edge && EDGES.contains(usedPackage)) {
                    strays.add(SOURCES.relativize(file) + " uses the edge " + used);
                } else if (!edge && !service && SERVICES.contains(usedPackage)) {
                    strays.add(SOURCES.relativize(file) + " uses the service " + used + " (stages and stores sit below the services)");
                } else if (!edge && usedPackage.isEmpty()) {
                    strays.add(SOURCES.relativize(file) + " uses the composition root " + used);
                }
            }
        }
        assertEquals(List.of(), strays);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The file's package below org.scalingatlas, with '/' between levels; empty for the root. */
    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('\\', '/');
    }

    /**
     * The application's classes a file names by import or fully qualified, as {@code package.Class} ({@code Class} for
     * the root), comments and the package line left out.
     */
    private static Set<String> ownClasses(Path file) throws IOException {
        Set<String> used = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String code = line.strip();
            if (code.startsWith("package ") || code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) {
                continue;
            }
            Matcher m = OWN_CLASS.matcher(code);
            while (m.find()) {
                used.add(m.group(1) == null ? m.group(2) : m.group(1) + "." + m.group(2));
            }
        }
        return used;
    }
}
