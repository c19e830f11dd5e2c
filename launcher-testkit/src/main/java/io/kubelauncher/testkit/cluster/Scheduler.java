package io.kubelauncher.testkit.cluster;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default-scheduler: binds each new pod to the first node whose free CPU and memory cover the
 * pod's requests and whose labels satisfy its nodeSelector and required node affinity; otherwise
 * leaves it Pending with PodScheduled=False and a FailedScheduling event, and tries again when
 * capacity frees up. Runs on the controller thread.
 */
final class Scheduler {

  private final ObjectStore store;
  private final EventRecorder events;
  private final Scenarios scenarios;
  private final ScheduledExecutorService controller;
  private final Clock clock;
  /** Pods waiting for a node, by namespace/name, with the last reason they could not be placed. */
  private final Map<String, String> unschedulable = new LinkedHashMap<>();
  /** Pods holding resources on a node (bound, not finished), by namespace/name: {node, requests}. */
  private final Map<String, Map.Entry<String, BigDecimal[]>> bound = new HashMap<>();
  /** Set when a pod let go of its node's resources: the waiting pods deserve another try. */
  private boolean capacityFreed;

  Scheduler(ObjectStore store, EventRecorder events, Scenarios scenarios, ScheduledExecutorService controller, Clock clock) {
    this.store = store;
    this.events = events;
    this.scenarios = scenarios;
    this.controller = controller;
    this.clock = clock;
  }

  /** A pod was added or changed: schedule it if it still needs a node. */
  void podChanged(ObjectNode pod) {
    track(pod);
    if (!needsNode(pod)) {
      return;
    }
    Duration delay = scenarios.schedulingDelay();
    String namespace = pod.path("metadata").path("namespace").asString("");
    String name = pod.path("metadata").path("name").asString("");
    if (delay.isZero()) {
      schedule(namespace, name);
    } else {
      controller.schedule(() -> schedule(namespace, name), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Tries the waiting pods again if a pod let go of its node's resources since the last try. */
  void retryIfCapacityFreed() {
    if (capacityFreed) {
      capacityFreed = false;
      retryWaiting();
    }
  }

  /** Tries every waiting pod again (a scenario changed). */
  void retryWaiting() {
    for (String key : List.copyOf(unschedulable.keySet())) {
      int slash = key.indexOf('/');
      schedule(key.substring(0, slash), key.substring(slash + 1));
    }
  }

  void podRemoved(JsonNode pod) {
    unschedulable.remove(key(pod));
    release(key(pod));
  }

  private void release(String key) {
    if (bound.remove(key) != null) {
      capacityFreed = true;
    }
  }

  /** Keeps {@link #bound} current, so that a scheduling decision needs no scan of every pod. */
  private void track(JsonNode pod) {
    String nodeName = pod.path("spec").path("nodeName").asString("");
    String phase = pod.path("status").path("phase").asString("");
    if (nodeName.isEmpty() || phase.equals("Succeeded") || phase.equals("Failed")) {
      release(key(pod));
    } else {
      bound.put(key(pod), Map.entry(nodeName, requests(pod.path("spec"))));
    }
  }

  private void schedule(String namespace, String name) {
    ObjectNode pod = store.get(ResourceKind.PODS, namespace, name).orElse(null);
    String key = namespace + "/" + name;
    if (pod == null || !needsNode(pod)) {
      unschedulable.remove(key);
      return;
    }
    List<ObjectNode> nodes = store.select(ResourceKind.NODES, null, n -> true);
    Map<String, Integer> reasons = new TreeMap<>();
    Map<String, BigDecimal[]> used = usage();
    BigDecimal[] wanted = requests(pod.path("spec"));
    for (ObjectNode node : nodes) {
      List<String> misfits = misfits(pod, node, wanted, used.getOrDefault(node.path("metadata").path("name").asString(""),
          new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
      if (misfits.isEmpty()) {
        bind(pod, node);
        unschedulable.remove(key);
        return;
      }
      for (String misfit : misfits) {
        reasons.merge(misfit, 1, Integer::sum);
      }
    }
    StringBuilder message = new StringBuilder("0/" + nodes.size() + " nodes are available:");
    reasons.forEach((reason, count) -> message.append(' ').append(count).append(' ').append(reason).append(','));
    if (!reasons.isEmpty()) {
      message.setLength(message.length() - 1);
    }
    message.append('.');
    String text = message.toString();
    if (text.equals(unschedulable.put(key, text))) {
      return;
    }
    ObjectNode updated = store.update(ResourceKind.PODS, namespace, name, object -> {
      ObjectStore.metadata(object).remove("resourceVersion");
      Conditions.set(object.withObjectProperty("status"), "PodScheduled", "False", "Unschedulable", text, clock);
      return object;
    });
    events.record(updated, EventRecorder.Type.Warning, "FailedScheduling", text, "default-scheduler", null);
  }

  private void bind(ObjectNode pod, ObjectNode node) {
    String nodeName = node.path("metadata").path("name").asString("");
    ObjectNode boundPod = store.update(ResourceKind.PODS, pod.path("metadata").path("namespace").asString(""),
        pod.path("metadata").path("name").asString(""), object -> {
          ObjectStore.metadata(object).remove("resourceVersion");
          object.withObjectProperty("spec").put("nodeName", nodeName);
          Conditions.set(object.withObjectProperty("status"), "PodScheduled", "True", null, null, clock);
          return object;
        });
    track(boundPod);
    events.record(boundPod, EventRecorder.Type.Normal, "Scheduled", "Successfully assigned "
        + boundPod.path("metadata").path("namespace").asString("") + "/" + boundPod.path("metadata").path("name").asString("")
        + " to " + nodeName, "default-scheduler", null);
  }

  private static List<String> misfits(ObjectNode pod, JsonNode node, BigDecimal[] wanted, BigDecimal[] used) {
    List<String> misfits = new ArrayList<>();
    Map<String, String> labels = Admission.labels(node);
    if (!selectorMatches(pod.path("spec"), labels)) {
      misfits.add("node(s) didn't match Pod's node affinity/selector");
      return misfits;
    }
    JsonNode allocatable = node.path("status").path("allocatable");
    if (used[0].add(wanted[0]).compareTo(Quantity.parse(allocatable.path("cpu").asString("0"))) > 0) {
      misfits.add("Insufficient cpu");
    }
    if (used[1].add(wanted[1]).compareTo(Quantity.parse(allocatable.path("memory").asString("0"))) > 0) {
      misfits.add("Insufficient memory");
    }
    return misfits;
  }

  private static boolean selectorMatches(JsonNode podSpec, Map<String, String> nodeLabels) {
    for (Map.Entry<String, JsonNode> entry : podSpec.path("nodeSelector").properties()) {
      if (!entry.getValue().asString("").equals(nodeLabels.get(entry.getKey()))) {
        return false;
      }
    }
    JsonNode terms = podSpec.path("affinity").path("nodeAffinity").path("requiredDuringSchedulingIgnoredDuringExecution")
        .path("nodeSelectorTerms");
    if (!terms.isArray() || terms.isEmpty()) {
      return true;
    }
    for (JsonNode term : terms) {
      if (termMatches(term, nodeLabels)) {
        return true;
      }
    }
    return false;
  }

  private static boolean termMatches(JsonNode term, Map<String, String> nodeLabels) {
    for (JsonNode expression : term.path("matchExpressions")) {
      List<String> values = new ArrayList<>();
      expression.path("values").forEach(v -> values.add(v.asString("")));
      LabelSelector.Operator operator = switch (expression.path("operator").asString("")) {
        case "In" -> LabelSelector.Operator.IN;
        case "NotIn" -> LabelSelector.Operator.NOT_IN;
        case "Exists" -> LabelSelector.Operator.EXISTS;
        case "DoesNotExist" -> LabelSelector.Operator.DOES_NOT_EXIST;
        default -> null;
      };
      if (operator == null || !new LabelSelector.Requirement(expression.path("key").asString(""), operator, Set.copyOf(values))
          .matches(nodeLabels)) {
        return false;
      }
    }
    return true;
  }

  /** CPU and memory requested by the pods bound to each node that still hold their resources. */
  private Map<String, BigDecimal[]> usage() {
    Map<String, BigDecimal[]> used = new HashMap<>();
    for (Map.Entry<String, BigDecimal[]> pod : bound.values()) {
      used.merge(pod.getKey(), pod.getValue(), (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
    }
    return used;
  }

  /**
   * {cpu cores, memory bytes} a pod requests (limits stand in for missing requests, as defaulting
   * does): the sum of its containers', or its largest init container's when that is more, since init
   * containers run one at a time before the others.
   */
  static BigDecimal[] requests(JsonNode podSpec) {
    BigDecimal cpu = BigDecimal.ZERO;
    BigDecimal memory = BigDecimal.ZERO;
    for (JsonNode container : podSpec.path("containers")) {
      JsonNode resources = container.path("resources");
      cpu = cpu.add(quantity(resources, "cpu"));
      memory = memory.add(quantity(resources, "memory"));
    }
    for (JsonNode init : podSpec.path("initContainers")) {
      JsonNode resources = init.path("resources");
      cpu = cpu.max(quantity(resources, "cpu"));
      memory = memory.max(quantity(resources, "memory"));
    }
    return new BigDecimal[] {cpu, memory};
  }

  private static BigDecimal quantity(JsonNode resources, String name) {
    JsonNode value = resources.path("requests").path(name);
    if (value.isMissingNode()) {
      value = resources.path("limits").path(name);
    }
    return value.isMissingNode() ? BigDecimal.ZERO : Quantity.parse(value.asString("0"));
  }

  private static boolean needsNode(JsonNode pod) {
    return pod.path("spec").path("nodeName").asString("").isEmpty()
        && !pod.path("metadata").has("deletionTimestamp")
        && "default-scheduler".equals(pod.path("spec").path("schedulerName").asString("default-scheduler"));
  }

  private static String key(JsonNode pod) {
    return pod.path("metadata").path("namespace").asString("") + "/" + pod.path("metadata").path("name").asString("");
  }
}
