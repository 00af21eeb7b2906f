package org.scalingatlas.ingest;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the code URL an abstract names: a repository host, or a link in a sentence that speaks of code. */
public final class CodeUrls {

    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]}>\"']+");
    private static final Set<String> CODE_HOSTS = Set.of("github.com", "gitlab.com", "bitbucket.org", "codeberg.org");
    private static final Pattern CODE_WORDS = Pattern.compile("\\b(code|source|implementation|repository)\\b", Pattern.CASE_INSENSITIVE);

    private CodeUrls() {
    }

    public static Optional<String> find(String abstractText) {
        String fallback = null;
        for (String sentence : abstractText.split("(?<=[.!?])\\s+(?=[A-Z(])")) {
            Matcher m = URL.matcher(sentence);
            while (m.find()) {
                String url = m.group().replaceAll("[.,;:]+$", "");
                if (CODE_HOSTS.contains(host(url))) {
                    return Optional.of(url);
                }
                if (fallback == null && CODE_WORDS.matcher(sentence).find()) {
                    fallback = url;
                }
            }
        }
        return Optional.ofNullable(fallback);
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
