package org.scalingatlas.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.Shapes;
import org.scalingatlas.corpus.CorpusException;

/**
 * The files of {@code ontology/}: the vocabulary ({@code atlas.ttl}), the axis scheme ({@code axes.ttl}), the dataset
 * scheme ({@code datasets.ttl}) and the SHACL shapes ({@code shapes.ttl}).
 */
public final class Ontology {

    public static final String VOCABULARY = "atlas.ttl";
    public static final String AXES = "axes.ttl";
    public static final String DATASETS = "datasets.ttl";
    public static final String SHAPES = "shapes.ttl";

    private final Model vocabulary;
    private final Path shapesFile;
    private Shapes shapes;

    private Ontology(Model vocabulary, Path shapesFile) {
        this.vocabulary = vocabulary;
        this.shapesFile = shapesFile;
    }

    /** Reads the vocabulary and the axis and dataset schemes; the shapes are read when first needed (validation is skipped when up to date). */
    public static Ontology load(Path dir) {
        Model vocabulary = ModelFactory.createDefaultModel();
        vocabulary.add(read(dir.resolve(VOCABULARY)));
        vocabulary.add(read(dir.resolve(AXES)));
        vocabulary.add(read(dir.resolve(DATASETS)));
        Path shapes = dir.resolve(SHAPES);
        if (!Files.isRegularFile(shapes)) {
            throw new CorpusException(shapes, 0, "missing: the ontology folder needs " + SHAPES);
        }
        return new Ontology(vocabulary, shapes);
    }

    public Model vocabulary() {
        return vocabulary;
    }

    public synchronized Shapes shapes() {
        if (shapes == null) {
            shapes = Shapes.parse(read(shapesFile).getGraph());
        }
        return shapes;
    }

    private static Model read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException(file, 0, "missing: the ontology folder needs " + file.getFileName());
        }
        try {
            return RDFDataMgr.loadModel(file.toString());
        } catch (RiotException e) {
            throw new CorpusException(file, 0, "not valid Turtle: " + e.getMessage());
        }
    }
}
