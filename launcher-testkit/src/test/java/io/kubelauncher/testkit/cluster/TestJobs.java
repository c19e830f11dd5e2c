package io.kubelauncher.testkit.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Jobs the tests run, and waits on their pods. */
final class TestJobs {
  private TestJobs() {
  }

  static JobBuilder shell(String generateName, String script) {
    return new JobBuilder().withNewMetadata().withGenerateName(generateName).addToLabels("test", "simulated").endMetadata()
        .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewMetadata().addToLabels("app", "test").endMetadata()
        .withNewSpec().withRestartPolicy("Never")
        .addNewContainer().withName("main").withImage("busybox:1.36").withCommand("/bin/sh", "-c", script).endContainer()
        .endSpec().endTemplate().endSpec();
  }

  static Job create(KubernetesClient client, JobBuilder job) {
    return client.batch().v1().jobs().resource(job.build()).create();
  }

  static Job withCpuRequest(Job job, String cpu) {
    job.getSpec().getTemplate().getSpec().getContainers().get(0)
        .setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder().withRequests(Map.of("cpu", new Quantity(cpu))).build());
    return job;
  }

  static Pod podOf(KubernetesClient client, Job job) {
    String name = job.getMetadata().getName();
    List<Pod> pods = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
        () -> client.pods().withLabel("job-name", name).list().getItems(), list -> !list.isEmpty());
    return pods.get(0);
  }

  static Pod awaitPhase(KubernetesClient client, Pod pod, String phase) {
    return awaitPod(client, pod, p -> phase.equals(p.getStatus().getPhase()));
  }

  /** The pod once it exists and {@code state} holds for it. */
  static Pod awaitPod(KubernetesClient client, Pod pod, Predicate<Pod> state) {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).until(
        () -> client.pods().withName(pod.getMetadata().getName()).get(), p -> p != null && p.getStatus() != null && state.test(p));
  }

  /** The job once it has a condition of this type ({@code Failed}, {@code Complete}). */
  static Job awaitCondition(KubernetesClient client, String jobName, String type) {
    return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.batch().v1().jobs().withName(jobName).get(),
        j -> j != null && j.getStatus() != null && j.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals(type)));
  }
}
