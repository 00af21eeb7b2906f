package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.scalingatlas.Atlas;
import org.scalingatlas.InvalidCorpusException;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.config.ConfigException;
import org.scalingatlas.corpus.CorpusException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./atlas}: the command line. Every failure is one line on stderr and a non-zero exit, never a stack trace. */
@Command(name = "atlas",
        mixinStandardHelpOptions = true,
        versionProvider = AtlasCli.Version.class,
        description = "Scaling Atlas: a corpus-grounded research assistant for scaling laws.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas serve                      start the web app on http://127.0.0.1:7070/",
            "  ./atlas ingest listing.txt         import papers into corpus/",
            "  ./atlas ask \"Is depth worth more than width?\"  answer from the corpus",
            "  ./atlas check                      validate the corpus",
            "  ./atlas trace \"compute-optimal\"    trace a claim to its papers",
            "  ./atlas help ingest                details of one command"})
public final class AtlasCli {

    /** Exit status of a command that failed on bad input or data (a usage error exits 2, as picocli does). */
    static final int FAILED = 1;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** The subcommands, by name, in the order the help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("serve", ServeCommand::new);
        commands.put("ask", AskCommand::new);
        commands.put("law", LawCommand::new);
        commands.put("plan", PlanCommand::new);
        commands.put("bench-corpus", BenchCorpusCommand::new);
        commands.put("eval", EvalCommand::new);
        commands.put("ingest", IngestCommand::new);
        commands.put("check", CheckCommand::new);
        commands.put("notes", NotesCommand::new);
        commands.put("index", IndexCommand::new);
        commands.put("trace", TraceCommand::new);
        commands.put("export", ExportCommand::new);
        commands.put("mcp", McpCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * Runs the command line with the given streams; returns the exit status. Only the subcommand named first is built
     * (picocli reads each command's annotations when it is added, a tenth of a second for all of them, which a
     * one-question {@code ./atlas ask} would otherwise spend); all of them when the first word names none.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AtlasCli());
        Supplier<Object> named = args.length == 0 || "help".equals(args[0]) ? null : COMMANDS.get(args[0]);
        if (named != null) {
            cli.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("atlas: " + message(e));
            return FAILED;
        });
        return cli.execute(args);
    }

    /** A known failure explains itself; anything else is named by its type without a stack trace. */
    static String message(Exception e) {
        if (e instanceof CorpusException || e instanceof ConfigException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException || e instanceof InvalidCorpusException) {
            return "error: " + e.getMessage();
        }
        return "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
    }

    /** The configuration for this run: the project folder the launcher names, or the working directory. */
    static AtlasConfig config() {
        Path home = Path.of(System.getProperty("atlas.home", ".")).toAbsolutePath().normalize();
        return AtlasConfig.load(home, System.getenv());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Scaling Atlas " + Atlas.version(), "Java " + Runtime.version()};
        }
    }
}
