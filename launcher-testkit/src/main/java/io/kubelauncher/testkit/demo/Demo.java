package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo: starts a {@link SimulatedCluster}, writes the administrator's configuration for it,
 * starts the plugin with it, and plays the Launcher through the {@link Scene}s, printing everything
 * on the {@link Transcript} and ending with the table of checks. Nothing outside the work directory
 * and localhost is touched.
 */
public final class Demo {

    private static final int STDERR_TAIL_LINES = 30;

    private final DemoSettings settings;
    private final Transcript transcript;
    private final Clock clock;

    public Demo(DemoSettings settings, Transcript transcript, Clock clock) {
        this.settings = settings;
        this.transcript = transcript;
        this.clock = clock;
    }

    /** The scenes in the order they play. */
    List<Scene> scenes() {
        return List.of(new BootstrapScene(), new ClusterInfoScene(), new BatchJobScene(), new SessionJobScene(),
                new PrivacyScene(), new PolicyRefusalScene(), new KillScene(), new BadImageScene(settings.launchGracePeriod()));
    }

    /** Runs the whole demo; the checklist says whether everything it showed worked. */
    public Checklist run() {
        Checklist checks = new Checklist(transcript);
        transcript.title("kubelauncher demo: the Kubernetes Job Launcher plugin against a simulated cluster");
        try (SimulatedCluster cluster = SimulatedCluster.builder().namespace(DemoConfiguration.NAMESPACE).nodes(2)
                .stateDir(settings.workDirectory().resolve("cluster")).start()) {
            transcript.cluster("SimulatedCluster serving the Kubernetes API at " + cluster.apiUrl()
                    + " (2 nodes, namespace " + cluster.namespace() + ", bearer token, own CA)");
            DemoConfiguration config = DemoConfiguration.write(settings.workDirectory().resolve("etc"), cluster, extraOptions());
            transcript.note("wrote " + config.mainConfig() + "\n  " + config.profiles() + "\n  " + config.resources());
            play(cluster, config, checks);
        } catch (RuntimeException e) {
            // the cluster or the configuration could not be set up: nothing was shown, and the verdict must say why
            checks.verify("setup: simulated cluster and configuration", false, e.toString());
        }
        transcript.raw("");
        transcript.raw("== Summary " + "=".repeat(70));
        transcript.raw(SummaryTable.render(checks.checks()));
        return checks;
    }

    private List<String> extraOptions() {
        return settings.launchGracePeriod().map(d -> List.of("launch-failure-grace-seconds=" + d.toSeconds())).orElse(List.of());
    }

    private void play(SimulatedCluster cluster, DemoConfiguration config, Checklist checks) {
        List<String> command = new ArrayList<>(settings.pluginCommand());
        command.addAll(List.of("--config-file=" + config.mainConfig(), "--plugin-name=Kubernetes",
                "--server-user=" + settings.serverUser(), "--heartbeat-interval-seconds=0"));
        transcript.note("starting the plugin: " + String.join(" ", abbreviated(command)));
        LauncherClient client;
        try {
            client = LauncherClient.start(new ProcessBuilder(command), clock, LauncherClient.DEFAULT_MAX_MESSAGE_SIZE,
                    settings.patience());
        } catch (IOException e) {
            checks.verify("plugin starts", false, "cannot run " + command.get(0) + ": " + e.getMessage());
            return;
        }
        StatusFeed statuses = new StatusFeed(transcript);
        Stage stage = new Stage(client, transcript, checks, statuses, cluster.scenarios(), settings.patience());
        try {
            int number = 1;
            for (Scene scene : scenes()) {
                transcript.scene(number++, scene.title(), scene.story());
                if (!playOne(scene, stage, checks) && scene.essential()) {
                    transcript.note("the plugin's stderr ends with:\n" + tail(client.stderr()));
                    break;
                }
            }
            finish(client, statuses, checks);
        } finally {
            client.close();
            saveStderr(client, config);
        }
    }

    private boolean playOne(Scene scene, Stage stage, Checklist checks) {
        int before = checks.failures().size();
        try {
            scene.play(stage);
        } catch (DemoFailure | AssertionError | IllegalStateException e) {
            checks.verify(scene.title() + ": completed", false, firstLine(e.getMessage()));
        }
        return checks.failures().size() == before;
    }

    /** The Launcher goes away: the plugin must end cleanly, having written only well-formed frames. */
    private void finish(LauncherClient client, StatusFeed statuses, Checklist checks) {
        transcript.raw("");
        transcript.raw("== The Launcher shuts down " + "=".repeat(56));
        statuses.close();
        transcript.ask("launcher", "(closes the plugin's stdin)");
        client.closeStdin();
        Optional<Integer> exit = client.waitForExit(settings.patience());
        transcript.note("plugin " + exit.map(code -> "exited with code " + code).orElse("still running after "
                + settings.patience().toSeconds() + " s"));
        checks.verify("plugin: clean exit", exit.isPresent() && exit.get() == 0,
                exit.map(code -> "exit code " + code).orElse("did not exit"));
        List<String> regressions = statuses.regressions();
        checks.verify("statuses: only forward", regressions.isEmpty(),
                regressions.isEmpty() ? "no job went back to Pending or changed after a terminal status"
                        : String.join("; ", regressions));
        List<String> violations = client.protocolViolations();
        checks.verify("protocol: every frame well-formed", violations.isEmpty(),
                violations.isEmpty() ? client.messages().size() + " frames, all valid" : String.join("; ", violations));
    }

    private void saveStderr(LauncherClient client, DemoConfiguration config) {
        Path log = settings.workDirectory().resolve("plugin-stderr.log");
        try {
            Files.writeString(log, client.stderr(), StandardCharsets.UTF_8);
            transcript.note("the plugin's log is in " + config.loggingDirectory() + " (logging-dir), its stderr in " + log);
        } catch (IOException e) {
            transcript.note("could not save the plugin's stderr to " + log + ": " + e.getMessage());
        }
    }

    /** A java command line's class path is long and says nothing: shown by its entry count. */
    private static List<String> abbreviated(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        int cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            shown.set(cp + 1, "<" + shown.get(cp + 1).split(java.io.File.pathSeparator).length + " class path entries>");
        }
        return shown;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
    }
}
