package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

/**
 * The throwaway configuration directory an administrator would have written: the main
 * {@code launcher.kubernetes.conf} pointing at the simulated cluster (API URL, token file, CA),
 * a profiles file giving the two demo users different limits and images, and resource profiles
 * ({@code launcher.kubernetes.resources.conf}, which the plugin reads from the same directory).
 *
 * @param mainConfig the file passed with {@code --config-file}
 */
record DemoConfiguration(Path directory, Path mainConfig, Path profiles, Path resources) {

    static final String NAMESPACE = "rstudio";
    /** Alice gets the site-wide defaults. */
    static final String ALICE = "alice";
    /** Bob has his own section with more memory and an extra image. */
    static final String BOB = "bob";
    static final String STANDARD_IMAGE = "ubuntu:24.04";
    static final String BOB_IMAGE = "rocker/r-ver:4.4";
    static final int ALICE_MAX_MEM_MB = 1024;
    static final int BOB_MAX_MEM_MB = 4096;

    /** Where the plugin writes its log file ({@code logging-dir}). */
    Path loggingDirectory() {
        return loggingDirectory(directory);
    }

    private static Path loggingDirectory(Path directory) {
        return directory.resolve("logs");
    }

    /**
     * Writes the files into {@code directory}.
     *
     * @param extraMainOptions further {@code key=value} lines for launcher.kubernetes.conf
     */
    static DemoConfiguration write(Path directory, SimulatedCluster cluster, List<String> extraMainOptions) {
        try {
            Files.createDirectories(directory);
            Path token = directory.resolve("kubernetes.token");
            Files.writeString(token, cluster.token(), StandardCharsets.UTF_8);
            if (Files.getFileAttributeView(token, PosixFileAttributeView.class) != null) {
                // as the admin guide asks: a token readable by others is a credential leak, and the plugin says so
                Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
            }
            Path profiles = directory.resolve("launcher.kubernetes.profiles.conf");
            Files.writeString(profiles, String.join("\n",
                    "[*]",
                    "container-images=" + STANDARD_IMAGE,
                    "default-container-image=" + STANDARD_IMAGE,
                    "allow-unknown-images=1",
                    "default-mem-mb=256",
                    "max-mem-mb=" + ALICE_MAX_MEM_MB,
                    "max-cpus=1",
                    "resource-profiles=small",
                    "[" + BOB + "]",
                    "container-images=" + STANDARD_IMAGE + "," + BOB_IMAGE,
                    "default-container-image=" + BOB_IMAGE,
                    "max-mem-mb=" + BOB_MAX_MEM_MB,
                    "max-cpus=2",
                    "resource-profiles=small,large",
                    ""), StandardCharsets.UTF_8);
            Path resources = directory.resolve("launcher.kubernetes.resources.conf");
            Files.writeString(resources, String.join("\n",
                    "[small]",
                    "name=Small (1 CPU, 512 MB)",
                    "cpus=1",
                    "mem-mb=512",
                    "[large]",
                    "name=Large (2 CPUs, 2 GB)",
                    "cpus=2",
                    "mem-mb=2048",
                    ""), StandardCharsets.UTF_8);
            String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8));
            Path main = directory.resolve("launcher.kubernetes.conf");
            StringBuilder text = new StringBuilder();
            for (String line : List.of(
                    "api-url=" + cluster.apiUrl(),
                    "auth-token-path=" + token,
                    "certificate-authority=" + ca,
                    "kubernetes-namespace=" + NAMESPACE,
                    "scratch-path=" + directory.resolve("scratch"),
                    "logging-dir=" + loggingDirectory(directory),
                    "profile-config=" + profiles,
                    "watch-timeout-seconds=30")) {
                text.append(line).append('\n');
            }
            extraMainOptions.forEach(line -> text.append(line).append('\n'));
            Files.writeString(main, text.toString(), StandardCharsets.UTF_8);
            return new DemoConfiguration(directory, main, profiles, resources);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo configuration into " + directory + ": " + e.getMessage(), e);
        }
    }
}
