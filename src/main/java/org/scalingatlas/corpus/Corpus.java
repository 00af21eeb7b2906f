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
 * its file) so that {@code check} can report them all; the rest of the corpus is still usable. Records are found by
 * id in constant time, whatever the corpus size.
 */
public final class Corpus {

    public static final String NOTES = "notes";
    public static final String LAWS = "laws";

    private final Path dir;
    private final List<Paper> papers;
    private final List<Note> notes;
    private final List<Law> laws;
    private final List<CorpusException> problems;
    private final Map<String, Paper> papersById = new LinkedHashMap<>();
    private final Map<String, Note> notesById = new java.util.HashMap<>();
    private final Map<String, Law> lawsById = new java.util.HashMap<>();

    public Corpus(Path dir, List<Paper> papers, List<Note> notes, List<Law> laws, List<CorpusException> problems) {
        this.dir = dir;
        this.papers = List.copyOf(papers);
        this.notes = List.copyOf(notes);
        this.laws = List.copyOf(laws);
        this.problems = List.copyOf(problems);
        this.papers.stream().sorted(Comparator.comparing(Paper::id)).forEach(p -> papersById.putIfAbsent(p.id(), p));
        this.notes.forEach(n -> notesById.putIfAbsent(n.id(), n));
        this.laws.forEach(l -> lawsById.putIfAbsent(l.id(), l));
    }

    public Path dir() {
        return dir;
    }

    public List<Paper> papers() {
        return papers;
    }

    public List<Note> notes() {
        return notes;
    }

    public List<Law> laws() {
        return laws;
    }

    public List<CorpusException> problems() {
        return problems;
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
        return Optional.ofNullable(lawsById.get(id));
    }

    public Optional<Paper> paper(String id) {
        return Optional.ofNullable(papersById.get(id));
    }

    public Optional<Note> note(String id) {
        return Optional.ofNullable(notesById.get(id));
    }

    /** Papers by id, in id order (read-only). */
    public Map<String, Paper> papersById() {
        return java.util.Collections.unmodifiableMap(papersById);
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
