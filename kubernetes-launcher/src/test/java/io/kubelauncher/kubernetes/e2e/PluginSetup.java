package io.kubelauncher.kubernetes.e2e;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.cluster.SimulatedCluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The plugin installed as an administrator installs it against a {@link SimulatedCluster}: the
 * token file, launcher.kubernetes.profiles.conf and launcher.kubernetes.conf in one directory, and
 * the plugin started on them as the Launcher starts it ({@link PluginCommand}: the classes of this
 * build, or the packaged executable when {@code -Dkubelauncher.pluginCommand} names it).
 */
final class PluginSetup {

    private static final String PROFILES = "[*]\ndefault-container-image=ubuntu:24.04\nmax-mem-mb=4096\n";

    private final SimulatedCluster cluster;
    private final Path dir;
    private final List<String> configLines = new ArrayList<>();

    PluginSetup(SimulatedCluster cluster, Path dir) {
        this.cluster = cluster;
        this.dir = dir;
    }

    /**
     * A {@code name=value} line of launcher.kubernetes.conf after the eight that connect to the
     * cluster and name the directories: the first one given is line 9.
     */
    PluginSetup config(String line) {
        configLines.add(line);
        return this;
    }

    Path configFile() {
        return dir.resolve("launcher.kubernetes.conf");
    }

    Path logFile() {
        return dir.resolve("logs/rstudio-kubernetes-launcher.log");
    }

    /** Writes the files (again, unchanged, on a restart) and starts the plugin; the caller bootstraps it. */
    LauncherClient start() throws IOException {
        Path token = Files.writeString(dir.resolve("kubernetes.launcher.token"), cluster.token());
        Path profiles = Files.writeString(dir.resolve("launcher.kubernetes.profiles.conf"), PROFILES);
        String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(List.of(
                "api-url=" + cluster.apiUrl(),
                "server-user=root", // started as root (CI), it keeps root; as anyone else, it says so and goes on
                "auth-token-path=" + token,
                "certificate-authority=" + ca,
                "kubernetes-namespace=" + cluster.namespace(),
                "scratch-path=" + dir.resolve("scratch"),
                "logging-dir=" + dir.resolve("logs"),
                "profile-config=" + profiles));
        lines.addAll(configLines);
        Files.writeString(configFile(), String.join("\n", lines) + "\n");
        List<String> args = List.of("--config-file=" + configFile(), "--plugin-name=Kubernetes", "--heartbeat-interval-seconds=0");
        // the plugin serves for the whole test: the JVM's full JIT, as in production
        return LauncherClient.start(PluginCommand.of(List.of(), args));
    }
}
