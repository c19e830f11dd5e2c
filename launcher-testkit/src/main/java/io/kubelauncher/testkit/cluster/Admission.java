package io.kubelauncher.testkit.cluster;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the API server does to an object before storing it: defaulting (as the real defaulters
 * do for the fields clients read back) and the validations the plugin can trip.
 */
final class Admission {

  static final String CONTROLLER_UID = "controller-uid";
  static final String JOB_NAME = "job-name";
  static final String BATCH_CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String BATCH_JOB_NAME = "batch.kubernetes.io/job-name";

  private final ObjectStore store;
  private final Random random;

  Admission(ObjectStore store, Random random) {
    this.store = store;
    this.random = random;
  }

  ObjectNode admit(ResourceKind kind, ObjectNode object) {
    if (kind == ResourceKind.JOBS) {
      admitJob(object);
    } else if (kind == ResourceKind.PODS) {
      defaultPodSpec(kind, object.path("metadata").path("name").asString(""), object.withObjectProperty("spec"), "spec");
      ObjectNode status = object.withObjectProperty("status");
      if (!status.has("phase")) {
        status.put("phase", "Pending");
        status.put("qosClass", qosClass(object.path("spec")));
      }
    } else if (kind == ResourceKind.SERVICES) {
      admitService(object);
    }
    return object;
  }

  private void admitJob(ObjectNode job) {
    ObjectNode metadata = ObjectStore.metadata(job);
    String name = metadata.path("name").asString("");
    String uid = metadata.path("uid").asString("");
    if (name.length() > 63) {
      throw ApiException.invalid(ResourceKind.JOBS, name, "metadata.name: Invalid value: \"" + name + "\": must be no more than 63 characters");
    }
    ObjectNode spec = job.withObjectProperty("spec");
    ObjectNode template = spec.withObjectProperty("template");
    ObjectNode podSpec = template.withObjectProperty("spec");
    String restartPolicy = podSpec.path("restartPolicy").asString("");
    if (!restartPolicy.equals("Never") && !restartPolicy.equals("OnFailure")) {
      throw ApiException.invalid(ResourceKind.JOBS, name,
          "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
    }
    defaultPodSpec(ResourceKind.JOBS, name, podSpec, "spec.template.spec");
    ObjectNode templateLabels = template.withObjectProperty("metadata").withObjectProperty("labels");
    if (!spec.path("manualSelector").asBoolean(false)) {
      templateLabels.put(CONTROLLER_UID, uid);
      templateLabels.put(BATCH_CONTROLLER_UID, uid);
      templateLabels.put(JOB_NAME, name);
      templateLabels.put(BATCH_JOB_NAME, name);
      spec.putObject("selector").putObject("matchLabels").put(BATCH_CONTROLLER_UID, uid);
    }
    if (!metadata.has("labels") || metadata.path("labels").isEmpty()) {
      metadata.set("labels", templateLabels.deepCopy());
    }
    putIfAbsent(spec, "backoffLimit", 6);
    putIfAbsent(spec, "completions", 1);
    putIfAbsent(spec, "parallelism", 1);
    if (!spec.has("completionMode")) {
      spec.put("completionMode", "NonIndexed");
    }
    if (!spec.has("suspend")) {
      spec.put("suspend", false);
    }
    if (!spec.has("podReplacementPolicy")) {
      spec.put("podReplacementPolicy", "TerminatingOrFailed");
    }
    job.set("status", Json.object());
  }

  private void defaultPodSpec(ResourceKind kind, String name, ObjectNode podSpec, String path) {
    JsonNode containers = podSpec.path("containers");
    if (!containers.isArray() || containers.isEmpty()) {
      throw ApiException.invalid(kind, name, path + ".containers: Required value");
    }
    Set<String> seen = new HashSet<>();
    defaultContainers(kind, name, containers, path + ".containers", seen);
    // init containers share the name space of the pod's containers
    defaultContainers(kind, name, podSpec.path("initContainers"), path + ".initContainers", seen);
    if (!podSpec.has("restartPolicy")) {
      podSpec.put("restartPolicy", "Always");
    }
    putIfAbsent(podSpec, "terminationGracePeriodSeconds", 30);
    if (!podSpec.has("dnsPolicy")) {
      podSpec.put("dnsPolicy", "ClusterFirst");
    }
    if (!podSpec.has("schedulerName")) {
      podSpec.put("schedulerName", "default-scheduler");
    }
    if (!podSpec.has("serviceAccountName")) {
      podSpec.put("serviceAccountName", podSpec.path("serviceAccount").asString("default"));
    }
    podSpec.withObjectProperty("securityContext");
  }

  private static void defaultContainers(ResourceKind kind, String name, JsonNode containers, String path, Set<String> seen) {
    int index = 0;
    for (JsonNode node : containers) {
      ObjectNode container = (ObjectNode) node;
      String containerName = container.path("name").asString("");
      String at = path + "[" + index + "]";
      if (containerName.isEmpty()) {
        throw ApiException.invalid(kind, name, at + ".name: Required value");
      }
      if (!seen.add(containerName)) {
        throw ApiException.invalid(kind, name, at + ".name: Duplicate value: \"" + containerName + "\"");
      }
      String image = container.path("image").asString("");
      if (image.isEmpty()) {
        throw ApiException.invalid(kind, name, at + ".image: Required value");
      }
      if (!container.has("imagePullPolicy")) {
        boolean latest = !image.contains(":") || image.endsWith(":latest");
        container.put("imagePullPolicy", latest ? "Always" : "IfNotPresent");
      }
      if (!container.has("terminationMessagePath")) {
        container.put("terminationMessagePath", "/dev/termination-log");
        container.put("terminationMessagePolicy", "File");
      }
      container.withObjectProperty("resources");
      index++;
    }
  }

  private void admitService(ObjectNode service) {
    String name = service.path("metadata").path("name").asString("");
    ObjectNode spec = service.withObjectProperty("spec");
    String type = spec.path("type").asString("ClusterIP");
    spec.put("type", type);
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
    if (!spec.has("clusterIP") || spec.path("clusterIP").asString("").isEmpty()) {
      String ip = "10.96." + (1 + random.nextInt(254)) + "." + (1 + random.nextInt(254));
      spec.put("clusterIP", ip);
      spec.putArray("clusterIPs").add(ip);
    }
    spec.putArray("ipFamilies").add("IPv4");
    spec.put("ipFamilyPolicy", "SingleStack");
    spec.put("internalTrafficPolicy", spec.path("internalTrafficPolicy").asString("Cluster"));
    Set<Integer> usedNodePorts = usedNodePorts();
    JsonNode ports = spec.path("ports");
    if (ports instanceof ArrayNode array) {
      int index = 0;
      for (JsonNode node : array) {
        ObjectNode port = (ObjectNode) node;
        if (!port.path("port").isInt()) {
          throw ApiException.invalid(ResourceKind.SERVICES, name, "spec.ports[" + index + "].port: Required value");
        }
        if (!port.has("protocol")) {
          port.put("protocol", "TCP");
        }
        if (!port.has("targetPort")) {
          port.put("targetPort", port.path("port").asInt());
        }
        boolean wantsNodePort = type.equals("NodePort") || type.equals("LoadBalancer");
        if (wantsNodePort) {
          int nodePort = port.path("nodePort").asInt(0);
          if (nodePort == 0) {
            do {
              nodePort = 30000 + random.nextInt(2768);
            } while (usedNodePorts.contains(nodePort));
          } else if (nodePort < 30000 || nodePort > 32767) {
            throw ApiException.invalid(ResourceKind.SERVICES, name, "spec.ports[" + index + "].nodePort: Invalid value: "
                + nodePort + ": provided port is not in the valid range. The range of valid ports is 30000-32767");
          } else if (usedNodePorts.contains(nodePort)) {
            throw ApiException.invalid(ResourceKind.SERVICES, name, "spec.ports[" + index + "].nodePort: Invalid value: "
                + nodePort + ": provided port is already allocated");
          }
          usedNodePorts.add(nodePort);
          port.put("nodePort", nodePort);
        }
        index++;
      }
    }
    service.set("status", Json.object().set("loadBalancer", Json.object()));
  }

  private Set<Integer> usedNodePorts() {
    Set<Integer> used = new HashSet<>();
    for (ObjectNode service : store.select(ResourceKind.SERVICES, null, s -> true)) {
      for (JsonNode port : service.path("spec").path("ports")) {
        if (port.path("nodePort").asInt(0) > 0) {
          used.add(port.path("nodePort").asInt());
        }
      }
    }
    return used;
  }

  /** Guaranteed when every container's limits equal its requests, BestEffort when none has any. */
  static String qosClass(JsonNode podSpec) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonNode container : podSpec.path("containers")) {
      JsonNode requests = container.path("resources").path("requests");
      JsonNode limits = container.path("resources").path("limits");
      if (!requests.isEmpty() || !limits.isEmpty()) {
        any = true;
      }
      for (String resource : new String[] {"cpu", "memory"}) {
        JsonNode limit = limits.path(resource);
        JsonNode request = requests.path(resource);
        if (limit.isMissingNode() || (!request.isMissingNode() && Quantity.parse(request.asString("0")).compareTo(Quantity.parse(limit.asString("0"))) != 0)) {
          guaranteed = false;
        }
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  private static void putIfAbsent(ObjectNode node, String field, int value) {
    if (!node.has(field) || node.get(field).isNull()) {
      node.put(field, value);
    }
  }

  static Map<String, String> labels(JsonNode object) {
    Map<String, String> labels = new java.util.HashMap<>();
    for (Map.Entry<String, JsonNode> entry : object.path("metadata").path("labels").properties()) {
      labels.put(entry.getKey(), entry.getValue().asString(""));
    }
    return labels;
  }
}
