package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import io.kubelauncher.testkit.cluster.SimulatedClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --create-cds-archive} through the packaged plugin (kubernetes-launcher builds the jar before
 * this module's tests run), installed as an administrator would: the script and the jar side by side.
 */
@ExtendWith(SimulatedClusterExtension.class)
class ClassDataArchiveTest {

    private final SimulatedCluster cluster;

    @TempDir
    Path dir;

    ClassDataArchiveTest(SimulatedCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void theArchiveIsMadeFromABootstrapAndTheNextStartMapsIt() throws Exception {
        Path install = install();
        Path script = install.resolve("rstudio-kubernetes-launcher");
        Path jar = install.resolve("rstudio-kubernetes-launcher.jar");
        PluginSetup setup = new PluginSetup(cluster, dir.resolve("plugin"));
        setup.command();
        String conf = "--config-file=" + setup.dir().resolve("launcher.kubernetes.conf");

        Result made = run(List.of(script.toString(), "--create-cds-archive", conf));

        Path archive = install.resolve("rstudio-kubernetes-launcher.jsa");
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.output()).contains("the plugin bootstrapped and listed 0 jobs", "wrote " + archive);
        assertThat(Files.size(archive)).isGreaterThan(1_000_000);
        assertThat(install).isDirectoryNotContaining("glob:**/.cds-*");

        // -Xshare:on makes an archive the JVM cannot map a fatal error rather than a warning
        Result mapped = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(), "--version"));
        assertThat(mapped.exitCode()).as(mapped.output()).isZero();

        // the script hands it to the plugin, which starts and answers as before
        ProcessBuilder plugin = new ProcessBuilder(script.toString(), conf, "--plugin-name=Kubernetes", "--heartbeat-interval-seconds=0");
        plugin.environment().put("JAVA_HOME", System.getProperty("java.home"));
        plugin.environment().put("JAVA_OPTS", "-Xshare:on");
        try (LauncherClient client = LauncherClient.start(plugin, Clock.systemUTC(), LauncherClient.DEFAULT_MAX_MESSAGE_SIZE,
                Duration.ofSeconds(90))) {
            Message booted = client.bootstrap();
            assertThat(booted.isError()).as(booted.toString()).isFalse();
            assertThat(client.getJobs("*", null, null, null, null, null).get("jobs").size()).isZero();
        }
    }

    @Test
    void aPluginThatCannotBootstrapLeavesNothingBehind() throws Exception {
        Path install = install();
        Path script = install.resolve("rstudio-kubernetes-launcher");
        PluginSetup setup = new PluginSetup(cluster, dir.resolve("plugin"));
        setup.command();
        cluster.scenarios().deny("list", "jobs");
        Result made;
        try {
            made = run(List.of(script.toString(), "--create-cds-archive", "--config-file=" + setup.dir().resolve("launcher.kubernetes.conf")));
        } finally {
            cluster.scenarios().reset();
        }

        assertThat(made.exitCode()).as(made.output()).isEqualTo(1);
        assertThat(made.output()).contains("the class-data archive was not created: the plugin refused to bootstrap");
        assertThat(install).isDirectoryNotContaining("glob:**/*.jsa").isDirectoryNotContaining("glob:**/.cds-*");
    }

    /** The script and the jar side by side, as an administrator installs them; the archive goes beside them. */
    private Path install() throws java.io.IOException {
        Path root = Path.of(System.getProperty("kubelauncher.root", ".."));
        Path install = Files.createDirectories(dir.resolve("install"));
        Path script = Files.copy(root.resolve("bin/rstudio-kubernetes-launcher"), install.resolve("rstudio-kubernetes-launcher"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(root.resolve("kubernetes-launcher/target/rstudio-kubernetes-launcher.jar"), install.resolve("rstudio-kubernetes-launcher.jar"));
        return install;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
        return new Result(process.exitValue(), output);
    }
}
