package org.scalingatlas.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads any supported input into listing entries, recognising the format from the content: an arXiv Atom feed,
 * a CSL-JSON or BibTeX library, a "Daily Papers" page, or a title/abstract listing. Anything else is an error naming
 * the file and line. Entries a library states without a title, and identifiers that are none, are skipped and
 * reported in {@link #warnings()}.
 */
public final class ListingReader {

    /**
     * The largest file read: 64 MiB, a hundred times the largest listing or feed seen (the seed listings are under
     * 1 MiB; an arXiv API page of 2,000 entries is about 5 MiB). A file is read whole and decoded, so a larger one
     * would cost several times its size in memory; it is refused before any byte is read.
     */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final int listingYear;
    private final LocalDate today;
    private final List<String> warnings = new java.util.ArrayList<>();

    /**
     * @param listingYear the year of a listing page, given to its dates that show no year
     * @param today       dates after it are refused as misread
     */
    public ListingReader(int listingYear, LocalDate today) {
        this.listingYear = listingYear;
        this.today = today;
    }

    public List<ListingEntry> read(Path file) {
        String text = decode(file, readBytes(file));
        if (text.isBlank()) {
            throw new IngestException(file, 0, "the file is empty");
        }
        List<ListingEntry> entries;
        if (ArxivAtomFeed.looksLike(text)) {
            entries = ArxivAtomFeed.parse(file, text);
        } else if (CslJsonLibrary.looksLike(text)) {
            entries = CslJsonLibrary.parse(file, text, warnings);
        } else if (BibtexLibrary.looksLike(text)) {
            entries = BibtexLibrary.parse(file, text, warnings);
        } else {
            List<Line> lines = PageText.contentLines(text);
            if (DailyPapersListing.looksLike(lines)) {
                entries = new DailyPapersListing(listingYear, today).parse(file, lines);
            } else if (TitleAbstractListing.looksLike(lines)) {
                entries = TitleAbstractListing.parse(file, lines);
            } else {
                throw new IngestException(file, lines.isEmpty() ? 0 : lines.get(0).number(), unrecognised(lines));
            }
        }
        if (entries.isEmpty()) {
            throw new IngestException(file, 0, "no papers found");
        }
        return entries;
    }

    /** What the files read so far skipped or left out, one line each naming the file and line. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private static String unrecognised(List<Line> lines) {
        String why = "unrecognised format: expected an arXiv Atom feed, a BibTeX or CSL-JSON library, a Daily Papers page, or title and abstract lines alternating";
        if (lines.size() % 2 != 0) {
            return why + " (found an odd number of lines: the last title has no abstract)";
        }
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (!TitleAbstractListing.isAbstract(lines.get(i + 1).text())) {
                return why + " (line " + lines.get(i + 1).number() + " is too short to be an abstract)";
            }
        }
        return why;
    }

    private static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new IngestException(file, 0, "is a directory, not a file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new IngestException(file, 0, "is " + size(size) + " (" + size + " bytes); ingest reads files of at most "
                        + size(MAX_FILE_BYTES) + "; split it into smaller listings");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IngestException(file, 0, "no such file");
        } catch (IOException e) {
            throw new IngestException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** A size in the largest binary unit that keeps it at least 1: "3.0 GiB", "64 MiB". */
    static String size(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : value == Math.rint(value) ? (long) value + " " + units[unit]
                : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new IngestException(file, lineAt(bytes, in.position()), "is not UTF-8 text (invalid byte at offset " + in.position() + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new IngestException(file, (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1,
                    "contains binary data (a NUL byte), not text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, bytes.length); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
