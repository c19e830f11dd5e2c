package io.kubelauncher.kubernetes.e2e;

import io.kubelauncher.testkit.client.LauncherClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The plugin's command line as an administrator or the Launcher runs it: by default its own JVM on
 * this test's class path; with {@code -Dkubelauncher.pluginCommand=bin/rstudio-kubernetes-launcher}
 * the packaged executable.
 */
final class PluginCommand {

    /** What a finished command left behind. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private PluginCommand() {
    }

    /** The command line that starts the plugin with {@code args} for a command that lives for seconds. */
    static List<String> of(List<String> args) {
        // C1 only: start-up time is what counts.
        return of(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), args);
    }

    /**
     * The command line that starts the plugin with {@code args}.
     *
     * @param jvmOptions for the JVM that runs the classes; the packaged executable has its own
     */
    static List<String> of(List<String> jvmOptions, List<String> args) {
        String packaged = System.getProperty("kubelauncher.pluginCommand", "");
        if (packaged.isEmpty()) {
            return LauncherClient.javaCommand("io.kubelauncher.kubernetes.Main", jvmOptions, args);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("kubelauncher.root", ".")).resolve(packaged).toString());
        command.addAll(args);
        return command;
    }

    /**
     * Runs an admin command to completion, stdin closed.
     *
     * @param environment replaces these variables of this JVM's environment (e.g. RSTUDIO_CONFIG_DIR)
     */
    static Result run(List<String> args, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(of(args));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + COMMAND_TIMEOUT + ": " + args);
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
