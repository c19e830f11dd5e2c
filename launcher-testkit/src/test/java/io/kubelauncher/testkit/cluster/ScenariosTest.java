package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fault scenarios a test switches on at runtime. */
class ScenariosTest {
  static SimulatedCluster cluster;
  static KubernetesClient client;
  static ClusterHttp http;

  @BeforeAll
  static void start() throws Exception {
    cluster = SimulatedCluster.builder().nodes(2).bookmarkInterval(Duration.ofMillis(200)).podFailureBackoff(Duration.ofMillis(500)).start();
    client = cluster.client();
    http = ClusterHttp.of(cluster);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @AfterEach
  void reset() {
    cluster.scenarios().reset();
  }

  @Test
  void failingImagePullsWaitInErrImagePullThenBackOff() {
    cluster.scenarios().failImagePulls("registry.example/missing:1");
    Job job = TestJobs.shell("pull-", "true").build();
    job.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/missing:1");
    job = client.batch().v1().jobs().resource(job).create();
    Pod pod = TestJobs.podOf(client, job);
    Pod waiting = TestJobs.awaitPod(client, pod, p -> p.getStatus().getContainerStatuses() != null && !p.getStatus().getContainerStatuses().isEmpty()
            && p.getStatus().getContainerStatuses().get(0).getState().getWaiting() != null
            && "ImagePullBackOff".equals(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason()));
    assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
    List<String> reasons = client.v1().events().withField("involvedObject.name", pod.getMetadata().getName()).list().getItems().stream()
        .map(e -> e.getReason() + ": " + e.getMessage()).toList();
    assertThat(reasons).anyMatch(r -> r.startsWith("Failed: Failed to pull image \"registry.example/missing:1\""))
        .contains("Failed: Error: ErrImagePull", "BackOff: Back-off pulling image \"registry.example/missing:1\"");
    cluster.scenarios().allowImagePulls("registry.example/missing:1");
    TestJobs.awaitPhase(client, pod, "Succeeded");
  }

  @Test
  void injectedServerErrorsReachTheClientAfterItsRetries() {
    cluster.scenarios().failRequests(1.0);
    assertThatThrownBy(() -> client.pods().list())
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
    cluster.scenarios().failRequests(0);
    assertThat(client.pods().list().getItems()).isNotNull();
  }

  @Test
  void deniedPermissionsShowInAccessReviewsAndRequests() {
    cluster.scenarios().deny("create", "jobs");
    SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
        .withNewSpec().withNewResourceAttributes().withNamespace("default").withGroup("batch").withResource("jobs").withVerb("create")
        .endResourceAttributes().endSpec().build());
    assertThat(review.getStatus().getAllowed()).isFalse();
    SelfSubjectAccessReview allowed = client.authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
        .withNewSpec().withNewResourceAttributes().withNamespace("default").withResource("pods").withVerb("list")
        .endResourceAttributes().endSpec().build());
    assertThat(allowed.getStatus().getAllowed()).isTrue();
    assertThatThrownBy(() -> TestJobs.create(client, TestJobs.shell("denied-", "true")))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(403);
          assertThat(e.getMessage()).contains("cannot create resource \"jobs\" in API group \"batch\" in the namespace \"default\"");
        });
  }

  @Test
  void watchesGetBookmarksAndEndAfterTheirTimeout() throws Exception {
    String rv = client.services().list().getMetadata().getResourceVersion();
    HttpResponse<String> watch = http.client().send(http.request("/api/v1/namespaces/default/services?watch=1&allowWatchBookmarks=true"
        + "&timeoutSeconds=1&resourceVersion=" + rv).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(watch.statusCode()).isEqualTo(200);
    assertThat(watch.body().lines()).isNotEmpty().allMatch(line -> line.startsWith("{\"type\":\"BOOKMARK\""));
  }

  @Test
  void droppedWatchesAreCutBeforeTheirTimeout() throws Exception {
    cluster.scenarios().dropWatchesEvery(Duration.ofMillis(300));
    HttpResponse<InputStream> watch = http.client().send(http.request("/api/v1/namespaces/default/pods?watch=true&timeoutSeconds=600")
        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThatThrownBy(() -> watch.body().readAllBytes()).as("the connection is cut, not ended").isInstanceOf(java.io.IOException.class);
  }

  @Test
  void restartCutsConnectionsAndKeepsState() throws Exception {
    String name = client.services().resource(new ServiceBuilder().withNewMetadata().withGenerateName("survivor-").endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create().getMetadata().getName();
    HttpResponse<InputStream> watch = http.client().send(http.request("/api/v1/namespaces/default/services?watch=true&timeoutSeconds=600")
        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    BufferedReader events = new BufferedReader(new InputStreamReader(watch.body(), StandardCharsets.UTF_8));
    assertThat(events.readLine()).contains("\"type\":\"ADDED\"");
    String before = cluster.apiUrl();
    cluster.scenarios().restartApiServer();
    assertThatThrownBy(() -> {
      while (events.readLine() != null) {
        // drain what was sent before the cut
      }
    }).isInstanceOf(java.io.IOException.class);
    assertThat(cluster.apiUrl()).isEqualTo(before);
    assertThat(client.services().withName(name).get()).isNotNull();
  }

  @Test
  void pendingPodIsScheduledWhenCapacityFrees() {
    String allCpus = Integer.toString(Runtime.getRuntime().availableProcessors());
    List<Job> blockers = List.of(
        client.batch().v1().jobs().resource(TestJobs.withCpuRequest(TestJobs.shell("blocker-", "sleep 60").build(), allCpus)).create(),
        client.batch().v1().jobs().resource(TestJobs.withCpuRequest(TestJobs.shell("blocker-", "sleep 60").build(), allCpus)).create());
    for (Job blocker : blockers) {
      TestJobs.awaitPhase(client, TestJobs.podOf(client, blocker), "Running");
    }
    Job waiting = client.batch().v1().jobs().resource(TestJobs.withCpuRequest(TestJobs.shell("waiting-", "true").build(), "1")).create();
    Pod pod = TestJobs.podOf(client, waiting);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.v1().events().withField("involvedObject.name", pod.getMetadata().getName())
        .list().getItems().stream().anyMatch(e -> e.getMessage().equals("0/2 nodes are available: 2 Insufficient cpu.")));
    client.batch().v1().jobs().withName(blockers.get(0).getMetadata().getName())
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).withGracePeriod(0).delete();
    TestJobs.awaitPhase(client, pod, "Succeeded");
    client.batch().v1().jobs().withName(blockers.get(1).getMetadata().getName())
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).withGracePeriod(0).delete();
  }

  @Test
  void failedPodsAreReplacedUpToTheBackoffLimit() {
    Job job = TestJobs.shell("retry-", "exit 1").editSpec().withBackoffLimit(1).endSpec().build();
    String name = client.batch().v1().jobs().resource(job).create().getMetadata().getName();
    long start = System.nanoTime();
    Job failed = TestJobs.awaitCondition(client, name, "Failed");
    assertThat(failed.getStatus().getFailed()).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the replacement waited out the pod failure backoff")
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(failed.getStatus().getConditions()).anyMatch(c -> "BackoffLimitExceeded".equals(c.getReason()));
    assertThat(client.pods().withLabel("job-name", name).list().getItems()).hasSize(2)
        .allMatch(p -> p.getStatus().getPhase().equals("Failed"));
  }

  @Test
  void slowSchedulingKeepsPodsUnboundForTheDelay() {
    cluster.scenarios().delayScheduling(Duration.ofSeconds(2));
    Job job = TestJobs.create(client, TestJobs.shell("slow-", "true"));
    Pod pod = TestJobs.podOf(client, job);
    assertThat(client.pods().withName(pod.getMetadata().getName()).get().getSpec().getNodeName()).isNull();
    TestJobs.awaitPhase(client, pod, "Succeeded");
  }

  @Test
  void latencyDelaysEveryAnswer() {
    cluster.scenarios().addLatency(Duration.ofMillis(400));
    long start = System.nanoTime();
    client.pods().list();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void expiredContinueTokensAreGone() {
    for (int i = 0; i < 3; i++) {
      client.services().resource(new ServiceBuilder().withNewMetadata().withGenerateName("expire-").addToLabels("expire", "yes").endMetadata()
          .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
    }
    String token = client.services().withLabel("expire", "yes").list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build())
        .getMetadata().getContinue();
    // a change after the list, then a compaction past it: the list's snapshot is gone
    client.services().resource(new ServiceBuilder().withNewMetadata().withGenerateName("expire-").endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
    cluster.scenarios().expireResourceVersions();
    assertThatThrownBy(() -> client.services().withLabel("expire", "yes")
        .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).withContinue(token).build()))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(410));
  }

}
