package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** The part of the metrics API ({@code metrics.k8s.io}, served by metrics-server) that resource streams read. */
interface PodMetricsReader {

    /** @throws KubernetesClientException as the API answered (404 before the pod's first scrape, 403 without RBAC) */
    PodMetrics pod(String namespace, String name);

    /** Whether the cluster serves the metrics API group at all (false without metrics-server). */
    boolean served();

    static PodMetricsReader of(KubernetesClient client) {
        return new PodMetricsReader() {
            @Override
            public PodMetrics pod(String namespace, String name) {
                return client.top().pods().metrics(namespace, name);
            }

            @Override
            public boolean served() {
                return client.hasApiGroup("metrics.k8s.io", false);
            }
        };
    }
}
