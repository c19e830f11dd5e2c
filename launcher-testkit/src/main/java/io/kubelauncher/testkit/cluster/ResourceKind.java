package io.kubelauncher.testkit.cluster;

import java.util.List;
import java.util.Optional;

/**
 * One REST resource the simulated API server serves: where it lives in the URL space and what
 * discovery says about it.
 */
record ResourceKind(String group, String version, String plural, String singular, String kind,
                    boolean namespaced, List<String> verbs, List<String> shortNames) {

  static final List<String> CRUD = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  static final List<String> READ = List.of("get", "list", "watch");

  static final ResourceKind NAMESPACES = core("namespaces", "namespace", "Namespace", false, READ, List.of("ns"));
  static final ResourceKind NODES = core("nodes", "node", "Node", false, CRUD, List.of("no"));
  static final ResourceKind PODS = core("pods", "pod", "Pod", true, CRUD, List.of("po"));
  static final ResourceKind SERVICES = core("services", "service", "Service", true, CRUD, List.of("svc"));
  static final ResourceKind EVENTS = core("events", "event", "Event", true, CRUD, List.of("ev"));
  static final ResourceKind SECRETS = core("secrets", "secret", "Secret", true, CRUD, List.of());
  static final ResourceKind SERVICE_ACCOUNTS = core("serviceaccounts", "serviceaccount", "ServiceAccount", true, CRUD, List.of("sa"));
  static final ResourceKind JOBS = new ResourceKind("batch", "v1", "jobs", "job", "Job", true, CRUD, List.of());
  static final ResourceKind POD_METRICS = new ResourceKind("metrics.k8s.io", "v1beta1", "pods", "", "PodMetrics", true, READ, List.of());

  /** The kinds stored in the object store (PodMetrics are computed on demand). */
  static final List<ResourceKind> STORED = List.of(NAMESPACES, NODES, PODS, SERVICES, EVENTS, SECRETS, SERVICE_ACCOUNTS, JOBS);

  private static ResourceKind core(String plural, String singular, String kind, boolean namespaced,
                                   List<String> verbs, List<String> shortNames) {
    return new ResourceKind("", "v1", plural, singular, kind, namespaced, verbs, shortNames);
  }

  String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  String listKind() {
    return kind + "List";
  }

  /** The URL prefix of the group version: {@code /api/v1} or {@code /apis/batch/v1}. */
  String groupVersionPath() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  static Optional<ResourceKind> stored(String group, String version, String plural) {
    return STORED.stream()
        .filter(k -> k.group.equals(group) && k.version.equals(version) && k.plural.equals(plural))
        .findFirst();
  }
}
