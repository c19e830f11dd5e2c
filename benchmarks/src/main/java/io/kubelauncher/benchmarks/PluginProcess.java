package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged plugin as the Launcher runs it: {@code bin/rstudio-kubernetes-launcher} (the
 * script that starts {@code rstudio-kubernetes-launcher.jar} with the plugin's JVM options) on this
 * benchmark's Java, with the Launcher's options and a {@code launcher.kubernetes.conf} pointing at a
 * {@link SimulatedCluster} over HTTPS with its token and CA, driven by {@link LauncherClient}.
 */
final class PluginProcess implements AutoCloseable {

    private static final Pattern REQUEST_COUNTS = Pattern.compile("API requests sent: \\{([^}]*)}");
    private static final Pattern COUNT = Pattern.compile("([A-Z]+ [^=,]+)=(\\d+)");

    private final LauncherClient client;
    private final Path directory;
    private final long startedNanos;
    private final List<String> jvmOptions;

    private PluginProcess(LauncherClient client, Path directory, long startedNanos, List<String> jvmOptions) {
        this.client = client;
        this.directory = directory;
        this.startedNanos = startedNanos;
        this.jvmOptions = jvmOptions;
    }

    /**
     * Writes the configuration into {@code directory} and starts the plugin. {@code settings} are
     * extra {@code launcher.kubernetes.conf} lines ({@code key=value}), e.g. {@code use-templating=1}.
     */
    static PluginProcess start(BenchEnvironment env, SimulatedCluster cluster, Path directory, List<String> settings) {
        Path conf = writeConfiguration(cluster, directory, settings);
        List<String> command = List.of(env.pluginScript().toString(),
                "--config-file=" + conf, "--plugin-name=Kubernetes", "--heartbeat-interval-seconds=0");
        ProcessBuilder process = script(env, command, directory);
        long started = System.nanoTime();
        try {
            LauncherClient client = LauncherClient.start(process,
                    java.time.Clock.systemUTC(), LauncherClient.DEFAULT_MAX_MESSAGE_SIZE, Duration.ofSeconds(120));
            return new PluginProcess(client, directory, started, env.pluginJvmOptions());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the plugin in " + directory, e);
        }
    }

    /** {@code bin/rstudio-kubernetes-launcher} with {@code arguments}, on this benchmark's Java, with the extra JVM options. */
    static ProcessBuilder script(BenchEnvironment env, List<String> command, Path directory) {
        ProcessBuilder process = new ProcessBuilder(command).directory(directory.toFile());
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process.environment().put("JAVA_OPTS", String.join(" ", env.pluginJvmOptions()));
        return process;
    }

    /**
     * Writes {@code launcher.kubernetes.conf} for {@code cluster} into {@code directory} and returns
     * it. {@code settings} are extra lines ({@code key=value}), e.g. {@code use-templating=1}.
     */
    static Path writeConfiguration(SimulatedCluster cluster, Path directory, List<String> settings) {
        try {
            Path token = directory.resolve("kubernetes.launcher.token");
            Files.writeString(token, cluster.token());
            try {
                Files.setPosixFilePermissions(token, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the plugin only warns about a readable token
            }
            Path profiles = directory.resolve("launcher.kubernetes.profiles.conf");
            Files.writeString(profiles, "[*]\ndefault-container-image=ubuntu:24.04\nmax-mem-mb=4096\n");
            String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>(List.of(
                    "api-url=" + cluster.apiUrl(),
                    "auth-token-path=" + token,
                    "certificate-authority=" + ca,
                    "kubernetes-namespace=" + cluster.namespace(),
                    "scratch-path=" + directory.resolve("scratch"),
                    "logging-dir=" + directory.resolve("logs"),
                    "profile-config=" + profiles,
                    // started by whoever runs the benchmark: it keeps that identity rather than dropping to rstudio-server
                    "server-user=" + System.getProperty("user.name")));
            lines.addAll(settings);
            Path conf = directory.resolve("launcher.kubernetes.conf");
            Files.writeString(conf, String.join("\n", lines) + "\n");
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plugin's configuration in " + directory, e);
        }
    }

    /** The JVM options given to the plugin beyond the script's own (none: as the Launcher starts it). */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    LauncherClient client() {
        return client;
    }

    long pid() {
        return client.process().pid();
    }

    /**
     * The CPU time the plugin process has used so far (user and system): on a shared machine a
     * steadier measure of the plugin's own cost than wall-clock time.
     */
    java.time.Duration cpuTime() {
        return client.process().info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("this system does not report the CPU time of process " + pid()));
    }

    /** When the process was started, in {@link System#nanoTime()} terms. */
    long startedNanos() {
        return startedNanos;
    }

    /** Bootstraps and fails with the plugin's stderr if the plugin refused. */
    Message bootstrap() {
        Message answer = client.bootstrap();
        if (answer.isError()) {
            throw new IllegalStateException("bootstrap failed: " + answer + "\nplugin stderr:\n" + client.stderr());
        }
        return answer;
    }

    /**
     * Opens the status stream of all of {@code user}'s jobs ({@code *} for every user) and returns
     * what it records; the client stops keeping every message, which a long run would pile up.
     */
    StatusWatcher watchStatuses(String user) {
        client.recordMessages(false);
        StatusWatcher statuses = new StatusWatcher();
        client.onMessage(statuses);
        client.statusStream(user, "*");
        return statuses;
    }

    /** Submits a job and returns its id; fails with the plugin's stderr if the plugin refused it. */
    String submit(String user, ObjectNode job) {
        Message submitted = client.submitJob(user, job);
        if (submitted.isError()) {
            throw new IllegalStateException("submit refused: " + submitted + "\nplugin stderr:\n" + client.stderr());
        }
        return submitted.get("jobs").get(0).get("id").asString();
    }

    /**
     * Closes stdin, waits for a clean exit and returns the API request counts the plugin logs on
     * exit ("POST jobs" -> 12); empty if the plugin did not log them.
     */
    Map<String, Long> stopAndCountRequests() {
        client.closeStdin();
        if (client.waitForExit(Duration.ofSeconds(60)).isEmpty()) {
            client.close();
            throw new IllegalStateException("the plugin did not exit within 60 s of its stdin closing");
        }
        StringBuilder logs = new StringBuilder(client.stderr());
        Path logDir = directory.resolve("logs");
        if (Files.isDirectory(logDir)) {
            try (Stream<Path> files = Files.walk(logDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    logs.append('\n').append(Files.readString(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the plugin's logs in " + logDir, e);
            }
        }
        return parseRequestCounts(logs.toString());
    }

    /** The counts of the last "API requests sent: {POST jobs=1, LIST pods=2}" line in these logs. */
    static Map<String, Long> parseRequestCounts(String logs) {
        Map<String, Long> counts = new TreeMap<>();
        Matcher line = REQUEST_COUNTS.matcher(logs);
        String last = null;
        while (line.find()) {
            last = line.group(1);
        }
        if (last != null) {
            Matcher count = COUNT.matcher(last);
            while (count.find()) {
                counts.put(count.group(1).trim(), Long.parseLong(count.group(2)));
            }
        }
        return counts;
    }

    String stderr() {
        return client.stderr();
    }

    @Override
    public void close() {
        client.close();
    }
}
