package org.scalingatlas.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.scalingatlas.TestAtlas;

/** The real server on a free loopback port, and the requests the HTTP tests send it over real HTTP. */
final class Loopback implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Javalin server;

    Loopback(Javalin started) {
        this.server = started;
    }

    /** The application on the real corpus (shared by the whole test run). */
    static Loopback real() {
        return new Loopback(AtlasServer.create(TestAtlas.real().services()).start("127.0.0.1", 0));
    }

    /** The running server, for tests that read its connector's own counts. */
    Javalin javalin() {
        return server;
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build());
    }

    HttpResponse<byte[]> bytes(String path, String accept) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST with this content type; none when {@code type} is empty. */
    HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (!type.isEmpty()) {
            request.header("Content-Type", type);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
