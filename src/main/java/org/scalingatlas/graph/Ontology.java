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
 * The files of {@code ontology/}: the vocabulary ({@code atlas.ttl}), the axis scheme ({@code axes.ttl}) and the
 * SHACL shapes ({@code shapes.ttl}).
 */
public record Ontology(Model vocabulary, Shapes shapes) {

    public static final String VOCABULARY = "atlas.ttl";
    public static final String AXES = "axes.ttl";
    public static final String SHAPES = "shapes.ttl";

    public static Ontology load(Path dir) {
        Model vocabulary = ModelFactory.createDefaultModel();
        vocabulary.add(read(dir.resolve(VOCABULARY)));
        vocabulary.add(read(dir.resolve(AXES)));
        Shapes shapes = Shapes.parse(read(dir.resolve(SHAPES)).getGraph());
        return new Ontology(vocabulary, shapes);
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
