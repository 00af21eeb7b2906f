package org.scalingatlas.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.mcp.AtlasMcpServer;
import org.scalingatlas.mcp.LoadingServices;
import picocli.CommandLine.Command;

@Command(name = "mcp",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the corpus to an AI assistant over the Model Context Protocol on standard input and output: tools ask, trace, "
                + "law_evaluate, law_optimal and search_notes (the same JSON as the HTTP API, with output schemas), the prompt "
                + "research, and notes and papers as resources.",
            "Answers the handshake at once and loads the corpus and index after it; a tool call made before they are loaded waits "
                + "for them (up to 120 s). Runs until the client closes standard input. Logs go to standard error."},
        footerHeading = "%nExamples:%n",
        footer = {"  claude_desktop_config.json: {\"mcpServers\": {\"scaling-atlas\": {\"command\": \"/path/to/scaling-atlas/atlas\", \"args\": [\"mcp\"]}}}"})
final class McpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws InterruptedException {
        // standard output carries the protocol: nothing else may write to it
        PrintStream protocol = System.out;
        System.setOut(System.err);
        AtlasConfig config = AtlasCli.config();
        LoadingServices services = LoadingServices.onDemand(() -> Atlas.services(config), LoadingServices.DEFAULT_WAIT);
        new AtlasMcpServer(services).serve(System.in, protocol);
        return 0;
    }
}
