package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

/** {@link SimulatedCluster#preload} (seeding history for the benchmarks) and log records written in pieces. */
@ExtendWith(SimulatedClusterExtension.class)
class PreloadAndLogPiecesTest {
  private final SimulatedCluster cluster;
  private final KubernetesClient client;

  PreloadAndLogPiecesTest(SimulatedCluster cluster, KubernetesClient client) {
    this.cluster = cluster;
    this.client = client;
  }

  @Test
  void aLineWrittenInPiecesGetsOneTimestamp() {
    // the pause ends the first record as partial (P); the kubelet prefixes only the record that starts a line
    Job job = TestJobs.create(client, TestJobs.shell("pieces-", "printf 'first half, '; sleep 0.3; echo 'second half'"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Succeeded");
    assertThat(client.pods().withName(pod.getMetadata().getName()).usingTimestamps().getLog())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z first half, second half\n");
  }

  @Test
  void preloadedObjectsKeepTheirStatusUidAndCreationTime() {
    ObjectNode pod = Json.object().put("kind", "Pod").put("apiVersion", "v1");
    pod.putObject("metadata").put("name", "old-job-abcde").put("uid", "11111111-2222-3333-4444-555555555555")
        .put("creationTimestamp", "2026-01-02T03:04:05Z").putObject("labels").put("job-name", "old-job");
    pod.putObject("spec").put("nodeName", "node-1").putArray("containers").addObject().put("name", "main").put("image", "busybox");
    pod.putObject("status").put("phase", "Succeeded");

    ObjectNode stored = cluster.preload(pod);

    assertThat(stored.path("metadata").path("resourceVersion").asString()).isNotEmpty();
    Pod read = client.pods().withName("old-job-abcde").get();
    assertThat(read.getMetadata().getUid()).isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(read.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(read.getStatus().getPhase()).isEqualTo("Succeeded");
  }

  @Test
  void preloadRefusesKindsItDoesNotStore() {
    ObjectNode metrics = Json.object().put("kind", "PodMetrics");
    metrics.putObject("metadata").put("name", "x");
    assertThatThrownBy(() -> cluster.preload(metrics)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PodMetrics");
  }
}
