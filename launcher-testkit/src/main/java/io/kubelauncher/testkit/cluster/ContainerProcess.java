package io.kubelauncher.testkit.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One container run as a local process: its command without a shell, its environment, its working
 * directory inside the pod's sandbox, stdout and stderr combined into the container log, stdin
 * kept open for attaching when the container asks for it.
 */
final class ContainerProcess {

  private static final String SETSID = "setsid";
  private static final String KILL = "kill";

  /** How the container ended: the terminated state's exit code, reason and time. */
  record Exit(int exitCode, String reason, Instant finishedAt) {}

  private final String name;
  private final Process process;
  private final ContainerLog log;
  private final ProcessMetrics metrics = new ProcessMetrics();
  private final Instant startedAt;
  private final CompletableFuture<Exit> exit = new CompletableFuture<>();
  private final AtomicBoolean stdinClaimed = new AtomicBoolean();
  private volatile boolean oomKilled;

  private ContainerProcess(String name, Process process, ContainerLog log, Instant startedAt) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.startedAt = startedAt;
  }

  /**
   * Starts the process; throws {@link IOException} when it cannot start (the kubelet reports
   * that as a StartError). {@code keepStdin} leaves stdin open for an attach.
   */
  static ContainerProcess start(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
                                boolean keepStdin, ContainerLog log, Executor pumps, java.time.Clock clock) throws IOException {
    // setsid makes the container's main process lead its own process group, which stands in for the
    // container's PID namespace: when the main process ends, or on SIGKILL, the whole group goes
    List<String> sessionLeader = new java.util.ArrayList<>();
    sessionLeader.add(SETSID);
    sessionLeader.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(sessionLeader).directory(workingDirectory.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    ContainerProcess container = new ContainerProcess(name, process, log, clock.instant());
    if (!keepStdin) {
      process.getOutputStream().close();
    }
    CompletableFuture<Void> pumped = CompletableFuture.runAsync(() -> log.pump(process.getInputStream()), pumps);
    process.onExit().thenRun(container::killGroup);
    process.onExit().thenCombine(pumped, (p, v) -> p).thenAccept(p -> {
      int code = p.exitValue();
      String reason = container.oomKilled ? "OOMKilled" : code == 0 ? "Completed" : "Error";
      container.exit.complete(new Exit(code, reason, clock.instant()));
    });
    return container;
  }

  String name() {
    return name;
  }

  Instant startedAt() {
    return startedAt;
  }

  ContainerLog log() {
    return log;
  }

  ProcessMetrics metrics() {
    return metrics;
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  CompletableFuture<Exit> exit() {
    return exit;
  }

  boolean running() {
    return !exit.isDone();
  }

  /** The container's stdin, for the one attach that may use it (stdinOnce); empty when already used. */
  java.util.Optional<OutputStream> claimStdin() {
    return stdinClaimed.compareAndSet(false, true) ? java.util.Optional.of(process.getOutputStream()) : java.util.Optional.empty();
  }

  /** SIGTERM to the container's main process, as the runtime sends on stop. */
  void terminate() {
    process.toHandle().destroy();
  }

  /** SIGKILL to every process of the container, as the runtime does when the grace period ends. */
  void kill() {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.toHandle().destroyForcibly();
    killGroup();
  }

  /** SIGKILL to the container's process group (what is left of it once the main process is gone). */
  private void killGroup() {
    try {
      new ProcessBuilder(KILL, "-KILL", "--", "-" + process.pid()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException e) {
      // no kill(1): the descendants were signalled one by one
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the container for exceeding its memory limit: it ends with reason OOMKilled. */
  void killForMemory() {
    oomKilled = true;
    kill();
  }

  /** Sends a signal to every process of the container, the main one included (its process group). */
  void signalGroup(int signal) throws IOException {
    if (signal == 9) {
      kill();
      return;
    }
    new ProcessBuilder(KILL, "-" + signal, "--", "-" + process.pid()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** Sends a signal to every process of the container but the main one. */
  void signalDescendants(int signal) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(KILL, "-" + signal, "--"));
    process.toHandle().descendants().forEach(child -> command.add(Long.toString(child.pid())));
    if (command.size() > 3) {
      new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
  }

  /** Sends a signal by number to the main process (for exec'd {@code kill -N 1}). */
  void signal(int signal) throws IOException {
    switch (signal) {
      case 9 -> kill();
      case 15 -> terminate();
      default -> new ProcessBuilder(KILL, "-" + signal, Long.toString(process.pid())).inheritIO().start();
    }
  }
}
