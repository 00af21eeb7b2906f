package org.scalingatlas;

import java.nio.file.Files;
import java.nio.file.Path;

/** The seed listings the project was started from, in {@code ../shared/seeds} beside the checkout. */
public final class Seeds {

    public static final String LISTING_001 = "001_7453b46b1394bb7b.txt";
    public static final String LISTING_002 = "002_5f50af84e94f10dd.txt";
    public static final String LISTING_003 = "003_1f33f2bb92fb315e.txt";
    /** The year the two "Daily Papers" pages were captured (seeds README). */
    public static final int LISTING_YEAR = 2026;

    private Seeds() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("atlas.seeds", "../shared/seeds")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the seed listings are expected in " + dir
                    + " (a checkout of shared/ beside this repository); set -Datlas.seeds=DIR to point elsewhere");
        }
        return dir;
    }

    public static Path file(String name) {
        return dir().resolve(name);
    }

    /** A document of shared/ that a record names: a seed by its file name, anything else by its path in shared/. */
    public static Path document(String name) {
        return name.contains("/") ? dir().getParent().resolve(name).normalize() : file(name);
    }

    public static Path[] listings() {
        return new Path[] {file(LISTING_001), file(LISTING_002), file(LISTING_003)};
    }
}
