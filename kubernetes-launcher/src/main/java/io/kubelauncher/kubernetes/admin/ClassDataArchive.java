package io.kubelauncher.kubernetes.admin;

import io.kubelauncher.api.frame.FrameEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --create-cds-archive}: a class-data sharing archive of the classes a plugin start loads,
 * which {@code bin/rstudio-kubernetes-launcher} hands to the JVM when it sits beside the jar. The JVM
 * then maps those classes, already parsed and verified, instead of loading them from the jar: a start
 * with 10,000 jobs takes about a sixth less time, a start with one job about a quarter less
 * (BENCHMARKS.md).
 *
 * <p>Java 17 writes such an archive only when a JVM started with {@code -XX:ArchiveClassesAtExit}
 * exits, so this command runs the plugin once more in a child JVM against the configured cluster, as
 * the Launcher would: Bootstrap (which lists every job) and Get Job {@code *}, then end of input. The
 * child drops to {@code server-user} like any plugin start, so it writes into a directory that user
 * owns; the archive is moved into place only when complete. An archive made by another Java or for
 * another jar is refused by the JVM (a warning on stderr) and the plugin starts without it.
 */
public final class ClassDataArchive {

    /** The archive's file name, beside rstudio-kubernetes-launcher.jar, where the script looks for it. */
    public static final String FILE_NAME = "rstudio-kubernetes-launcher.jsa";

    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

    private final List<String> java;
    private final Path archive;
    private final List<String> pluginArguments;
    private final String serverUser;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * @param java the command that starts a JVM running the plugin's main class, before any JVM option
     *             this class adds: {@code java} and, after the options, the class path and main class
     *             (see {@link #command})
     * @param pluginArguments the plugin's own arguments ({@code --config-file=...}), as the Launcher gives them
     */
    public ClassDataArchive(List<String> java, Path archive, List<String> pluginArguments, String serverUser, PrintStream out,
                            PrintStream err) {
        this.java = List.copyOf(java);
        this.archive = archive.toAbsolutePath();
        this.pluginArguments = List.copyOf(pluginArguments);
        this.serverUser = serverUser;
        this.out = out;
        this.err = err;
    }

    /** Creates the archive; 0 when it is in place, 1 with the reason on stderr otherwise. */
    public int create() {
        Path workDir;
        try {
            workDir = Files.createTempDirectory(archive.getParent(), ".cds-");
        } catch (IOException e) {
            err.println("cannot create the class-data archive beside " + archive.getFileName() + ": " + describe(e));
            return 1;
        }
        try {
            handOver(workDir);
            Path made = workDir.resolve(FILE_NAME);
            String outcome = train(made);
            if (outcome != null) {
                err.println("the class-data archive was not created: " + outcome);
                return 1;
            }
            if (!Files.isRegularFile(made) || Files.size(made) == 0) {
                err.println("the class-data archive was not created: the plugin's JVM exited without writing " + made
                        + " (see its messages above)");
                return 1;
            }
            moveIntoPlace(made);
            out.printf(Locale.ROOT, "wrote %s (%.0f MB); bin/rstudio-kubernetes-launcher gives it to the JVM while it is newer than the jar%n",
                    archive, Files.size(archive) / 1e6);
            return 0;
        } catch (IOException e) {
            err.println("the class-data archive was not created: " + describe(e));
            return 1;
        } finally {
            deleteQuietly(workDir);
        }
    }

    /** The child JVM: this plugin with the archive written at its exit. */
    List<String> command(Path made) {
        List<String> command = new ArrayList<>();
        command.add(java.get(0));
        command.add("-XX:ArchiveClassesAtExit=" + made);
        // stdout carries the protocol: the JVM's own messages go to stderr; the dump's notes on the
        // classes it cannot keep (picocli's, compiled for Java 5) are not worth an administrator's eye
        command.addAll(List.of("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=error:stderr"));
        command.addAll(java.subList(1, java.size()));
        command.addAll(pluginArguments);
        command.add("--heartbeat-interval-seconds=0");
        return command;
    }

    /** Runs the plugin through a bootstrap and one Get Job; null when it exited cleanly, else what went wrong. */
    private String train(Path made) throws IOException {
        Process plugin = new ProcessBuilder(command(made)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<String> conversation = CompletableFuture.supplyAsync(() -> converse(plugin));
        try {
            String problem = conversation.get(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (problem != null) {
                // a plugin that stopped by itself says why on stderr (above); its status says that it did
                if (plugin.waitFor(5, TimeUnit.SECONDS)) {
                    return problem + "; the plugin exited with status " + plugin.exitValue() + " (see its messages above)";
                }
                plugin.destroyForcibly();
                return problem;
            }
            if (!plugin.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                plugin.destroyForcibly();
                return "the plugin did not exit within " + TRAINING_TIMEOUT.toMinutes() + " minutes of the end of its input";
            }
            return plugin.exitValue() == 0 ? null : "the plugin exited with status " + plugin.exitValue() + " (see its messages above)";
        } catch (TimeoutException e) {
            plugin.destroyForcibly();
            return "the plugin did not answer within " + TRAINING_TIMEOUT.toMinutes() + " minutes";
        } catch (ExecutionException e) {
            plugin.destroyForcibly();
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            plugin.destroyForcibly();
            return "interrupted";
        }
    }

    /**
     * Bootstrap, Get Job, end of input. The plugin's stdout stays open and is drained until it exits:
     * a plugin writing into a closed pipe while it shuts down would fail for nothing.
     */
    private String converse(Process plugin) {
        InputStream fromPlugin = plugin.getInputStream();
        try (OutputStream toPlugin = plugin.getOutputStream()) {
            DataInputStream answers = new DataInputStream(fromPlugin);
            ObjectNode bootstrap = mapper.createObjectNode().put("messageType", 1).put("requestId", 0);
            bootstrap.putObject("version").put("major", 3).put("minor", 7).put("patch", 0);
            send(toPlugin, bootstrap);
            JsonNode booted = awaitAnswer(answers, 0);
            if (booted.path("messageType").asInt() != 1) {
                return "the plugin refused to bootstrap: " + booted.path("errorMessage").asString(booted.toString());
            }
            ObjectNode everyJob = mapper.createObjectNode().put("messageType", 3).put("requestId", 1).put("username", "*")
                    .put("requestUsername", "*").put("jobId", "*").put("encodedJobId", "");
            send(toPlugin, everyJob);
            JsonNode jobs = awaitAnswer(answers, 1);
            out.printf(Locale.ROOT, "the plugin bootstrapped and listed %d jobs%n", jobs.path("jobs").size());
        } catch (IOException e) {
            return "the conversation with the plugin broke: " + describe(e);
        }
        try (fromPlugin) {
            fromPlugin.transferTo(OutputStream.nullOutputStream());
            return null;
        } catch (IOException e) {
            return "the plugin's output broke while it stopped: " + describe(e);
        }
    }

    private void send(OutputStream toPlugin, ObjectNode message) throws IOException {
        toPlugin.write(FrameEncoder.frame(mapper.writeValueAsBytes(message)));
        toPlugin.flush();
    }

    private JsonNode awaitAnswer(DataInputStream answers, int requestId) throws IOException {
        while (true) {
            int length;
            try {
                length = answers.readInt();
            } catch (EOFException e) {
                throw new IOException("the plugin closed its output before answering request " + requestId, e);
            }
            byte[] payload = new byte[length];
            answers.readFully(payload);
            JsonNode message = mapper.readTree(new String(payload, StandardCharsets.UTF_8));
            if (message.path("requestId").asInt(-1) == requestId) {
                return message;
            }
        }
    }

    /** Lets the child, once it runs as server-user, write into the work directory. */
    private void handOver(Path workDir) throws IOException {
        if (serverUser == null || serverUser.isBlank() || !"root".equals(System.getProperty("user.name"))) {
            return;
        }
        try {
            Files.setOwner(workDir, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(serverUser));
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("server-user " + serverUser + " does not exist", e);
        }
    }

    private void moveIntoPlace(Path made) throws IOException {
        try {
            Files.move(made, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path workDir) {
        try (var files = Files.list(workDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(workDir);
        } catch (IOException ignored) {
            // a leftover hidden directory is harmless; the next run makes its own
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
