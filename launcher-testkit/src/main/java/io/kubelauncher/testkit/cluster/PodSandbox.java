package io.kubelauncher.testkit.cluster;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the kubelet keeps for one pod it runs: the sandbox directory (the pod's filesystem root
 * and its container logs), the pod IP, and the state of each container. Confined to the
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

  boolean allTerminated() {
    return containers.values().stream().allMatch(Container::terminated);
  }

  boolean anyRunning() {
    return containers.values().stream().anyMatch(c -> c.process != null && c.process.running());
  }
}
