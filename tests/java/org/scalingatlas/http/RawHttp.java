package org.scalingatlas.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request written byte for byte, so that no client library normalises it first; the response as text. */
final class RawHttp {

    private static final Pattern LENGTH = Pattern.compile("content-length: (\\d+)");

    private RawHttp() {
    }

    /** Sends the request and reads one whole response, or until the server closes; fails if nothing comes within 5 s. */
    static String exchange(int port, String request) throws IOException {
        return exchange(port, request, false, Duration.ofSeconds(5));
    }

    /**
     * @param halfClose whether to shut the sending side after the request (a body that stops short)
     * @param timeout   how long to wait for the response
     */
    static String exchange(int port, String request, boolean halfClose, Duration timeout) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    got.write(buffer, 0, n);
                    if (complete(got.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                if (got.size() == 0) {
                    throw new AssertionError("no answer in " + timeout.toMillis() + " ms to " + request.lines().findFirst().orElse(""), e);
                }
            } catch (IOException e) {
                // reset by the server after its answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    /** A whole response: its head, and a body of the length announced (or a whole chunked body). */
    private static boolean complete(String response) {
        int split = response.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = response.substring(0, split).toLowerCase(Locale.ROOT);
        String body = response.substring(split + 4);
        Matcher length = LENGTH.matcher(head);
        if (length.find()) {
            return body.getBytes(StandardCharsets.UTF_8).length >= Integer.parseInt(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && body.endsWith("0\r\n\r\n");
    }
}
