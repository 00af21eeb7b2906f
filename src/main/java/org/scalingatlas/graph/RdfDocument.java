package org.scalingatlas.graph;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;

/** Triples written in one RDF syntax, ready to send: its media type and bytes. */
public record RdfDocument(String contentType, byte[] body) {

    /** The syntaxes offered, by media type; Turtle first (the default). */
    public static final Map<String, Lang> TYPES = types();

    public static final String TURTLE = "text/turtle";
    public static final String JSON_LD = "application/ld+json";

    private static Map<String, Lang> types() {
        Map<String, Lang> types = new LinkedHashMap<>();
        types.put(TURTLE, Lang.TURTLE);
        types.put(JSON_LD, Lang.JSONLD);
        types.put("application/n-triples", Lang.NTRIPLES);
        types.put("application/rdf+xml", Lang.RDFXML);
        return java.util.Collections.unmodifiableMap(types);
    }

    static RdfDocument of(Model model, String mediaType) {
        Lang lang = TYPES.get(mediaType);
        if (lang == null) {
            throw new IllegalArgumentException("no RDF syntax for " + mediaType + "; offered: " + String.join(", ", TYPES.keySet()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, lang);
        return new RdfDocument(mediaType, out.toByteArray());
    }
}
