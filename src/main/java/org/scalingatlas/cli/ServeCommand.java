package org.scalingatlas.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.scalingatlas.Atlas;
import org.scalingatlas.app.Services;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.http.AtlasServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the web app and JSON API on the bundled corpus.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas serve                       http://127.0.0.1:7070/",
            "  ./atlas serve --port 8080           another port",
            "  ./atlas serve --host 0.0.0.0        listen on every interface",
            "  ./atlas serve --self-test --port 0  start, answer /health and one question, stop"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: server.port, 7070; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Interface to bind (default: server.host, 127.0.0.1).")
    String host;

    @Option(names = "--self-test", description = "Start, ask GET /health and one question over HTTP, then stop: exits 0 when both "
            + "answered 200. The launcher runs it once after each build to record the class-data archive that speeds up later starts.")
    boolean selfTest;

    @Override
    public Integer call() throws InterruptedException {
        AtlasConfig config = AtlasCli.config().withServer(host, port);
        Services services = Atlas.services(config);
        AtlasServer.Running server = AtlasServer.start(services, config.host(), config.port());
        if (selfTest) {
            try {
                return new ServerSelfTest(config.host(), server.port()).run(spec.commandLine().getOut()) ? 0 : AtlasCli.FAILED;
            } finally {
                server.close();
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "atlas-shutdown"));
        spec.commandLine().getOut().printf("Scaling Atlas is serving %d papers on http://%s:%d/ (Ctrl-C stops it)%n",
                services.records().paperCount(), config.host(), server.port());
        stopped.await();
        return 0;
    }
}
