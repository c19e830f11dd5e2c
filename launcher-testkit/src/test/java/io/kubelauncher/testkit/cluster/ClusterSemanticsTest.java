package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API server and controller semantics, against an in-process cluster. */
@ExtendWith(SimulatedClusterExtension.class)
class ClusterSemanticsTest {
  private final SimulatedCluster cluster;
  private final KubernetesClient client;

  ClusterSemanticsTest(SimulatedCluster cluster, KubernetesClient client) {
    this.cluster = cluster;
    this.client = client;
  }

  @Test
  void createFillsSystemFieldsAndResourceVersionsGrow() {
    Service first = client.services().resource(service("sys-", Map.of())).create();
    Service second = client.services().resource(service("sys-", Map.of())).create();
    assertThat(first.getMetadata().getUid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(Instant.parse(first.getMetadata().getCreationTimestamp())).isBeforeOrEqualTo(Instant.now());
    assertThat(Long.parseLong(second.getMetadata().getResourceVersion())).isGreaterThan(Long.parseLong(first.getMetadata().getResourceVersion()));
    assertThat(first.getSpec().getClusterIP()).startsWith("10.96.");
  }

  @Test
  void nodePortServicesGetAPortInRange() {
    Service service = new ServiceBuilder(service("np-", Map.of())).editSpec().withType("NodePort").endSpec().build();
    int nodePort = client.services().resource(service).create().getSpec().getPorts().get(0).getNodePort();
    assertThat(nodePort).isBetween(30000, 32767);
  }

  @Test
  void replaceWithAStaleResourceVersionConflicts() {
    Service created = client.services().resource(service("put-", Map.of("v", "1"))).create();
    Service fresh = client.services().withName(created.getMetadata().getName()).edit(s -> {
      s.getMetadata().getLabels().put("v", "2");
      return s;
    });
    assertThat(fresh.getMetadata().getLabels()).containsEntry("v", "2");
    created.getMetadata().getLabels().put("v", "3");
    assertThatThrownBy(() -> client.services().resource(created).update())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void mergePatchNullRemovesALabel() {
    Service created = client.services().resource(service("patch-", Map.of("keep", "1", "drop", "2"))).create();
    Service patched = client.services().withName(created.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"drop\":null,\"added\":\"3\"}}}");
    assertThat(patched.getMetadata().getLabels()).containsOnly(Map.entry("keep", "1"), Map.entry("added", "3"));
    assertThat(client.services().withName(created.getMetadata().getName()).get().getMetadata().getLabels()).doesNotContainKey("drop");
  }

  @Test
  void setBasedAndFieldSelectorsFilterLists() {
    client.services().resource(service("sel-", Map.of("selectors", "yes", "tier", "a"))).create();
    client.services().resource(service("sel-", Map.of("selectors", "yes", "tier", "b"))).create();
    String third = client.services().resource(service("sel-", Map.of("selectors", "yes"))).create().getMetadata().getName();
    assertThat(client.services().withLabel("selectors", "yes").withLabelIn("tier", "a", "b").list().getItems()).hasSize(2);
    assertThat(client.services().withLabel("selectors", "yes").withLabelNotIn("tier", "a").list().getItems()).hasSize(2);
    assertThat(client.services().withLabel("selectors", "yes").withoutLabel("tier").list().getItems()).singleElement()
        .satisfies(s -> assertThat(s.getMetadata().getName()).isEqualTo(third));
    assertThat(client.services().withLabel("selectors", "yes").withLabel("tier").list().getItems()).hasSize(2);
    assertThat(client.services().withField("metadata.name", third).list().getItems()).hasSize(1);
  }

  @Test
  void watchesTurnSelectorTransitionsIntoAddedAndDeleted() throws Exception {
    Service created = client.services().resource(service("moving-", Map.of("stage", "before"))).create();
    String name = created.getMetadata().getName();
    List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (var watch = client.services().withLabel("stage", "watched").watch(
        new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(created.getMetadata().getResourceVersion()).build(),
        new io.fabric8.kubernetes.client.Watcher<Service>() {
          @Override
          public void eventReceived(Action action, Service resource) {
            if (resource.getMetadata().getName().equals(name)) {
              events.add(action + " " + resource.getMetadata().getLabels().get("stage"));
            }
          }

          @Override
          public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
          }
        })) {
      for (String stage : List.of("watched", "watched-too", "watched")) {
        client.services().withName(name).edit(s -> {
          s.getMetadata().getLabels().put("stage", stage.equals("watched-too") ? "elsewhere" : stage);
          return s;
        });
      }
      client.services().withName(name).edit(s -> {
        s.getMetadata().getLabels().put("extra", "1");
        return s;
      });
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.size() == 4);
    }
    assertThat(events).containsExactly("ADDED watched", "DELETED elsewhere", "ADDED watched", "MODIFIED watched");
  }

  @Test
  void succeedingJobCompletes() {
    Job job = TestJobs.shell("ok-", "pwd; echo \"$GREETING\"").build();
    var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
    container.setWorkingDir("/home/rstudio");
    container.setEnv(List.of(new io.fabric8.kubernetes.api.model.EnvVar("NAME", "world", null),
        new io.fabric8.kubernetes.api.model.EnvVar("GREETING", "hello $(NAME)", null)));
    job.getSpec().getTemplate().getMetadata().setAnnotations(Map.of("note", "copied"));
    String name = client.batch().v1().jobs().resource(job).create().getMetadata().getName();
    Job done = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> client.batch().v1().jobs().withName(name).get(),
        j -> j.getStatus() != null && j.getStatus().getCompletionTime() != null);
    assertThat(done.getStatus().getSucceeded()).isEqualTo(1);
    assertThat(done.getStatus().getActive()).isNull();
    assertThat(done.getStatus().getStartTime()).isNotNull();
    assertThat(done.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Complete") && c.getStatus().equals("True"));
    Pod pod = TestJobs.podOf(client, done);
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("note", "copied");
    String log = client.pods().withName(pod.getMetadata().getName()).getLog();
    assertThat(log).endsWith("/rootfs/home/rstudio\nhello world\n").startsWith(cluster.stateDir().toString());
  }

  @Test
  void activeDeadlineFailsTheJobAndStopsItsPod() {
    Job job = TestJobs.shell("deadline-", "sleep 60").editSpec().withActiveDeadlineSeconds(1L).endSpec().build();
    job = client.batch().v1().jobs().resource(job).create();
    String name = job.getMetadata().getName();
    Job failed = TestJobs.awaitCondition(client, name, "Failed");
    assertThat(failed.getStatus().getConditions()).anyMatch(c -> "DeadlineExceeded".equals(c.getReason()));
    Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> client.pods().withLabel("job-name", name).list().getItems().isEmpty());
  }

  @Test
  void finishedJobsWithATtlAreDeleted() {
    Job job = TestJobs.shell("ttl-", "true").editSpec().withTtlSecondsAfterFinished(1).endSpec().build();
    String name = client.batch().v1().jobs().resource(job).create().getMetadata().getName();
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> client.batch().v1().jobs().withName(name).get() == null);
    assertThat(client.pods().withLabel("job-name", name).list().getItems()).isEmpty();
  }

  @Test
  void fabric8HttpWatchesWorkToo() throws Exception {
    var config = new io.fabric8.kubernetes.client.ConfigBuilder(cluster.clientConfig()).withOnlyHttpWatches(true).build();
    try (KubernetesClient httpOnly = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build()) {
      java.util.concurrent.CompletableFuture<String> added = new java.util.concurrent.CompletableFuture<>();
      try (var watch = httpOnly.services().withLabel("transport", "http").watch(new io.fabric8.kubernetes.client.Watcher<Service>() {
        @Override
        public void eventReceived(Action action, Service resource) {
          added.complete(action + " " + resource.getMetadata().getName());
        }

        @Override
        public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
        }
      })) {
        String name = client.services().resource(service("http-watch-", Map.of("transport", "http"))).create().getMetadata().getName();
        assertThat(added.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("ADDED " + name);
      }
    }
  }

  @Test
  void backgroundDeletionTakesThePodsWithTheJob() {
    Job job = TestJobs.create(client, TestJobs.shell("bg-", "sleep 60"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    long pid = pid(pod);
    client.batch().v1().jobs().withName(job.getMetadata().getName()).withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .withGracePeriod(1).delete();
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> client.pods().withName(pod.getMetadata().getName()).get() == null);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the container process is gone").isFalse();
  }

  @Test
  void orphanDeletionKeepsThePodWithoutItsOwner() {
    Job job = TestJobs.create(client, TestJobs.shell("orphan-", "sleep 60"));
    Pod pod = TestJobs.podOf(client, job);
    client.batch().v1().jobs().withName(job.getMetadata().getName()).withPropagationPolicy(DeletionPropagation.ORPHAN).delete();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.batch().v1().jobs().withName(job.getMetadata().getName()).get() == null);
    Pod orphan = client.pods().withName(pod.getMetadata().getName()).get();
    assertThat(orphan).isNotNull();
    assertThat(orphan.getMetadata().getOwnerReferences()).isEmpty();
    client.pods().withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
  }

  @Test
  void foregroundDeletionKeepsTheJobUntilItsPodsAreGone() {
    Job job = TestJobs.create(client, TestJobs.shell("fg-", "trap 'sleep 1; exit 0' TERM; sleep 60 & wait"));
    TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    client.batch().v1().jobs().withName(job.getMetadata().getName()).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
    Job deleting = client.batch().v1().jobs().withName(job.getMetadata().getName()).get();
    assertThat(deleting).isNotNull();
    assertThat(deleting.getMetadata().getFinalizers()).contains("foregroundDeletion");
    assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
    Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> client.batch().v1().jobs().withName(job.getMetadata().getName()).get() == null);
    assertThat(client.pods().withLabel("job-name", job.getMetadata().getName()).list().getItems()).isEmpty();
  }

  @Test
  void gracefulPodDeletionSendsSigtermFirst() {
    Job job = TestJobs.create(client, TestJobs.shell("graceful-", "trap 'echo got TERM; exit 0' TERM; while :; do sleep 0.1; done"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    java.nio.file.Path log = cluster.stateDir().resolve("pods").resolve("default_" + pod.getMetadata().getName() + "_" + pod.getMetadata().getUid())
        .resolve("main").resolve("0.log");
    client.pods().withName(pod.getMetadata().getName()).withGracePeriod(30).delete();
    Pod terminating = client.pods().withName(pod.getMetadata().getName()).get();
    if (terminating != null) {
      assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().withName(pod.getMetadata().getName()).get() == null);
    assertThat(log).content().endsWith(" stdout F got TERM\n");
  }

  @Test
  void execRunsOtherCommandsInThePodsSandboxWithItsEnvironment() throws Exception {
    Job job = TestJobs.shell("exec-", "sleep 30").build();
    job.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(List.of(new io.fabric8.kubernetes.api.model.EnvVar("GREETING", "hello", null)));
    job = client.batch().v1().jobs().resource(job).create();
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (var exec = client.pods().withName(pod.getMetadata().getName()).writingOutput(out).exec("sh", "-c", "echo $GREETING from $(pwd); exit 4")) {
      assertThat(exec.exitCode().get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4);
    }
    // Fabric8 copies the output to the stream on its own thread, possibly after the exit code
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> out.toString(java.nio.charset.StandardCharsets.UTF_8).endsWith("\n"));
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("hello from " + cluster.stateDir()).contains(pod.getMetadata().getUid());
    client.pods().withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
  }

  @Test
  void podLogOptions() throws Exception {
    Job job = TestJobs.create(client, TestJobs.shell("logs-", "echo one; echo two; echo three"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Succeeded");
    var logs = client.pods().withName(pod.getMetadata().getName());
    assertThat(logs.getLog()).isEqualTo("one\ntwo\nthree\n");
    assertThat(logs.tailingLines(2).getLog()).isEqualTo("two\nthree\n");
    assertThat(logs.limitBytes(6).getLog()).isEqualTo("one\ntw");
    assertThat(logs.usingTimestamps().getLog()).matches("(\\d{4}-\\d\\d-\\d\\dT\\S+Z (one|two|three)\n){3}");
    ClusterHttp http = ClusterHttp.of(cluster);
    HttpResponse<String> future = http.client().send(http.request("/api/v1/namespaces/default/pods/" + pod.getMetadata().getName()
        + "/log?sinceTime=" + Instant.now().plusSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(future.body()).isEmpty();
  }

  @Test
  void podMetricsComeFromTheProcess() {
    Job job = TestJobs.create(client, TestJobs.shell("busy-", "while :; do :; done"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    var metrics = Awaitility.await().atMost(Duration.ofSeconds(15)).until(
        () -> {
          try {
            return client.top().pods().metrics("default", pod.getMetadata().getName());
          } catch (KubernetesClientException notYet) {
            return null;
          }
        },
        m -> m != null && m.getContainers().get(0).getUsage().get("cpu").getNumericalAmount().doubleValue() > 0.2);
    assertThat(metrics.getContainers().get(0).getUsage().get("memory").getNumericalAmount().longValue()).isPositive();
    client.batch().v1().jobs().withName(job.getMetadata().getName()).withGracePeriod(0).delete();
    client.pods().withName(pod.getMetadata().getName()).withGracePeriod(0).delete();
  }

  @Test
  void memoryAboveTheLimitIsOomKilled() {
    Job job = TestJobs.shell("oom-", "tail /dev/zero").build();
    job.getSpec().getTemplate().getSpec().getContainers().get(0).setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
        .withLimits(Map.of("memory", new io.fabric8.kubernetes.api.model.Quantity("50Mi"))).build());
    job = client.batch().v1().jobs().resource(job).create();
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Failed");
    var terminated = pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getReason()).isEqualTo("OOMKilled");
    assertThat(terminated.getExitCode()).isEqualTo(137);
  }

  @Test
  void nodeSelectorWithoutMatchingNodeIsUnschedulable() {
    Job job = TestJobs.shell("gpu-", "true").build();
    job.getSpec().getTemplate().getSpec().setNodeSelector(Map.of("accelerator", "gpu"));
    job = client.batch().v1().jobs().resource(job).create();
    Pod pod = TestJobs.podOf(client, job);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.v1().events().withField("involvedObject.name", pod.getMetadata().getName())
        .list().getItems().stream().anyMatch(e -> e.getReason().equals("FailedScheduling")
            && e.getMessage().equals("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.")));
    assertThat(client.pods().withName(pod.getMetadata().getName()).get().getStatus().getPhase()).isEqualTo("Pending");
  }

  @Test
  void nodesReportThisMachinesCapacityAndAddresses() {
    var nodes = client.nodes().list().getItems();
    assertThat(nodes).hasSize(3);
    assertThat(nodes.get(0).getStatus().getCapacity().get("cpu").getNumericalAmount().intValue())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(nodes.get(0).getStatus().getAddresses()).extracting(a -> a.getType()).contains("InternalIP", "ExternalIP");
  }

  private static long pid(Pod pod) {
    return Long.parseLong(pod.getStatus().getContainerStatuses().get(0).getContainerID().replace("simulated://", ""));
  }

  private static Service service(String generateName, Map<String, String> labels) {
    return new ServiceBuilder().withNewMetadata().withGenerateName(generateName).withLabels(new java.util.HashMap<>(labels)).endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build();
  }
}
