package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing a cluster that clients still hold connections to. */
class ClusterCloseTest {

  @Test
  void closeCutsOpenConnectionsAndDoesNotWaitOutGracePeriods() throws Exception {
    SimulatedCluster cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start();
    // a client of its own, never closed: its connections stay open until the cluster cuts them
    KubernetesClient client = new KubernetesClientBuilder().withConfig(cluster.clientConfig()).build();
    Watcher<Pod> watcher = new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod resource) {
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    };
    client.pods().inNamespace("rstudio").watch(watcher);
    client.pods().inNamespace("rstudio").withLabel("job-name").watch(watcher);
    // ignores SIGTERM, so deleting its pod leaves a SIGKILL due after the grace period
    Job job = TestJobs.create(client, TestJobs.shell("close-", "trap '' TERM; echo started; while true; do sleep 1; done"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    LogWatch follow = client.pods().inNamespace("rstudio").withName(pod.getMetadata().getName()).watchLog();
    client.pods().inNamespace("rstudio").withName(pod.getMetadata().getName()).withGracePeriod(60).delete();

    long start = System.nanoTime();
    cluster.close();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    // the grace period is 60 s: the controller used to wait (5 s at most) for the delayed SIGKILL
    assertThat(millis).as("close took %d ms", millis).isLessThan(3_000);
    follow.close();
    client.close();
  }
}
