package org.scalingatlas.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a remote SPARQL endpoint on 127.0.0.1 that counts every connection made to it (a request that
 * never completes counts too) and answers in one of a few ways an attacker's endpoint might.
 */
final class ServiceListener implements AutoCloseable {

    enum Mode {
        /** Accepts, reads the request, and never answers. */
        SILENT,
        /** Sends headers, then one byte every 100 ms, forever. */
        TRICKLE,
        /** Sends bytes as fast as it can, without end. */
        FLOOD,
        /** Answers one row: ?x = urn:remote:answer. */
        ANSWER
    }

    private static final String ROW = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"uri\",\"value\":\"urn:remote:answer\"}}]}}";

    private final ServerSocket server;
    private final Mode mode;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ServiceListener(Mode mode) throws IOException {
        this.mode = mode;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("service-listener").start(this::acceptLoop);
    }

    /** The endpoint's address, as a query would name it. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/sparql";
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread.ofPlatform().daemon().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            readHead(in);
            switch (mode) {
                case SILENT -> in.transferTo(OutputStream.nullOutputStream());
                case TRICKLE -> {
                    out.write(head("Content-Length: 100000000\r\n"));
                    while (true) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                case FLOOD -> {
                    out.write(head("Connection: close\r\n"));
                    byte[] spaces = new byte[64 * 1024];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 16 * 1024; i++) {
                        out.write(spaces);
                    }
                }
                case ANSWER -> {
                    byte[] body = ROW.getBytes(StandardCharsets.UTF_8);
                    out.write(head("Content-Length: " + body.length + "\r\n"));
                    out.write(body);
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the caller hung up: what a cut-off query does
        }
    }

    private static byte[] head(String extra) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
