package io.kubelauncher.reliability;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.cluster.SimulatedCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes the files an administrator would (launcher.kubernetes.conf, token, profiles) into a
 * directory and starts the plugin as the Launcher does: its own JVM, driven over stdin/stdout.
 * The plugin is the classes of kubernetes-launcher by default; {@code -Dkubelauncher.pluginCommand=
 * bin/rstudio-kubernetes-launcher} runs the packaged plugin instead.
 */
final class PluginSetup {

    private final SimulatedCluster cluster;
    private final Path dir;
    private String profiles = "[*]\ndefault-container-image=ubuntu:24.04\n";
    private String resourceProfiles = "";
    private final List<String> configLines = new ArrayList<>();
    private final List<String> extraArgs = new ArrayList<>();
    private int watchTimeoutSeconds = 10;

    PluginSetup(SimulatedCluster cluster, Path dir) {
        this.cluster = cluster;
        this.dir = dir;
    }

    PluginSetup profiles(String text) {
        this.profiles = text;
        return this;
    }

    PluginSetup resourceProfiles(String text) {
        this.resourceProfiles = text;
        return this;
    }

    /** An extra {@code name=value} line of launcher.kubernetes.conf. */
    PluginSetup config(String line) {
        configLines.add(line);
        return this;
    }

    PluginSetup watchTimeoutSeconds(int seconds) {
        this.watchTimeoutSeconds = seconds;
        return this;
    }

    /** An extra command-line option, as the Launcher passes them. */
    PluginSetup arg(String option) {
        extraArgs.add(option);
        return this;
    }

    Path dir() {
        return dir;
    }

    Path loggingDir() {
        return dir.resolve("logs");
    }

    Path tokenFile() {
        return dir.resolve("kubernetes.launcher.token");
    }

    LauncherClient start() {
        try {
            // generous answer timeout: CI machines are small and shared
            return LauncherClient.start(new ProcessBuilder(command()), java.time.Clock.systemUTC(),
                    LauncherClient.DEFAULT_MAX_MESSAGE_SIZE, java.time.Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the configuration files and returns the plugin's command line. */
    List<String> command() {
        try {
            Files.createDirectories(dir);
            Files.writeString(tokenFile(), cluster.token());
            Files.setPosixFilePermissions(tokenFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Path profilesFile = dir.resolve("launcher.kubernetes.profiles.conf");
            Files.writeString(profilesFile, profiles);
            Path resourcesFile = dir.resolve("launcher.kubernetes.resources.conf");
            Files.writeString(resourcesFile, resourceProfiles);
            String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>(List.of(
                    "api-url=" + cluster.apiUrl(),
                    // the plugin drops root privileges to server-user; the test's own user always exists
                    "server-user=" + System.getProperty("user.name"),
                    "auth-token-path=" + tokenFile(),
                    "certificate-authority=" + ca,
                    "kubernetes-namespace=" + cluster.namespace(),
                    "scratch-path=" + dir.resolve("scratch"),
                    "logging-dir=" + loggingDir(),
                    "profile-config=" + profilesFile,
                    "watch-timeout-seconds=" + watchTimeoutSeconds,
                    "use-templating=0"));
            lines.addAll(configLines);
            Path conf = dir.resolve("launcher.kubernetes.conf");
            Files.writeString(conf, String.join("\n", lines) + "\n");
            List<String> args = new ArrayList<>(List.of("--config-file=" + conf, "--plugin-name=Kubernetes",
                    "--heartbeat-interval-seconds=0"));
            args.addAll(extraArgs);
            String packaged = System.getProperty("kubelauncher.pluginCommand", "");
            List<String> command = new ArrayList<>();
            if (packaged.isEmpty()) {
                command.addAll(LauncherClient.javaCommand("io.kubelauncher.kubernetes.Main", List.of("-Xmx384m"), args));
            } else {
                command.add(Path.of(System.getProperty("kubelauncher.root", ".")).resolve(packaged).toString());
                command.addAll(args);
            }
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
