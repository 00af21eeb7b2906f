package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The web app's pages: every page is {@code web/index.html}, whose script renders the route it is opened on, so that
 * a permalink such as {@code /ask?q=...} or {@code /note/ID} opens straight on its page.
 */
final class PageRoutes {

    /** The pages of the web app; the script in web/js/app.js renders each. */
    static final List<String> PAGES = List.of("/ask", "/browse", "/laws", "/plan", "/note/{id}", "/paper/{id}", "/law/{id}", "/axis/{id}", "/ceiling/{id}");

    private final Path index;

    PageRoutes(Path webDir) {
        this.index = webDir.resolve("index.html");
    }

    void register(RoutesConfig routes) {
        PAGES.forEach(page -> routes.get(page, this::page));
    }

    private void page(Context ctx) {
        try {
            ctx.html(Files.readString(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
    }
}
