package io.kubelauncher.testkit.cluster;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The metrics.k8s.io API: PodMetrics of running containers from the kubelet's /proc samples
 * (CPU in nanocores over the last sampling second, memory as resident set), as metrics-server serves them.
 */
final class PodMetricsApi {
  private final ObjectStore store;
  private final Kubelet kubelet;
  private final Authorization authorization;
  private final Clock clock;

  PodMetricsApi(ObjectStore store, Kubelet kubelet, Authorization authorization, Clock clock) {
    this.store = store;
    this.kubelet = kubelet;
    this.authorization = authorization;
    this.clock = clock;
  }

  /** Answers {@code GET /apis/metrics.k8s.io/v1beta1/<rest>}. */
  ObjectNode serve(HttpServerRequest request, List<String> rest) {
    if (request.method() != HttpMethod.GET || rest.size() < 3 || !rest.get(0).equals("namespaces") || !rest.get(2).equals("pods")) {
      throw ApiServer.notFound();
    }
    String namespace = rest.get(1);
    authorization.check("get", ResourceKind.POD_METRICS, "pods", namespace, null);
    if (rest.size() == 4) {
      String name = rest.get(3);
      ObjectNode metrics = podMetrics(namespace, name);
      if (metrics == null) {
        throw new ApiException(404, "NotFound", "podmetrics.metrics.k8s.io \"" + namespace + "/" + name + "\" not found");
      }
      return metrics;
    }
    ObjectNode list = Json.object().put("kind", "PodMetricsList").put("apiVersion", "metrics.k8s.io/v1beta1");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    LabelSelector selector = LabelSelector.parse(request.params().get("labelSelector"));
    for (ObjectNode pod : store.select(ResourceKind.PODS, namespace, p -> selector.test(Admission.labels(p)))) {
      ObjectNode metrics = podMetrics(namespace, pod.path("metadata").path("name").asString(""));
      if (metrics != null) {
        items.add(metrics);
      }
    }
    return list;
  }

  private ObjectNode podMetrics(String namespace, String name) {
    PodSandbox sandbox = kubelet.sandbox(namespace, name).orElse(null);
    if (sandbox == null) {
      return null;
    }
    ObjectNode metrics = Json.object().put("kind", "PodMetrics").put("apiVersion", "metrics.k8s.io/v1beta1");
    metrics.putObject("metadata").put("name", name).put("namespace", namespace)
        .put("creationTimestamp", ObjectStore.timestamp(clock.instant()));
    metrics.put("timestamp", ObjectStore.timestamp(clock.instant()));
    metrics.put("window", "1s");
    ArrayNode containers = metrics.putArray("containers");
    for (PodSandbox.Container container : sandbox.containers.values()) {
      if (container.process == null || !container.process.running() || !container.process.metrics().sampled()) {
        continue;
      }
      containers.addObject().put("name", container.name).putObject("usage")
          .put("cpu", container.process.metrics().nanocores() + "n")
          .put("memory", container.process.metrics().memoryBytes() / 1024 + "Ki");
    }
    return containers.isEmpty() ? null : metrics;
  }
}
