package io.kubelauncher.testkit.cluster;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the kubelet keeps for one pod it runs: the sandbox directory (the pod's filesystem root
 * and its container logs), the pod IP, and the state of each container and init container. Confined to the
 * controller thread, except the {@link ContainerProcess}es which are thread-safe.
 */
final class PodSandbox {

  /** One container of the pod: waiting (with a reason), running, or terminated. */
  static final class Container {
    final String name;
    final String image;
    // written on the controller thread, read by the API server's logs, exec and attach
    volatile ContainerProcess process;
    volatile ContainerProcess.Exit exit;
    volatile Instant startedAt;
    volatile String waitingReason = "ContainerCreating";
    volatile String waitingMessage;
    volatile java.util.Map<String, String> environment = java.util.Map.of();
    final ContainerLog log;

    Container(String name, String image, ContainerLog log) {
      this.name = name;
      this.image = image;
      this.log = log;
    }

    boolean terminated() {
      return exit != null;
    }

    String containerId() {
      return process == null ? null : "simulated://" + process.handle().pid();
    }
  }

  final String uid;
  final String namespace;
  final String name;
  final String nodeName;
  final String hostIp;
  final String podIp;
  final Path root;
  final Instant startTime;
  final Map<String, Container> containers = new LinkedHashMap<>();
  /** The init containers, in the order they run. */
  final Map<String, Container> initContainers = new LinkedHashMap<>();
  boolean stopping;

  PodSandbox(String uid, String namespace, String name, String nodeName, String hostIp, String podIp, Path root, Instant startTime) {
    this.uid = uid;
    this.namespace = namespace;
    this.name = name;
    this.nodeName = nodeName;
    this.hostIp = hostIp;
    this.podIp = podIp;
    this.root = root;
    this.startTime = startTime;
  }

  /** Whether every (app) container has terminated. */
  boolean allTerminated() {
    return containers.values().stream().allMatch(Container::terminated);
  }

  boolean anyRunning() {
    return all().anyMatch(c -> c.process != null && c.process.running());
  }

  /** Every init container ran to exit code 0 (true when there are none): the app containers may start. */
  boolean initialized() {
    return initContainers.values().stream().allMatch(c -> c.terminated() && c.exit.exitCode() == 0);
  }

  /** The init container that failed, which fails the pod: the app containers never start. */
  Optional<Container> failedInitContainer() {
    return initContainers.values().stream().filter(c -> c.terminated() && c.exit.exitCode() != 0).findFirst();
  }

  /** The container of either kind with this name. */
  Container container(String name) {
    Container container = containers.get(name);
    return container != null ? container : initContainers.get(name);
  }

  /** Init containers, then app containers. */
  Stream<Container> all() {
    return Stream.concat(initContainers.values().stream(), containers.values().stream());
  }
}
