package org.scalingatlas.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every record of a corpus folder, read once. Files that do not parse are kept as {@link #problems()} (each naming
 * its file) so that {@code check} can report them all; the rest of the corpus is still usable.
 */
public record Corpus(Path dir, List<Paper> papers, List<Note> notes, List<Law> laws, List<CorpusException> problems) {

    public static final String NOTES = "notes";
    public static final String LAWS = "laws";

    public Corpus {
        papers = List.copyOf(papers);
        notes = List.copyOf(notes);
        laws = List.copyOf(laws);
        problems = List.copyOf(problems);
    }

    public static Corpus load(Path dir) {
        List<CorpusException> problems = new ArrayList<>();
        List<Paper> papers = readAll(dir.resolve(PaperStore.PAPERS), PaperFile::parse, Paper::id, problems);
        List<Note> notes = readAll(dir.resolve(NOTES), NoteFile::parse, Note::id, problems);
        List<Law> laws = readAll(dir.resolve(LAWS), LawFile::parse, Law::id, problems);
        return new Corpus(dir, papers, notes, laws, problems);
    }

    public Path fileOfNote(String id) {
        return dir.resolve(NOTES).resolve(id + ".md");
    }

    public Path fileOfLaw(String id) {
        return dir.resolve(LAWS).resolve(id + ".md");
    }

    public Optional<Law> law(String id) {
        return laws.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Optional<Paper> paper(String id) {
        return papers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Note> note(String id) {
        return notes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Papers by id, in id order. */
    public Map<String, Paper> papersById() {
        Map<String, Paper> byId = new LinkedHashMap<>();
        papers.forEach(p -> byId.put(p.id(), p));
        return byId;
    }

    static <T> List<T> readAll(Path folder, BiFunction<Path, String, T> parse, Function<T, String> id,
            List<CorpusException> problems) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<T> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                try {
                    T record = parse.apply(file, Files.readString(file, StandardCharsets.UTF_8));
                    String expected = file.getFileName().toString().replaceFirst("\\.md$", "");
                    if (!id.apply(record).equals(expected)) {
                        throw new CorpusException(file, 0, "id '" + id.apply(record) + "' does not match the file name (expected '" + expected + "')");
                    }
                    records.add(record);
                } catch (CorpusException e) {
                    problems.add(e);
                } catch (java.nio.charset.MalformedInputException e) {
                    problems.add(new CorpusException(file, 0, "is not UTF-8 text"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        records.sort(Comparator.comparing(id));
        return records;
    }
}
