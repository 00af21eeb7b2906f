package org.scalingatlas.app;

import org.scalingatlas.config.AtlasConfig;

/**
 * The application as its edges see it: the configuration it runs under and its services. Built once by the
 * composition root ({@code Atlas.services()}) and handed to the web server, the MCP server and the commands.
 */
public record Services(AtlasConfig config, AskService ask, TraceService traces, CorpusRecords records, LawService laws, ExportService exports,
        SparqlService sparql) {

    /** The application's version, from the jar's manifest ({@code development} when run from classes). */
    public static String version() {
        String version = Services.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
