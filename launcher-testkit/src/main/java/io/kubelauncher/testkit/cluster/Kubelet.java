package io.kubelauncher.testkit.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The kubelet of every simulated node: runs the containers of the pods bound to a node as local
 * processes, reports their state in the pod's status (Pending, Running, Succeeded/Failed with the
 * exit code), fails pulls of the images a scenario names, stops containers gracefully when a pod
 * is deleted (SIGTERM, SIGKILL after the grace period) and enforces memory limits. Init containers
 * run first, one at a time in order, each to its end; the app containers start once all of them
 * exited 0. An init container that fails fails the pod (as with {@code restartPolicy: Never}: no
 * init container is restarted here, whatever the policy), and the app containers never start. Runs on the
 * controller thread; its sandboxes are also read by the API server (logs, exec, attach, metrics).
 */
final class Kubelet {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\(([-._a-zA-Z][-._a-zA-Z0-9]*)\\)");
  private static final Duration IMAGE_PULL_RETRY = Duration.ofSeconds(5);

  private final ObjectStore store;
  private final EventRecorder events;
  private final Scenarios scenarios;
  private final ScheduledExecutorService controller;
  private final ExecutorService pumps;
  private final Clock clock;
  private final Path podsDirectory;
  private final String apiHost;
  private final Map<String, PodSandbox> sandboxes = new ConcurrentHashMap<>();
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private int nextPodIp;

  Kubelet(ObjectStore store, EventRecorder events, Scenarios scenarios, ScheduledExecutorService controller,
          ExecutorService pumps, Clock clock, Path stateDirectory, String apiHost) {
    this.store = store;
    this.events = events;
    this.scenarios = scenarios;
    this.controller = controller;
    this.pumps = pumps;
    this.clock = clock;
    this.podsDirectory = stateDirectory.resolve("pods");
    this.apiHost = apiHost;
  }

  Optional<PodSandbox> sandbox(String namespace, String name) {
    return Optional.ofNullable(sandboxes.get(namespace + "/" + name));
  }

  /** A pod was added or changed: start it once bound to a node, stop it once it is being deleted. */
  void podChanged(ObjectNode pod) {
    JsonNode metadata = pod.path("metadata");
    String key = metadata.path("namespace").asString("") + "/" + metadata.path("name").asString("");
    PodSandbox sandbox = sandboxes.get(key);
    if (sandbox != null && !sandbox.uid.equals(metadata.path("uid").asString(""))) {
      stopNow(sandbox);
      sandboxes.remove(key);
      sandbox = null;
    }
    if (metadata.has("deletionTimestamp")) {
      if (sandbox == null || !sandbox.anyRunning()) {
        store.remove(ResourceKind.PODS, metadata.path("namespace").asString(""), metadata.path("name").asString(""));
      } else if (!sandbox.stopping) {
        stopGracefully(sandbox, metadata.path("deletionGracePeriodSeconds").asLong(30));
      }
      return;
    }
    String nodeName = pod.path("spec").path("nodeName").asString("");
    String phase = pod.path("status").path("phase").asString("");
    if (sandbox == null && !nodeName.isEmpty() && !phase.equals("Succeeded") && !phase.equals("Failed")) {
      start(pod, key, nodeName);
    }
  }

  /** A pod is gone from the API: whatever still runs is killed. */
  void podRemoved(JsonNode pod) {
    String key = pod.path("metadata").path("namespace").asString("") + "/" + pod.path("metadata").path("name").asString("");
    PodSandbox sandbox = sandboxes.get(key);
    if (sandbox != null && sandbox.uid.equals(pod.path("metadata").path("uid").asString(""))) {
      stopNow(sandbox);
      sandboxes.remove(key);
    }
  }

  private void start(ObjectNode pod, String key, String nodeName) {
    JsonNode metadata = pod.path("metadata");
    int node = nodeIndex.computeIfAbsent(nodeName, n -> nodeIndex.size());
    String hostIp = store.get(ResourceKind.NODES, null, nodeName)
        .map(n -> address(n, "InternalIP")).orElse("10.0.0.1");
    int ip = ++nextPodIp;
    String podIp = "10.244." + node + "." + (ip % 250 + 2);
    String uid = metadata.path("uid").asString("");
    Path directory = podsDirectory.resolve(metadata.path("namespace").asString("") + "_" + metadata.path("name").asString("") + "_" + uid);
    PodSandbox sandbox = new PodSandbox(uid, metadata.path("namespace").asString(""), metadata.path("name").asString(""),
        nodeName, hostIp, podIp, directory.resolve("rootfs"), clock.instant());
    try {
      Files.createDirectories(sandbox.root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the pod sandbox " + sandbox.root, e);
    }
    for (JsonNode container : pod.path("spec").path("initContainers")) {
      String name = container.path("name").asString("");
      PodSandbox.Container init = new PodSandbox.Container(name, container.path("image").asString(""),
          new ContainerLog(directory.resolve(name).resolve("0.log"), clock));
      init.waitingReason = "PodInitializing";
      sandbox.initContainers.put(name, init);
    }
    for (JsonNode container : pod.path("spec").path("containers")) {
      String name = container.path("name").asString("");
      PodSandbox.Container app = new PodSandbox.Container(name, container.path("image").asString(""),
          new ContainerLog(directory.resolve(name).resolve("0.log"), clock));
      if (!sandbox.initContainers.isEmpty()) {
        app.waitingReason = "PodInitializing";
      }
      sandbox.containers.put(name, app);
    }
    sandboxes.put(key, sandbox);
    startContainers(sandbox);
  }

  /**
   * Pulls and starts what may start now: the next init container while any has yet to succeed,
   * else every app container not started yet. A failing pull leaves it waiting and retries later.
   */
  private void startContainers(PodSandbox sandbox) {
    ObjectNode pod = store.get(ResourceKind.PODS, sandbox.namespace, sandbox.name).orElse(null);
    if (pod == null || sandbox.stopping || sandboxes.get(sandbox.namespace + "/" + sandbox.name) != sandbox) {
      return;
    }
    boolean retry = false;
    if (!sandbox.initialized()) {
      if (sandbox.failedInitContainer().isEmpty()) {
        for (JsonNode spec : pod.path("spec").path("initContainers")) {
          PodSandbox.Container init = sandbox.initContainers.get(spec.path("name").asString(""));
          if (init.terminated()) {
            continue;
          }
          if (init.process == null) {
            retry = pullAndRun(pod, sandbox, init, spec);
          }
          break; // one at a time: the next starts when this one has exited 0
        }
      }
    } else {
      for (JsonNode spec : pod.path("spec").path("containers")) {
        PodSandbox.Container container = sandbox.containers.get(spec.path("name").asString(""));
        if (container.process != null || container.terminated()) {
          continue;
        }
        retry |= pullAndRun(pod, sandbox, container, spec);
      }
    }
    if (retry) {
      controller.schedule(() -> startContainers(sandbox), IMAGE_PULL_RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
    writeStatus(sandbox);
  }

  /** @return whether the pull failed, to be tried again later */
  private boolean pullAndRun(ObjectNode pod, PodSandbox sandbox, PodSandbox.Container container, JsonNode spec) {
    if (scenarios.imagePullFails(container.image)) {
      failPull(pod, sandbox, container);
      return true;
    }
    if ("Always".equals(spec.path("imagePullPolicy").asString(""))) {
      events.record(pod, EventRecorder.Type.Normal, "Pulling", "Pulling image \"" + container.image + "\"", "kubelet", sandbox.nodeName);
      events.record(pod, EventRecorder.Type.Normal, "Pulled", "Successfully pulled image \"" + container.image + "\" in 0s", "kubelet", sandbox.nodeName);
    } else {
      events.record(pod, EventRecorder.Type.Normal, "Pulled", "Container image \"" + container.image + "\" already present on machine", "kubelet", sandbox.nodeName);
    }
    run(pod, sandbox, container, spec);
    return false;
  }

  private void failPull(ObjectNode pod, PodSandbox sandbox, PodSandbox.Container container) {
    boolean first = !"ErrImagePull".equals(container.waitingReason) && !"ImagePullBackOff".equals(container.waitingReason);
    if (first || "ImagePullBackOff".equals(container.waitingReason)) {
      String message = "Failed to pull image \"" + container.image + "\": rpc error: code = NotFound desc = failed to pull and unpack image \""
          + container.image + "\": not found";
      events.record(pod, EventRecorder.Type.Normal, "Pulling", "Pulling image \"" + container.image + "\"", "kubelet", sandbox.nodeName);
      events.record(pod, EventRecorder.Type.Warning, "Failed", message, "kubelet", sandbox.nodeName);
      events.record(pod, EventRecorder.Type.Warning, "Failed", "Error: ErrImagePull", "kubelet", sandbox.nodeName);
      container.waitingReason = "ErrImagePull";
      container.waitingMessage = message;
    } else {
      String message = "Back-off pulling image \"" + container.image + "\"";
      events.record(pod, EventRecorder.Type.Normal, "BackOff", message, "kubelet", sandbox.nodeName);
      events.record(pod, EventRecorder.Type.Warning, "Failed", "Error: ImagePullBackOff", "kubelet", sandbox.nodeName);
      container.waitingReason = "ImagePullBackOff";
      container.waitingMessage = message;
    }
  }

  private void run(ObjectNode pod, PodSandbox sandbox, PodSandbox.Container container, JsonNode spec) {
    Map<String, String> environment = environment(pod, sandbox, spec);
    List<String> command = new ArrayList<>();
    spec.path("command").forEach(part -> command.add(expand(part.asString(""), environment)));
    spec.path("args").forEach(part -> command.add(expand(part.asString(""), environment)));
    try {
      if (command.isEmpty()) {
        throw new IOException("no command specified: the simulated cluster has no image entrypoint to fall back on");
      }
      Path workingDirectory = workingDirectory(sandbox, spec.path("workingDir").asString(""));
      boolean keepStdin = spec.path("stdin").asBoolean(false);
      container.environment = Map.copyOf(environment);
      container.process = ContainerProcess.start(container.name, command, environment, workingDirectory, keepStdin, container.log, pumps, clock);
      container.startedAt = container.process.startedAt();
      container.waitingReason = null;
      container.waitingMessage = null;
      events.record(pod, EventRecorder.Type.Normal, "Created", "Created container " + container.name, "kubelet", sandbox.nodeName);
      events.record(pod, EventRecorder.Type.Normal, "Started", "Started container " + container.name, "kubelet", sandbox.nodeName);
      container.process.exit().thenAccept(exit -> controller.execute(() -> containerExited(sandbox, container, exit)));
    } catch (IOException e) {
      String message = "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
          + "runc create failed: unable to start container process: exec: " + e.getMessage();
      container.exit = new ContainerProcess.Exit(128, "StartError", clock.instant());
      container.waitingMessage = message;
      container.log.pump(java.io.InputStream.nullInputStream());
      events.record(pod, EventRecorder.Type.Warning, "Failed", "Error: " + message, "kubelet", sandbox.nodeName);
    }
  }

  private Path workingDirectory(PodSandbox sandbox, String workingDir) throws IOException {
    Path directory = sandbox.root;
    if (!workingDir.isEmpty()) {
      directory = sandbox.root.resolve(workingDir.replaceFirst("^/+", "")).normalize();
      if (!directory.startsWith(sandbox.root)) {
        throw new IOException("workingDir " + workingDir + " leaves the pod's sandbox");
      }
    }
    Files.createDirectories(directory);
    return directory;
  }

  private Map<String, String> environment(ObjectNode pod, PodSandbox sandbox, JsonNode spec) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    environment.put("HOSTNAME", sandbox.name);
    environment.put("HOME", sandbox.root.toString());
    environment.put("KUBERNETES_SERVICE_HOST", apiHost);
    for (JsonNode variable : spec.path("env")) {
      String name = variable.path("name").asString("");
      JsonNode from = variable.path("valueFrom");
      String value;
      if (from.isMissingNode()) {
        value = expand(variable.path("value").asString(""), environment);
      } else {
        value = fieldValue(pod, sandbox, from.path("fieldRef").path("fieldPath").asString(""));
      }
      environment.put(name, value);
    }
    return environment;
  }

  /** {@code valueFrom.fieldRef}: the downward API's pod fields. Secrets and config maps are not simulated. */
  private static String fieldValue(ObjectNode pod, PodSandbox sandbox, String path) {
    JsonNode metadata = pod.path("metadata");
    Matcher keyed = Pattern.compile("metadata\\.(labels|annotations)\\['(.*)'\\]").matcher(path);
    if (keyed.matches()) {
      return metadata.path(keyed.group(1)).path(keyed.group(2)).asString("");
    }
    return switch (path) {
      case "metadata.name" -> sandbox.name;
      case "metadata.namespace" -> sandbox.namespace;
      case "metadata.uid" -> sandbox.uid;
      case "spec.nodeName" -> sandbox.nodeName;
      case "spec.serviceAccountName" -> pod.path("spec").path("serviceAccountName").asString("");
      case "status.podIP" -> sandbox.podIp;
      case "status.hostIP" -> sandbox.hostIp;
      default -> "";
    };
  }

  /** Kubernetes' {@code $(VAR)} expansion of env values, commands and args; {@code $$} escapes. */
  static String expand(String text, Map<String, String> environment) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement = matcher.group(1) == null ? "$" : environment.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private void containerExited(PodSandbox sandbox, PodSandbox.Container container, ContainerProcess.Exit exit) {
    container.exit = exit;
    ObjectNode pod = store.get(ResourceKind.PODS, sandbox.namespace, sandbox.name).orElse(null);
    if (pod == null || !sandbox.uid.equals(pod.path("metadata").path("uid").asString(""))) {
      return;
    }
    if (pod.path("metadata").has("deletionTimestamp") && !sandbox.anyRunning()) {
      store.remove(ResourceKind.PODS, sandbox.namespace, sandbox.name);
      return;
    }
    if (exit.reason().equals("OOMKilled")) {
      events.record(pod, EventRecorder.Type.Warning, "OOMKilling", "Memory cgroup out of memory: Killed process "
          + container.process.handle().pid() + " of container " + container.name, "kernel-monitor", sandbox.nodeName);
    }
    if (sandbox.initContainers.get(container.name) == container && exit.exitCode() == 0) {
      startContainers(sandbox); // the next init container, or the app containers
    } else {
      writeStatus(sandbox);
    }
  }

  private void stopGracefully(PodSandbox sandbox, long graceSeconds) {
    sandbox.stopping = true;
    ObjectNode pod = store.get(ResourceKind.PODS, sandbox.namespace, sandbox.name).orElse(null);
    for (PodSandbox.Container container : sandbox.all().toList()) {
      if (container.process != null && container.process.running()) {
        if (pod != null) {
          events.record(pod, EventRecorder.Type.Normal, "Killing", "Stopping container " + container.name, "kubelet", sandbox.nodeName);
        }
        container.process.terminate();
      }
    }
    controller.schedule(() -> sandbox.all().forEach(c -> {
      if (c.process != null && c.process.running()) {
        c.process.kill();
      }
    }), graceSeconds, TimeUnit.SECONDS);
  }

  private static void stopNow(PodSandbox sandbox) {
    sandbox.stopping = true;
    for (PodSandbox.Container container : sandbox.all().toList()) {
      if (container.process != null && container.process.running()) {
        container.process.kill();
      }
    }
  }

  /** Samples every running container's /proc figures; kills those above their memory limit. */
  void sampleMetrics() {
    long now = System.nanoTime();
    for (PodSandbox sandbox : sandboxes.values()) {
      ObjectNode pod = null;
      for (PodSandbox.Container container : sandbox.all().toList()) {
        if (container.process == null || !container.process.running()) {
          continue;
        }
        container.process.metrics().sample(container.process.handle(), now);
        if (pod == null) {
          pod = store.get(ResourceKind.PODS, sandbox.namespace, sandbox.name).orElse(null);
        }
        Long limit = memoryLimit(pod, container.name);
        if (limit != null && container.process.metrics().memoryBytes() > limit) {
          container.process.killForMemory();
        }
      }
    }
  }

  private static Long memoryLimit(JsonNode pod, String containerName) {
    if (pod == null) {
      return null;
    }
    for (String kind : List.of("initContainers", "containers")) {
      for (JsonNode container : pod.path("spec").path(kind)) {
        if (containerName.equals(container.path("name").asString(""))) {
          JsonNode limit = container.path("resources").path("limits").path("memory");
          return limit.isMissingNode() ? null : Quantity.parse(limit.asString("0")).longValue();
        }
      }
    }
    return null;
  }

  /** Stops every container now (the cluster is shutting down). */
  void shutdown() {
    sandboxes.values().forEach(Kubelet::stopNow);
  }

  private void writeStatus(PodSandbox sandbox) {
    try {
      store.update(ResourceKind.PODS, sandbox.namespace, sandbox.name, pod -> {
        if (!sandbox.uid.equals(pod.path("metadata").path("uid").asString(""))) {
          return pod;
        }
        ObjectStore.metadata(pod).remove("resourceVersion");
        fillStatus(pod, sandbox);
        return pod;
      });
    } catch (ApiException gone) {
      // deleted meanwhile
    }
  }

  private void fillStatus(ObjectNode pod, PodSandbox sandbox) {
    ObjectNode status = pod.withObjectProperty("status");
    boolean initialized = sandbox.initialized();
    boolean initFailed = sandbox.failedInitContainer().isPresent();
    boolean allTerminated = sandbox.allTerminated();
    boolean anyFailed = sandbox.containers.values().stream().anyMatch(c -> c.terminated() && c.exit.exitCode() != 0);
    boolean allRunning = sandbox.containers.values().stream().allMatch(c -> c.process != null && !c.terminated());
    boolean anyStarted = sandbox.containers.values().stream().anyMatch(c -> c.process != null || c.terminated());
    String phase = initFailed ? "Failed" : !initialized ? "Pending" : allTerminated ? (anyFailed ? "Failed" : "Succeeded")
        : anyStarted && sandbox.containers.values().stream().noneMatch(c -> c.process == null && !c.terminated()) ? "Running" : "Pending";
    status.put("phase", phase);
    status.put("hostIP", sandbox.hostIp);
    status.putArray("hostIPs").addObject().put("ip", sandbox.hostIp);
    status.put("podIP", sandbox.podIp);
    status.putArray("podIPs").addObject().put("ip", sandbox.podIp);
    status.put("startTime", ObjectStore.timestamp(sandbox.startTime));
    Conditions.set(status, "PodReadyToStartContainers", "True", null, null, clock);
    if (initialized) {
      Conditions.set(status, "Initialized", "True", null, null, clock);
    } else {
      Conditions.set(status, "Initialized", "False", "ContainersNotInitialized", "containers with incomplete status: ["
          + String.join(" ", sandbox.initContainers.values().stream().filter(c -> !c.terminated() || c.exit.exitCode() != 0)
          .map(c -> c.name).toList()) + "]", clock);
    }
    String notReady = allTerminated ? "PodCompleted" : "ContainersNotReady";
    String notReadyMessage = allTerminated ? null : "containers with unready status: [" + String.join(" ", sandbox.containers.values()
        .stream().filter(c -> c.process == null || c.terminated()).map(c -> c.name).toList()) + "]";
    Conditions.set(status, "Ready", allRunning ? "True" : "False", allRunning ? null : notReady, allRunning ? null : notReadyMessage, clock);
    Conditions.set(status, "ContainersReady", allRunning ? "True" : "False", allRunning ? null : notReady, allRunning ? null : notReadyMessage, clock);
    Conditions.set(status, "PodScheduled", "True", null, null, clock);
    if (!sandbox.initContainers.isEmpty()) {
      ArrayNode initStatuses = status.putArray("initContainerStatuses");
      // an init container is ready once it has done its work
      sandbox.initContainers.values().forEach(c -> containerStatus(initStatuses, c, c.terminated() && c.exit.exitCode() == 0));
    }
    ArrayNode statuses = status.putArray("containerStatuses");
    sandbox.containers.values().forEach(c -> containerStatus(statuses, c, c.process != null && !c.terminated()));
  }

  private static void containerStatus(ArrayNode statuses, PodSandbox.Container container, boolean ready) {
    ObjectNode entry = statuses.addObject();
    entry.put("name", container.name);
    ObjectNode state = entry.putObject("state");
    if (container.terminated()) {
      ObjectNode terminated = state.putObject("terminated").put("exitCode", container.exit.exitCode()).put("reason", container.exit.reason());
      if (container.waitingMessage != null) {
        terminated.put("message", container.waitingMessage);
      }
      terminated.put("startedAt", ObjectStore.timestamp(container.startedAt != null ? container.startedAt : container.exit.finishedAt()));
      terminated.put("finishedAt", ObjectStore.timestamp(container.exit.finishedAt()));
      if (container.containerId() != null) {
        terminated.put("containerID", container.containerId());
      }
    } else if (container.process != null) {
      state.putObject("running").put("startedAt", ObjectStore.timestamp(container.startedAt));
    } else {
      ObjectNode waiting = state.putObject("waiting").put("reason", container.waitingReason);
      if (container.waitingMessage != null) {
        waiting.put("message", container.waitingMessage);
      }
    }
    entry.putObject("lastState");
    entry.put("ready", ready);
    entry.put("restartCount", 0);
    entry.put("image", container.image);
    entry.put("imageID", container.process != null ? "simulated://" + container.image : "");
    if (container.containerId() != null) {
      entry.put("containerID", container.containerId());
    }
    entry.put("started", container.process != null && !container.terminated());
  }

  private static String address(JsonNode node, String type) {
    for (JsonNode address : node.path("status").path("addresses")) {
      if (type.equals(address.path("type").asString(""))) {
        return address.path("address").asString("");
      }
    }
    return "";
  }
}
