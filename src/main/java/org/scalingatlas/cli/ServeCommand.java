package org.scalingatlas.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.scalingatlas.Atlas;
import org.scalingatlas.api.NoteSummary;
import org.scalingatlas.app.Services;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.http.AtlasServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            "  ./atlas serve --warm-up 0           listen at once, without warming up first",
            "  ./atlas serve --self-test --port 0  start, answer /health and one question, stop",
            "  ./atlas serve --self-test --port 0 --train-passes 3",
            "                                      and then every note's title, 3 times"})
final class ServeCommand implements Callable<Integer> {

    private static final int MAX_TRAIN_PASSES = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: server.port, 7070; 0 picks a free one).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Interface to bind (default: server.host, 127.0.0.1).")
    String host;

    @Option(names = "--self-test", description = "Start, ask GET /health and one question over HTTP, then stop: exits 0 when both "
            + "answered 200. The launcher runs it once after each build to record the class-data archive that speeds up later starts.")
    boolean selfTest;

    @Option(names = "--train-passes", paramLabel = "N", description = "With --self-test: after the checks, ask every note's title N times "
            + "over HTTP (default 0), so that the run records how the ask path runs; the launcher passes 3 on a JDK 25+, whose "
            + "ahead-of-time cache keeps that for later starts.")
    int trainPasses;

    @Option(names = "--warm-up", paramLabel = "SECONDS", description = "Before listening, ask the corpus's note titles of the "
            + "server itself for this long, so that the first clients find the ask path compiled (default: server.warmup.seconds, "
            + "10; 0 turns it off; a self-test never warms up).")
    Integer warmUpSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (trainPasses < 0 || trainPasses > MAX_TRAIN_PASSES) {
            throw new ParameterException(spec.commandLine(), "--train-passes must be 0 to " + MAX_TRAIN_PASSES + ", got " + trainPasses);
        }
        if (trainPasses > 0 && !selfTest) {
            throw new ParameterException(spec.commandLine(), "--train-passes works only with --self-test");
        }
        if (warmUpSeconds != null && selfTest) {
            throw new ParameterException(spec.commandLine(), "--warm-up does not go with --self-test, which never warms up");
        }
        AtlasConfig config = AtlasCli.config().withServer(host, port);
        if (selfTest && loopback(config.host())) {
            // the self-test's own requests, from this process to a server only this machine can reach, come faster than one
            // client may; a self-test bound to another interface keeps the limit
            config = config.withLimits(config.limits().withRate(0, config.limits().burst()));
        }
        Duration warmUp = selfTest ? Duration.ZERO : warmUp(config);
        Services services = Atlas.services(config);
        AtlasServer.Running server = AtlasServer.start(services, config.host(), config.port(), warmUp);
        if (selfTest) {
            try {
                List<String> training = services.records().notes().stream().map(NoteSummary::title).toList();
                return new ServerSelfTest(config.host(), server.port()).run(spec.commandLine().getOut(), training, trainPasses)
                        ? 0 : AtlasCli.FAILED;
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

    /** The warm-up asked for on the command line, else the configured one ({@code server.warmup.seconds}). */
    private Duration warmUp(AtlasConfig config) {
        if (warmUpSeconds == null) {
            return AtlasConfig.warmUp(config.home(), System.getenv());
        }
        if (warmUpSeconds < 0 || warmUpSeconds > AtlasConfig.MAX_WARM_UP_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--warm-up must be 0 to " + AtlasConfig.MAX_WARM_UP_SECONDS + " seconds, got " + warmUpSeconds);
        }
        return Duration.ofSeconds(warmUpSeconds);
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
