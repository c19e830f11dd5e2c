package io.kubelauncher.testkit.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The discovery documents: /version, /api, /apis, and the resource list of each group version. */
final class Discovery {

  /** Every group version served, with its resources (and their subresources). */
  private static final Map<String, List<Resource>> GROUP_VERSIONS = Map.of(
      "v1", List.of(
          new Resource(ResourceKind.NAMESPACES, null), new Resource(ResourceKind.NODES, null),
          new Resource(ResourceKind.NODES, "status"), new Resource(ResourceKind.PODS, null),
          new Resource(ResourceKind.PODS, "status"), new Resource(ResourceKind.PODS, "log"),
          new Resource(ResourceKind.PODS, "exec"), new Resource(ResourceKind.PODS, "attach"),
          new Resource(ResourceKind.SERVICES, null), new Resource(ResourceKind.SERVICES, "status"),
          new Resource(ResourceKind.EVENTS, null), new Resource(ResourceKind.SECRETS, null),
          new Resource(ResourceKind.SERVICE_ACCOUNTS, null)),
      "batch/v1", List.of(new Resource(ResourceKind.JOBS, null), new Resource(ResourceKind.JOBS, "status")),
      "metrics.k8s.io/v1beta1", List.of(new Resource(ResourceKind.POD_METRICS, null)),
      "authorization.k8s.io/v1", List.of(new Resource(new ResourceKind("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "",
          "SelfSubjectAccessReview", false, List.of("create"), List.of()), null)));

  private record Resource(ResourceKind kind, String subresource) {}

  private final String serverAddress;

  Discovery(String serverAddress) {
    this.serverAddress = serverAddress;
  }

  static ObjectNode version() {
    return Json.object().put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-simulated")
        .put("gitCommit", "simulated").put("gitTreeState", "clean").put("buildDate", "2026-01-01T00:00:00Z")
        .put("goVersion", "go1.23.5").put("compiler", "gc").put("platform", "linux/amd64");
  }

  ObjectNode coreVersions() {
    ObjectNode versions = Json.object().put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    versions.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
    return versions;
  }

  ObjectNode groups() {
    ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (String group : List.of("batch", "metrics.k8s.io", "authorization.k8s.io")) {
      groups.add(group(group).orElseThrow());
    }
    return list;
  }

  Optional<ObjectNode> group(String name) {
    return GROUP_VERSIONS.keySet().stream().filter(gv -> gv.startsWith(name + "/")).findFirst().map(gv -> {
      String version = gv.substring(name.length() + 1);
      ObjectNode group = Json.object().put("kind", "APIGroup").put("apiVersion", "v1").put("name", name);
      ObjectNode entry = Json.object().put("groupVersion", gv).put("version", version);
      group.putArray("versions").add(entry);
      group.set("preferredVersion", entry.deepCopy());
      return group;
    });
  }

  Optional<ObjectNode> resources(String groupVersion) {
    List<Resource> resources = GROUP_VERSIONS.get(groupVersion);
    if (resources == null) {
      return Optional.empty();
    }
    ObjectNode list = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
    ArrayNode array = list.putArray("resources");
    for (Resource resource : resources) {
      ResourceKind kind = resource.kind();
      ObjectNode entry = array.addObject();
      entry.put("name", resource.subresource() == null ? kind.plural() : kind.plural() + "/" + resource.subresource());
      entry.put("singularName", resource.subresource() == null ? kind.singular() : "");
      entry.put("namespaced", kind.namespaced());
      entry.put("kind", resource.subresource() == null ? kind.kind() : subresourceKind(kind, resource.subresource()));
      ArrayNode verbs = entry.putArray("verbs");
      subresourceVerbs(kind, resource.subresource()).forEach(verbs::add);
      if (resource.subresource() == null && !kind.shortNames().isEmpty()) {
        ArrayNode shortNames = entry.putArray("shortNames");
        kind.shortNames().forEach(shortNames::add);
      }
      if (resource.subresource() == null && kind.group().equals("batch")) {
        entry.putArray("categories").add("all");
      }
      if (resource.subresource() == null && (kind == ResourceKind.PODS || kind == ResourceKind.SERVICES)) {
        entry.putArray("categories").add("all");
      }
    }
    return Optional.of(list);
  }

  private static String subresourceKind(ResourceKind kind, String subresource) {
    return switch (subresource) {
      case "exec" -> "PodExecOptions";
      case "attach" -> "PodAttachOptions";
      case "log" -> "Pod";
      default -> kind.kind();
    };
  }

  private static List<String> subresourceVerbs(ResourceKind kind, String subresource) {
    if (subresource == null) {
      return kind.verbs();
    }
    return switch (subresource) {
      case "exec", "attach" -> List.of("create", "get");
      case "log" -> List.of("get");
      default -> List.of("get", "patch", "update");
    };
  }
}
