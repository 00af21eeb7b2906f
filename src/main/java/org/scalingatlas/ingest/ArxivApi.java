package org.scalingatlas.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks the arXiv API for papers by id, for {@code ./atlas ingest --arxiv} (the command line only: nothing the server
 * receives reaches this class). Ids are checked before any request and asked in batches; requests are at least the
 * configured interval apart (arXiv asks for 3 seconds); a 429, a 5xx or a network error is tried again after a backoff
 * that doubles the interval each time, up to the configured number of attempts, except a host name that does not
 * resolve (an offline machine), which fails at once. The answers are read by the same
 * Atom reader as a saved feed, and every id must come back, or nothing is returned.
 */
public final class ArxivApi {

    /** The source a fetched paper records, as a listing records its file name. */
    public static final String SOURCE = "arxiv-api";
    /** How many ids one request asks for. */
    public static final int BATCH = 100;
    private static final Duration MAX_CONNECT = Duration.ofSeconds(10);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /**
     * @param interval the least time between the starts of two requests
     * @param timeout  how long one request may take; connecting may take at most 10 seconds of it
     * @param attempts how many times one batch is tried
     * @param batch    how many ids one request asks for
     */
    public record Settings(URI endpoint, Duration interval, Duration timeout, int attempts, int batch) {
        public Settings {
            if (attempts < 1 || batch < 1) {
                throw new IllegalArgumentException("attempts and batch must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private long lastRequest = Long.MIN_VALUE;

    public ArxivApi(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout().compareTo(MAX_CONNECT) < 0 ? settings.timeout() : MAX_CONNECT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * The ids as arXiv knows them (version and an {@code arXiv:} prefix dropped, duplicates once), or an error naming
     * the first that is no arXiv id. Called before any request.
     */
    public static List<String> validate(List<String> ids) {
        Set<String> valid = new LinkedHashSet<>();
        for (String id : ids) {
            String bare = id.strip().replaceFirst("(?i)^arxiv:", "");
            valid.add(Identifiers.arxiv(bare).or(() -> Identifiers.arxivFromUrl(bare))
                    .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not an arXiv id (expected e.g. 2203.15556 or "
                            + "hep-th/9901001); nothing was fetched")));
        }
        return List.copyOf(valid);
    }

    /** The papers of the given ids, validated first; every id must be found. */
    public List<ListingEntry> fetch(List<String> ids) {
        List<String> wanted = validate(ids);
        List<ListingEntry> entries = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += settings.batch()) {
            List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + settings.batch()));
            entries.addAll(ArxivAtomFeed.parse(Path.of(SOURCE), get(batch)));
        }
        Set<String> found = new LinkedHashSet<>();
        entries.forEach(e -> found.add(e.arxiv()));
        List<String> missing = wanted.stream().filter(id -> !found.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the arXiv API has no paper " + String.join(", ", missing) + "; nothing was written");
        }
        return entries;
    }

    private String get(List<String> batch) {
        // validated ids hold only letters, digits, '.', '-' and '/', all legal in a query: sent as arXiv documents them
        URI uri = URI.create(settings.endpoint() + "?id_list=" + String.join(",", batch) + "&max_results=" + batch.size());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET()
                .header("User-Agent", "ScalingAtlas (ingest --arxiv)").build();
        String lastFailure = null;
        boolean network = false;
        Duration wait = Duration.ZERO;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            pause(wait);
            try {
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } finally {
                    lastRequest = System.nanoTime();
                }
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                if (status != 429 && status < 500) {
                    throw failure("the arXiv API at " + settings.endpoint() + " answered HTTP " + status
                            + firstLine(response.body()) + "; nothing was written");
                }
                lastFailure = "answered HTTP " + status;
                network = false;
                wait = backoff(attempt).compareTo(retryAfter(response)) >= 0 ? backoff(attempt) : retryAfter(response);
            } catch (IOException e) {
                lastFailure = describe(e);
                network = true;
                wait = backoff(attempt);
                if (unresolved(e)) {
                    // no name service: the machine is offline (or the host misspelt), which seconds of waiting won't change
                    throw failure("cannot fetch from the arXiv API at " + settings.endpoint() + ": " + lastFailure
                            + "; is this machine online? Nothing was written");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while asking the arXiv API; nothing was written");
            }
        }
        throw failure("cannot fetch from the arXiv API at " + settings.endpoint() + ": " + lastFailure
                + " (" + settings.attempts() + (settings.attempts() == 1 ? " attempt" : " attempts") + ")"
                + (network ? "; is this machine online? Nothing was written" : "; nothing was written"));
    }

    /**
     * Waits at least {@code wait}, and until the interval has passed since the last request ended: counted from the
     * end, two requests are at least the interval apart however long connecting takes.
     */
    private void pause(Duration wait) {
        long now = System.nanoTime();
        long earliest = lastRequest == Long.MIN_VALUE ? now : lastRequest + settings.interval().toNanos();
        long until = Math.max(earliest, now + wait.toNanos());
        try {
            while (until - System.nanoTime() > 0) {
                long left = until - System.nanoTime();
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for the arXiv API; nothing was written");
        }
    }

    /** The wait after a failed attempt: the interval doubled per attempt (3 s, then 6, 12, ...). */
    private Duration backoff(int attempt) {
        return settings.interval().multipliedBy(1L << Math.min(attempt, 10));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,5}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip()))).map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d)
                .orElse(Duration.ZERO);
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + (settings.timeout().compareTo(MAX_CONNECT) < 0 ? settings.timeout() : MAX_CONNECT).toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + settings.timeout().toMillis() + " ms";
        }
        if (unresolved(e)) {
            return "cannot resolve " + settings.endpoint().getHost();
        }
        if (e instanceof ConnectException) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            String message = cause.getMessage() == null || cause.getMessage().isBlank() ? "cannot connect" : cause.getMessage();
            return Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Whether the host's name could not be resolved (Java reports it as a connect failure caused by it). */
    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** A failure {@code ./atlas} prints as one line. */
    private static UncheckedIOException failure(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "" : " (" + (line.length() > 120 ? line.substring(0, 120) + "…" : line) + ")";
    }
}
