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
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pods/exec} and {@code pods/attach} over WebSocket with the Kubernetes channel protocol
 * ({@code v4.channel.k8s.io}, which Fabric8 speaks, and {@code v5.channel.k8s.io}, which adds the
 * close-stdin signal): every binary message starts with its channel, 0 stdin, 1 stdout, 2 stderr,
 * 3 the final Status. An exec of {@code kill [-SIGNAL] 1} signals the container's process (PID 1
 * in a real container); any other exec runs as a local process in the pod's sandbox.
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

  void exec(ServerWebSocket socket, PodSandbox.Container container, Path root, List<String> command, boolean stdin) {
    Context context = vertx.getOrCreateContext();
    OptionalInt signal = killOfMainProcess(command);
    if (signal.isPresent()) {
      try {
        container.process.signal(signal.getAsInt());
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
    pumps.execute(() -> copy(process.getInputStream(), socket, STDOUT, context));
    pumps.execute(() -> copy(process.getErrorStream(), socket, STDERR, context));
    process.onExit().thenAccept(p -> context.runOnContext(v -> finish(socket, p.exitValue())));
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

  /** The signal of a {@code kill [-N|-NAME|-s NAME] 1} (directly or as {@code sh -c "..."}), if that is the command. */
  static OptionalInt killOfMainProcess(List<String> command) {
    List<String> words = new ArrayList<>(command);
    if (words.size() == 3 && words.get(0).matches("(.*/)?(sh|bash|ash|dash)") && words.get(1).equals("-c")) {
      words = new ArrayList<>(Arrays.asList(words.get(2).trim().split("\\s+")));
    }
    if (words.isEmpty() || !words.get(0).matches("(.*/)?kill") || !words.get(words.size() - 1).equals("1")) {
      return OptionalInt.empty();
    }
    List<String> options = words.subList(1, words.size() - 1);
    if (options.isEmpty()) {
      return OptionalInt.of(15);
    }
    String signal = options.size() == 2 && options.get(0).equals("-s") ? options.get(1)
        : options.size() == 1 && options.get(0).startsWith("-") ? options.get(0).substring(1) : null;
    if (signal == null) {
      return OptionalInt.empty();
    }
    if (signal.matches("[0-9]+")) {
      return OptionalInt.of(Integer.parseInt(signal));
    }
    Integer number = SIGNALS.get(signal.replaceFirst("^SIG", ""));
    return number == null ? OptionalInt.empty() : OptionalInt.of(number);
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
