package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class InProcessSmokeTest {
  @Test
  void jobRunsToFailure() {
    try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
      KubernetesClient client = cluster.client();
      Job job = client.batch().v1().jobs().resource(new JobBuilder().withNewMetadata().withGenerateName("smoke-").endMetadata()
          .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
          .addNewContainer().withName("main").withImage("busybox").withCommand("/bin/sh", "-c", "echo hi; exit 3").endContainer()
          .endSpec().endTemplate().endSpec().build()).create();
      System.out.println(job.getMetadata().getName());
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
        Job current = client.batch().v1().jobs().withName(job.getMetadata().getName()).get();
        return current.getStatus() != null && current.getStatus().getFailed() != null;
      });
      var pod = client.pods().withLabel("job-name", job.getMetadata().getName()).list().getItems().get(0);
      System.out.println(pod.getStatus());
      assertThat(client.pods().withName(pod.getMetadata().getName()).getLog()).isEqualTo("hi\n");
    }
  }
}
