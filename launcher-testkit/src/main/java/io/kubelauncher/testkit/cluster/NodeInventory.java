package io.kubelauncher.testkit.cluster;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cluster's nodes: each reports this machine's real CPU count and memory as its capacity,
 * with standard labels and InternalIP/ExternalIP/Hostname addresses.
 */
final class NodeInventory {
  private static final String[] CONDITIONS = {"MemoryPressure", "DiskPressure", "PIDPressure"};

  private final int count;
  private final int cpus;
  private final long memoryKibibytes;

  NodeInventory(int count, int cpus, long memoryKibibytes) {
    this.count = count;
    this.cpus = cpus;
    this.memoryKibibytes = memoryKibibytes;
  }

  /** This machine's figures: available processors and MemTotal from /proc/meminfo. */
  static NodeInventory ofThisMachine(int count) {
    long memory = 8L * 1024 * 1024;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memory = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: keep the 8 GiB assumption
    }
    return new NodeInventory(count, Runtime.getRuntime().availableProcessors(), memory);
  }

  static String nodeName(int index) {
    return "sim-node-" + (index + 1);
  }

  static String internalIp(int index) {
    return "10.0.0." + (index + 10);
  }

  static String externalIp(int index) {
    return "192.0.2." + (index + 10);
  }

  List<ObjectNode> nodes(String timestamp) {
    return IntStream.range(0, count).mapToObj(i -> node(i, timestamp)).toList();
  }

  BigDecimal cpu() {
    return BigDecimal.valueOf(cpus);
  }

  BigDecimal memoryBytes() {
    return BigDecimal.valueOf(memoryKibibytes * 1024);
  }

  private ObjectNode node(int index, String timestamp) {
    String name = nodeName(index);
    ObjectNode node = Json.object();
    ObjectNode metadata = node.putObject("metadata").put("name", name);
    metadata.putObject("labels")
        .put("kubernetes.io/hostname", name)
        .put("kubernetes.io/os", "linux")
        .put("kubernetes.io/arch", "amd64")
        .put("beta.kubernetes.io/os", "linux")
        .put("beta.kubernetes.io/arch", "amd64")
        .put("node.kubernetes.io/instance-type", "simulated")
        .put("topology.kubernetes.io/zone", "sim-zone-" + (index % 3 + 1));
    node.putObject("spec").put("podCIDR", "10.244." + index + ".0/24");
    ObjectNode status = node.putObject("status");
    ObjectNode capacity = status.putObject("capacity")
        .put("cpu", Integer.toString(cpus)).put("memory", memoryKibibytes + "Ki").put("pods", "110");
    status.set("allocatable", capacity.deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    for (String type : CONDITIONS) {
      conditions.addObject().put("type", type).put("status", "False").put("reason", "Kubelet Has No " + type)
          .put("lastHeartbeatTime", timestamp).put("lastTransitionTime", timestamp);
    }
    conditions.addObject().put("type", "Ready").put("status", "True").put("reason", "KubeletReady")
        .put("message", "kubelet is posting ready status").put("lastHeartbeatTime", timestamp).put("lastTransitionTime", timestamp);
    status.putArray("addresses")
        .add(Json.object().put("type", "InternalIP").put("address", internalIp(index)))
        .add(Json.object().put("type", "ExternalIP").put("address", externalIp(index)))
        .add(Json.object().put("type", "Hostname").put("address", name));
    status.putObject("nodeInfo")
        .put("kubeletVersion", "v1.32.0").put("kubeProxyVersion", "v1.32.0")
        .put("containerRuntimeVersion", "simulated://1.0").put("operatingSystem", "linux").put("architecture", "amd64")
        .put("osImage", "SimulatedCluster").put("kernelVersion", System.getProperty("os.version", ""))
        .put("machineID", "").put("systemUUID", "").put("bootID", "");
    status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
    return node;
  }
}
