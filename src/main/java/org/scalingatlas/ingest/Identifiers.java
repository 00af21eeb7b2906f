package org.scalingatlas.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** arXiv ids and DOIs as libraries write them: with or without a version, a resolver prefix or a URL. */
final class Identifiers {

    /** A new-style ({@code 2203.15556}) or old-style ({@code hep-th/9901001}) arXiv id, optionally with a version. */
    private static final Pattern ARXIV = Pattern.compile("(\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?");
    private static final Pattern ARXIV_URL = Pattern.compile(
            "(?i)^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(.+?)(?:\\.pdf)?/?$");
    private static final Pattern ARXIV_DOI = Pattern.compile("(?i)^10\\.48550/arxiv\\.(.+)$");
    /** {@code arXiv:2203.15556} as Zotero writes it in a note or report number, or Google Scholar in a journal field. */
    private static final Pattern ARXIV_PREFIXED = Pattern.compile("(?i)\\barxiv:\\s*(\\S+?)(?=[\\s\\]\\[,;)]|$)");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)");

    private Identifiers() {
    }

    /** The id without its version when {@code text} is an arXiv id ({@code 2203.15556v2} → {@code 2203.15556}). */
    static Optional<String> arxiv(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV.matcher(text.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The arXiv id of an {@code arxiv.org/abs/…} or {@code /pdf/…} URL. */
    static Optional<String> arxivFromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV_URL.matcher(url.strip());
        return m.matches() ? arxiv(m.group(1)) : Optional.empty();
    }

    /** The arXiv id of arXiv's own DOI ({@code 10.48550/arXiv.2203.15556}). */
    static Optional<String> arxivFromDoi(String doi) {
        if (doi == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV_DOI.matcher(doi);
        return m.matches() ? arxiv(m.group(1)) : Optional.empty();
    }

    /** The arXiv id written as {@code arXiv:ID} anywhere in a free-text field. */
    static Optional<String> arxivPrefixed(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = ARXIV_PREFIXED.matcher(text);
        return m.find() ? arxiv(m.group(1)) : Optional.empty();
    }

    /**
     * A DOI without its resolver prefix ({@code https://doi.org/10.1/x} → {@code 10.1/x}); empty when none is given,
     * and {@code null}-free: a value that is no DOI is reported by the caller.
     */
    static Optional<String> doi(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String doi = DOI_PREFIX.matcher(text.strip()).replaceFirst("");
        doi = java.net.URLDecoder.decode(doi.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        return DOI.matcher(doi).matches() ? Optional.of(doi) : Optional.empty();
    }

    static boolean isArxivArchive(String prefix) {
        return prefix == null || prefix.strip().toLowerCase(Locale.ROOT).equals("arxiv");
    }
}
