package io.kubelauncher.testkit.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bin/demo}: runs the demo against the given plugin command and exits 0 only when every
 * check passed (1 when one failed, 2 on a usage error).
 */
@Command(name = "bin/demo",
        description = "Starts a simulated Kubernetes cluster and the plugin, plays the Job Launcher against it and"
                + " prints what happens, ending with a table of checks.")
public final class DemoMain implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "PLUGIN_COMMAND", description = "The plugin's command line, after --"
            + " (bin/demo's default: bin/rstudio-kubernetes-launcher); the demo appends --config-file and the Launcher's options.")
    List<String> pluginCommand;

    @Option(names = "--work-dir", description = "Keep the configuration, pod sandboxes and plugin log here"
            + " (default: a temporary directory, removed afterwards when every check passed).")
    Path workDirectory;

    @Option(names = "--patience-seconds", defaultValue = "30",
            description = "How long any one wait may take before its check fails (default: ${DEFAULT-VALUE}).")
    int patienceSeconds;

    @Option(names = "--launch-grace-seconds", defaultValue = "5", description = "The plugin's launch-failure-grace-seconds:"
            + " the bad-image job fails this long after its first failed pull (default: ${DEFAULT-VALUE}; 0 keeps the"
            + " plugin's default of 5 minutes and shows the Pending message only).")
    int launchGraceSeconds;

    @Spec
    CommandSpec spec;

    private final PrintStream out;

    DemoMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new CommandLine(new DemoMain(out)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (launchGraceSeconds < 0 || patienceSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--launch-grace-seconds must be 0 or more and"
                    + " --patience-seconds 1 or more, were " + launchGraceSeconds + " and " + patienceSeconds);
        }
        boolean temporary = workDirectory == null;
        Path directory = temporary ? Files.createTempDirectory("kubelauncher-demo") : Files.createDirectories(workDirectory);
        DemoSettings settings = new DemoSettings(pluginCommand, directory, Duration.ofSeconds(patienceSeconds),
                System.getProperty("user.name"), Optional.of(Duration.ofSeconds(launchGraceSeconds)).filter(d -> !d.isZero()));
        Checklist checks = new Demo(settings, new Transcript(out, Clock.systemUTC()), Clock.systemUTC()).run();
        if (temporary && checks.allPassed()) {
            deleteTree(directory);
            out.println("(removed " + directory + "; --work-dir DIR keeps the configuration and the plugin's log)");
        } else if (temporary) {
            out.println("(kept " + directory + " with the configuration and the plugin's log, for a look at what went wrong)");
        }
        return checks.allPassed() ? 0 : 1;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("demo: could not remove " + root + ": " + e.getMessage());
        }
    }
}
