package io.kubelauncher.benchmarks;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What every suite needs to know about this run: where the packaged plugin, the Go oracle and the
 * test data are, how big the run is, and where progress goes.
 *
 * @param pluginScript {@code bin/rstudio-kubernetes-launcher}, which the Launcher runs: the plugin starts with the JVM options it sets
 * @param pluginJar the packaged plugin, {@code kubernetes-launcher/target/rstudio-kubernetes-launcher.jar}
 * @param pluginJvmOptions more JVM options for the plugin process, passed as {@code JAVA_OPTS} (the Launcher passes none)
 * @param oracle the Go {@code gotemplate-oracle} binary
 * @param testdata the repository's {@code testdata} directory
 * @param workDir scratch space for configuration files and logs
 * @param quick a shorter run with smaller sample counts, for a check rather than for figures
 */
public record BenchEnvironment(Path pluginScript, Path pluginJar, List<String> pluginJvmOptions, Path oracle, Path testdata, Path workDir,
                               boolean quick, PrintStream progress) {

    public BenchEnvironment {
        Objects.requireNonNull(pluginScript, "pluginScript");
        Objects.requireNonNull(pluginJar, "pluginJar");
        pluginJvmOptions = List.copyOf(pluginJvmOptions);
        Objects.requireNonNull(oracle, "oracle");
        Objects.requireNonNull(testdata, "testdata");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(progress, "progress");
    }

    /** {@code full} for a full run, {@code quick} for a quick one. */
    public int size(int full, int quick) {
        return this.quick ? quick : full;
    }

    /** A fresh directory under the work directory for one plugin run. */
    public Path newDirectory(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(workDir), name + "-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a directory under " + workDir, e);
        }
    }

    public void log(String format, Object... args) {
        progress.printf("[bench] " + format + "%n", args);
        progress.flush();
    }
}
