package io.kubelauncher.testkit.cluster;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/simulated-cluster}: runs a simulated cluster as its own process until SIGTERM.
 * Writes {@code api-url}, {@code token} and {@code ca.crt} into the state directory and prints
 * exactly one line, {@code ready <api-url>}, on stdout.
 */
@Command(name = "simulated-cluster", mixinStandardHelpOptions = true,
    description = "Runs a simulated Kubernetes cluster (API server + job controller + kubelet running local processes).")
public final class SimulatedClusterMain implements Callable<Integer> {

  @Option(names = "--state-dir", required = true, description = "Directory for api-url, token, ca.crt, pod sandboxes and logs.")
  Path stateDir;

  @Option(names = "--port", defaultValue = "0", description = "API server port (default: a free port).")
  int port;

  @Option(names = "--nodes", defaultValue = "3", description = "Number of nodes (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--namespace", defaultValue = "default", description = "The cluster's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--token", description = "Bearer token (default: random).")
  String token;

  private final PrintStream out;

  SimulatedClusterMain(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(new CommandLine(new SimulatedClusterMain(out)).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    SimulatedCluster.Builder builder = SimulatedCluster.builder().stateDir(stateDir).port(port).nodes(nodes).namespace(namespace);
    if (token != null) {
      builder.token(token);
    }
    SimulatedCluster cluster = builder.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      cluster.close();
      stopped.countDown();
    }, "simulated-cluster-shutdown"));
    cluster.writeConnectionFiles(stateDir);
    out.println("ready " + cluster.apiUrl());
    stopped.await();
    return 0;
  }
}
