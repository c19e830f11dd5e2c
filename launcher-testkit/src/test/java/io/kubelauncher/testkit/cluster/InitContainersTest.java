package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kubelet runs a pod's init containers first, one at a time, and a failing one fails the pod. */
@ExtendWith(SimulatedClusterExtension.class)
class InitContainersTest {
  private final KubernetesClient client;

  InitContainersTest(KubernetesClient client) {
    this.client = client;
  }

  private static Job withInitContainers(String generateName, String mainScript, String... initScripts) {
    Job job = TestJobs.shell(generateName, mainScript).build();
    for (int i = 0; i < initScripts.length; i++) {
      job.getSpec().getTemplate().getSpec().getInitContainers().add(new ContainerBuilder().withName("init-" + i)
          .withImage("busybox:1.36").withCommand("/bin/sh", "-c", initScripts[i]).build());
    }
    return job;
  }

  @Test
  void initContainersRunInOrderToTheirEndBeforeTheContainers() {
    // each step checks that the one before has finished, and the pod's filesystem is shared
    Job job = client.batch().v1().jobs().resource(withInitContainers("init-ok-", "cat steps",
        "sleep 0.3; echo first > steps", "test -s steps && echo second >> steps")).create();
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Succeeded");

    assertThat(client.pods().withName(pod.getMetadata().getName()).inContainer("main").getLog()).isEqualTo("first\nsecond\n");
    assertThat(pod.getStatus().getInitContainerStatuses()).extracting(ContainerStatus::getName).containsExactly("init-0", "init-1");
    assertThat(pod.getStatus().getInitContainerStatuses()).allSatisfy(s -> {
      assertThat(s.getState().getTerminated().getExitCode()).isZero();
      assertThat(s.getReady()).isTrue();
    });
    assertThat(condition(pod, "Initialized").getStatus()).isEqualTo("True");
  }

  @Test
  void aFailingInitContainerFailsThePodAndTheRestNeverStart() {
    Job job = client.batch().v1().jobs().resource(withInitContainers("init-fail-", "echo main ran",
        "echo preparing; exit 3", "echo never")).create();
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Failed");

    List<ContainerStatus> init = pod.getStatus().getInitContainerStatuses();
    assertThat(init.get(0).getState().getTerminated().getExitCode()).isEqualTo(3);
    assertThat(init.get(1).getState().getWaiting().getReason()).isEqualTo("PodInitializing");
    assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason()).isEqualTo("PodInitializing");
    PodCondition initialized = condition(pod, "Initialized");
    assertThat(initialized.getStatus()).isEqualTo("False");
    assertThat(initialized.getMessage()).isEqualTo("containers with incomplete status: [init-0 init-1]");
    assertThat(client.pods().withName(pod.getMetadata().getName()).inContainer("init-0").getLog()).isEqualTo("preparing\n");
    TestJobs.awaitCondition(client, job.getMetadata().getName(), "Failed");
  }

  @Test
  void whileAnInitContainerRunsThePodIsPendingAndItsContainersWait() {
    Job job = client.batch().v1().jobs().resource(withInitContainers("init-wait-", "echo done", "sleep 60")).create();
    Pod pod = TestJobs.awaitPod(client, TestJobs.podOf(client, job), p -> p.getStatus().getInitContainerStatuses() != null
        && !p.getStatus().getInitContainerStatuses().isEmpty() && p.getStatus().getInitContainerStatuses().get(0).getState().getRunning() != null);

    assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason()).isEqualTo("PodInitializing");
    client.batch().v1().jobs().withName(job.getMetadata().getName()).withGracePeriod(0).delete();
    client.pods().withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.pods().withName(pod.getMetadata().getName()).get() == null);
  }

  @Test
  void anInitContainerMayNotTakeAContainersName() {
    Job job = withInitContainers("init-dup-", "true", "true");
    job.getSpec().getTemplate().getSpec().getInitContainers().get(0).setName("main");
    assertThatThrownBy(() -> client.batch().v1().jobs().resource(job).create())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getMessage()).contains("spec.template.spec.initContainers[0].name: Duplicate value: \"main\"");
        });
  }

  private static PodCondition condition(Pod pod, String type) {
    return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
  }
}
