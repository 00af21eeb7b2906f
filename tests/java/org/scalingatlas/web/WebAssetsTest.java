package org.scalingatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file the server serves from web/ is used: reached from index.html through its stylesheet and script tags and
 * then the modules' static imports. A file nothing reaches is dead weight a newcomer would have to read to learn it
 * does nothing.
 */
class WebAssetsTest {

    private static final Path WEB = Path.of("web");
    private static final Pattern PAGE_ASSET = Pattern.compile("<(?:script|link)\\b[^>]*\\b(?:src|href)=\"/([^\"#?]+\\.(?:js|css|svg))\"");
    private static final Pattern MODULE_IMPORT = Pattern.compile("(?m)^\\s*import\\b[^;]*?from\\s+\"(\\.{1,2}/[^\"]+)\"|\\bimport\\(\\s*\"(\\.{1,2}/[^\"]+)\"\\s*\\)");

    @Test
    void should_serve_no_file_that_the_page_never_loads() throws IOException {
        Set<String> reached = new TreeSet<>(Set.of("index.html"));
        Deque<Path> modules = new ArrayDeque<>();
        Matcher page = PAGE_ASSET.matcher(Files.readString(WEB.resolve("index.html")));
        while (page.find()) {
            Path asset = WEB.resolve(page.group(1)).normalize();
            assertTrue(Files.isRegularFile(asset), "index.html loads a missing file: " + asset);
            if (reached.add(name(asset)) && asset.toString().endsWith(".js")) {
                modules.add(asset);
            }
        }
        while (!modules.isEmpty()) {
            Path module = modules.pop();
            Matcher imports = MODULE_IMPORT.matcher(Files.readString(module));
            while (imports.find()) {
                Path imported = module.getParent().resolve(imports.group(1) != null ? imports.group(1) : imports.group(2)).normalize();
                assertTrue(Files.isRegularFile(imported), module + " imports a missing file: " + imported);
                if (reached.add(name(imported))) {
                    modules.add(imported);
                }
            }
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> all = Files.walk(WEB)) {
            all.filter(Files::isRegularFile).forEach(f -> files.add(name(f)));
        }
        assertEquals(files, reached, "files under web/ that nothing loads are dead and should go");
    }

    private static String name(Path file) {
        return WEB.relativize(file.normalize()).toString().replace('\\', '/');
    }
}
