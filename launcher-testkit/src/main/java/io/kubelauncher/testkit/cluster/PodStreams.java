package io.kubelauncher.testkit.cluster;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pods/exec} and {@code pods/attach} over WebSocket with the Kubernetes channel protocol
 * ({@code v4.channel.k8s.io}, which Fabric8 speaks, and {@code v5.channel.k8s.io}, which adds the
 * close-stdin signal): every binary message starts with its channel, 0 stdin, 1 stdout, 2 stderr,
 * 3 the final Status. An exec of {@code kill [-SIGNAL] 1} signals the container's process (PID 1
 * in a real container); {@code kill [-SIGNAL] -1} signals every process the exec could see, as in a
 * real container: with a shared process namespace every process of every container of the pod (PID
 * 1 is then the pod's pause process), otherwise the container's processes but its main one (PID 1);
 * behind a shell's check that PID 1 is the pause process, only with a shared process namespace.
 * Any other exec runs as a local process in the pod's sandbox.
 */
final class PodStreams {
  static final List<String> SUBPROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
  private static final byte STDIN = 0;
  private static final byte STDOUT = 1;
  private static final byte STDERR = 2;
  private static final byte ERROR = 3;
  private static final byte CLOSE = (byte) 255;
  private static final Map<String, Integer> SIGNALS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "KILL", 9, "USR1", 10, "USR2", 12, "TERM", 15);

  private final Vertx vertx;
  private final ExecutorService pumps;

  PodStreams(Vertx vertx, ExecutorService pumps) {
    this.vertx = vertx;
    this.pumps = pumps;
  }

  /**
   * What an exec'd {@code kill} is sent to: PID 1, or every process but PID 1 and itself ({@code -1});
   * {@code ifPidOneIsPause} when a shell runs it only after checking that PID 1 is the pod's pause
   * process ({@link #PAUSE_GUARD}), i.e. that the pod shares its process namespace.
   */
  record Kill(int signal, boolean everyProcess, boolean ifPidOneIsPause) {}

  /** The shell test, before {@code &&}, that PID 1 is the pause process. */
  static final String PAUSE_GUARD = "test \"$(cat /proc/1/comm)\" = pause";

  void exec(ServerWebSocket socket, PodSandbox sandbox, PodSandbox.Container container, boolean sharedProcessNamespace,
            List<String> command, boolean stdin) {
    Context context = vertx.getOrCreateContext();
    Path root = sandbox.root;
    Optional<Kill> kill = killCommand(command);
    if (kill.isPresent()) {
      try {
        int signal = kill.get().signal();
        if (kill.get().ifPidOneIsPause() && !sharedProcessNamespace) {
          finish(socket, 1); // PID 1 is the container's own process: the guard fails, nothing is signalled
        } else if (!kill.get().everyProcess()) {
          container.process.signal(signal);
        } else if (sharedProcessNamespace) {
          for (PodSandbox.Container each : sandbox.containers.values()) {
            if (each.process != null && each.process.running()) {
              each.process.signalGroup(signal);
            }
          }
        } else {
          container.process.signalDescendants(signal);
        }
        finish(socket, 0);
      } catch (IOException e) {
        send(socket, STDERR, Buffer.buffer(e.getMessage() + "\n"));
        finish(socket, 1);
      }
      return;
    }
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
      builder.environment().clear();
      builder.environment().putAll(container.environment);
      process = builder.start();
    } catch (IOException e) {
      ObjectNode status = Json.object().put("status", "Failure").put("reason", "InternalError").put("message",
          "Internal error occurred: error executing command in container: failed to exec in container: " + e.getMessage());
      status.putObject("metadata");
      send(socket, ERROR, Buffer.buffer(status.toString()));
      socket.close();
      return;
    }
    OutputStream input = process.getOutputStream();
    if (!stdin) {
      close(input);
    }
    ExecutorService stdinWriter = Executors.newSingleThreadExecutor(daemon("simulated-exec-stdin"));
    socket.handler(buffer -> onInput(buffer, input, stdinWriter));
    socket.closeHandler(v -> {
      stdinWriter.execute(() -> close(input));
      stdinWriter.shutdown();
      process.toHandle().destroy();
    });
    // the Status goes last: after the process has exited and both of its streams are drained
    CompletableFuture<Void> stdout = CompletableFuture.runAsync(() -> copy(process.getInputStream(), socket, STDOUT, context), pumps);
    CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> copy(process.getErrorStream(), socket, STDERR, context), pumps);
    CompletableFuture.allOf(stdout, stderr, process.onExit())
        .thenRun(() -> context.runOnContext(v -> finish(socket, process.exitValue())));
  }

  /**
   * Attaches to a running container: stdin (when both the request and the container ask for it)
   * goes to the process, output written from now on comes back on stdout; with stdinOnce, stdin
   * closes when the attach ends.
   */
  void attach(ServerWebSocket socket, PodSandbox.Container container, boolean stdin, boolean stdinOnce) {
    Optional<OutputStream> input = stdin ? container.process.claimStdin() : Optional.empty();
    ExecutorService stdinWriter = Executors.newSingleThreadExecutor(daemon("simulated-attach-stdin"));
    input.ifPresent(out -> socket.handler(buffer -> onInput(buffer, out, stdinWriter)));
    long[] offset = {container.log.file().toFile().length()};
    long timer = vertx.setPeriodic(50, t -> {
      for (ContainerLog.Entry entry : container.log.read(offset[0])) {
        send(socket, STDOUT, Buffer.buffer(entry.render(false)));
        offset[0] = entry.endOffset();
      }
      ContainerProcess.Exit exit = container.process.exit().getNow(null);
      if (exit != null && container.log.read(offset[0]).isEmpty()) {
        vertx.cancelTimer(t);
        finish(socket, exit.exitCode());
      }
    });
    socket.closeHandler(v -> {
      vertx.cancelTimer(timer);
      if (stdinOnce) {
        input.ifPresent(out -> stdinWriter.execute(() -> close(out)));
      }
      stdinWriter.shutdown();
    });
  }

  private static void onInput(Buffer buffer, OutputStream input, ExecutorService writer) {
    if (buffer.length() == 0) {
      return;
    }
    byte channel = buffer.getByte(0);
    if (channel == STDIN) {
      byte[] data = buffer.getBytes(1, buffer.length());
      writer.execute(() -> {
        try {
          input.write(data);
          input.flush();
        } catch (IOException e) {
          // the process closed its stdin: further input is dropped, as with a real container
        }
      });
    } else if (channel == CLOSE && buffer.length() > 1 && buffer.getByte(1) == STDIN) {
      writer.execute(() -> close(input));
    }
  }

  private void copy(InputStream output, ServerWebSocket socket, byte channel, Context context) {
    byte[] buffer = new byte[8192];
    try (output) {
      int read;
      while ((read = output.read(buffer)) >= 0) {
        Buffer data = Buffer.buffer(Arrays.copyOf(buffer, read));
        context.runOnContext(v -> send(socket, channel, data));
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  private static void finish(ServerWebSocket socket, int exitCode) {
    ObjectNode status = Json.object();
    status.putObject("metadata");
    if (exitCode == 0) {
      status.put("status", "Success");
    } else {
      status.put("status", "Failure").put("message", "command terminated with non-zero exit code: error executing command [...], exit code "
          + exitCode).put("reason", "NonZeroExitCode");
      status.putObject("details").putArray("causes").addObject().put("reason", "ExitCode").put("message", Integer.toString(exitCode));
    }
    send(socket, ERROR, Buffer.buffer(status.toString()));
    if (!socket.isClosed()) {
      socket.close();
    }
  }

  private static void send(ServerWebSocket socket, byte channel, Buffer data) {
    if (!socket.isClosed()) {
      socket.writeBinaryMessage(Buffer.buffer().appendByte(channel).appendBuffer(data));
    }
  }

  /**
   * The signal and target of a {@code kill [-N|-NAME|-s NAME] 1} or {@code ... -1}, directly or as
   * {@code sh -c "[PAUSE_GUARD && ][exec ]kill ..."}, if that is the command.
   */
  static Optional<Kill> killCommand(List<String> command) {
    List<String> words = new ArrayList<>(command);
    boolean guarded = false;
    if (words.size() == 3 && words.get(0).matches("(.*/)?(sh|bash|ash|dash)") && words.get(1).equals("-c")) {
      List<String> steps = Arrays.stream(words.get(2).split("&&")).map(String::trim).toList();
      for (String guard : steps.subList(0, steps.size() - 1)) {
        if (!guard.equals(PAUSE_GUARD)) {
          return Optional.empty();
        }
        guarded = true;
      }
      String last = steps.get(steps.size() - 1).replaceFirst("^exec\\s+", "");
      words = new ArrayList<>(Arrays.asList(last.split("\\s+")));
    }
    if (words.size() >= 3 && words.get(words.size() - 2).equals("--")) {
      words.remove(words.size() - 2);
    }
    String target = words.isEmpty() ? "" : words.get(words.size() - 1);
    if (words.isEmpty() || !words.get(0).matches("(.*/)?kill") || !(target.equals("1") || target.equals("-1"))) {
      return Optional.empty();
    }
    boolean everyProcess = target.equals("-1");
    List<String> options = words.subList(1, words.size() - 1);
    if (options.isEmpty()) {
      return Optional.of(new Kill(15, everyProcess, guarded));
    }
    String signal = options.size() == 2 && options.get(0).equals("-s") ? options.get(1)
        : options.size() == 1 && options.get(0).startsWith("-") ? options.get(0).substring(1) : null;
    if (signal == null) {
      return Optional.empty();
    }
    if (signal.matches("[0-9]+")) {
      return Optional.of(new Kill(Integer.parseInt(signal), everyProcess, guarded));
    }
    Integer number = SIGNALS.get(signal.replaceFirst("^SIG", ""));
    return number == null ? Optional.empty() : Optional.of(new Kill(number, everyProcess, guarded));
  }

  private static void close(OutputStream stream) {
    try {
      stream.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
