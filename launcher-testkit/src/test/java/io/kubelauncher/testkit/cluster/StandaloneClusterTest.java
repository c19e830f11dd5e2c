package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone simulated cluster, driven over the network by Fabric8, plain HTTP and kubectl. */
class StandaloneClusterTest {
  @TempDir
  static Path stateDir;
  static StandaloneCluster cluster;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    cluster = StandaloneCluster.start(stateDir);
    client = cluster.client();
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
    // the JVM's status for an orderly exit on SIGTERM (128 + 15), after the shutdown hook closed the cluster
    assertThat(cluster.process.exitValue()).as("exit status after SIGTERM").isEqualTo(143);
  }

  @Test
  void writesItsConnectionFiles() throws Exception {
    assertThat(java.nio.file.Files.readString(stateDir.resolve("api-url")).trim()).isEqualTo(cluster.apiUrl).startsWith("https://127.0.0.1:");
    assertThat(cluster.caPem).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(cluster.token).hasSizeGreaterThan(20);
  }

  @Test
  void jobFailsWithTheExitCodeOfItsProcessAndKeepsItsLog() throws Exception {
    Job job = TestJobs.create(client, TestJobs.shell("fails-", "echo hi; exit 3"));
    assertThat(job.getMetadata().getName()).matches("fails-[bcdfghjklmnpqrstvwxz2456789]{5}");
    CompletableFuture<Job> failed = new CompletableFuture<>();
    try (var watch = client.batch().v1().jobs().withName(job.getMetadata().getName()).watch(new Watcher<Job>() {
      @Override
      public void eventReceived(Action action, Job resource) {
        if (resource.getStatus() != null && resource.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Failed") && c.getStatus().equals("True"))) {
          failed.complete(resource);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        failed.completeExceptionally(cause);
      }
    })) {
      Job done = failed.get(30, TimeUnit.SECONDS);
      assertThat(done.getStatus().getFailed()).isEqualTo(1);
      assertThat(done.getStatus().getConditions()).anyMatch(c -> "BackoffLimitExceeded".equals(c.getReason()));
    }
    Pod pod = TestJobs.podOf(client, job);
    assertThat(pod.getMetadata().getName()).matches(job.getMetadata().getName() + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(pod.getMetadata().getLabels()).containsEntry("job-name", job.getMetadata().getName())
        .containsEntry("batch.kubernetes.io/job-name", job.getMetadata().getName())
        .containsEntry("controller-uid", job.getMetadata().getUid()).containsEntry("app", "test");
    assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid()));
    assertThat(pod.getStatus().getPhase()).isEqualTo("Failed");
    ContainerStateTerminated terminated = pod.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    assertThat(terminated.getExitCode()).isEqualTo(3);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(pod.getSpec().getNodeName()).startsWith("sim-node-");
    assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
    assertThat(client.pods().withName(pod.getMetadata().getName()).getLog()).isEqualTo("hi\n");
  }

  @Test
  void listsInPagesWithContinueTokens() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      created.add(client.services().resource(new ServiceBuilder().withNewMetadata().withGenerateName("paged-").addToLabels("paging", "yes")
          .endMetadata().withNewSpec().addNewPort().withPort(8787).endPort().endSpec().build()).create().getMetadata().getName());
    }
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      ServiceList page = client.services().withLabel("paging", "yes").list(
          new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(3L).withContinue(token).build());
      page.getItems().forEach(s -> seen.add(s.getMetadata().getName()));
      token = page.getMetadata().getContinue();
      if (token != null) {
        // a selected list does not count what follows, as on a real API server
        assertThat(page.getMetadata().getRemainingItemCount()).isNull();
      }
      pages++;
    } while (token != null && !token.isEmpty());
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(7).containsExactlyInAnyOrderElementsOf(created);

    ServiceList unselected = client.services().list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(3L).build());
    assertThat(unselected.getMetadata().getRemainingItemCount()).isEqualTo(client.services().list().getItems().size() - 3L);
  }

  @Test
  void watchResumesFromAResourceVersion() throws Exception {
    String from = client.services().list().getMetadata().getResourceVersion();
    String first = createService("resume-");
    String second = createService("resume-");
    List<String> added = new CopyOnWriteArrayList<>();
    CountDownLatch two = new CountDownLatch(2);
    try (var watch = client.services().withLabel("watch", "resume")
        .watch(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(from).build(), new Watcher<>() {
          @Override
          public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Service resource) {
            if (action == Action.ADDED) {
              added.add(resource.getMetadata().getName());
              two.countDown();
            }
          }

          @Override
          public void onClose(WatcherException cause) {
          }
        })) {
      assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(added).containsExactly(first, second);
  }

  @Test
  void oldResourceVersionsAreGoneAfterCompaction() throws Exception {
    String old = client.services().list().getMetadata().getResourceVersion();
    createService("compacted-");
    cluster.scenario("expire-resource-versions", "{}");
    // kubectl's kind of watch: chunked HTTP, one ERROR event carrying a 410 Status
    HttpResponse<String> raw = cluster.http().send(cluster.request("/api/v1/namespaces/default/services?watch=true&resourceVersion=" + old)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.body()).contains("\"type\":\"ERROR\"").contains("\"code\":410").contains("\"reason\":\"Expired\"");
    // Fabric8's kind: a WebSocket watch that closes with an HTTP-gone exception
    CompletableFuture<WatcherException> closed = new CompletableFuture<>();
    client.services().watch(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion(old).build(), new Watcher<>() {
      @Override
      public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Service resource) {
      }

      @Override
      public void onClose(WatcherException cause) {
        closed.complete(cause);
      }
    });
    WatcherException cause = closed.get(10, TimeUnit.SECONDS);
    assertThat(cause.isHttpGone()).as("410 Gone: %s", cause.getMessage()).isTrue();
  }

  @Test
  void podThatFitsNoNodeStaysPendingWithFailedScheduling() {
    Job job = TestJobs.withCpuRequest(TestJobs.shell("too-big-", "true").build(), "5000");
    job = client.batch().v1().jobs().resource(job).create();
    Pod pod = TestJobs.podOf(client, job);
    List<Event> events = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.v1().events()
        .withField("involvedObject.name", pod.getMetadata().getName()).list().getItems(),
        list -> list.stream().anyMatch(e -> "FailedScheduling".equals(e.getReason())));
    assertThat(events).filteredOn(e -> "FailedScheduling".equals(e.getReason())).singleElement()
        .satisfies(e -> assertThat(e.getMessage()).isEqualTo("0/2 nodes are available: 2 Insufficient cpu."));
    Pod pending = client.pods().withName(pod.getMetadata().getName()).get();
    assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pending.getStatus().getConditions()).anyMatch(c -> c.getType().equals("PodScheduled") && c.getReason().equals("Unschedulable"));
  }

  @Test
  void attachedStdinReachesTheProcess() throws Exception {
    var builder = TestJobs.shell("cat-", "cat");
    Job job = builder.build();
    job.getSpec().getTemplate().getSpec().getContainers().get(0).setStdin(true);
    job.getSpec().getTemplate().getSpec().getContainers().get(0).setStdinOnce(true);
    job = client.batch().v1().jobs().resource(job).create();
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    try (ExecWatch attach = client.pods().withName(pod.getMetadata().getName()).redirectingInput().attach()) {
      attach.getInput().write("to the container\n".getBytes(StandardCharsets.UTF_8));
      attach.getInput().flush();
      Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> client.pods().withName(pod.getMetadata().getName()).getLog().equals("to the container\n"));
    }
    // stdinOnce: the end of the attach closes stdin, so cat ends
    Pod done = TestJobs.awaitPhase(client, pod, "Succeeded");
    assertThat(done.getStatus().getContainerStatuses().get(0).getState().getTerminated().getReason()).isEqualTo("Completed");
  }

  @Test
  void execKillSignalsTheJobsProcess() {
    Job job = TestJobs.create(client, TestJobs.shell("sleeper-", "exec sleep 300"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    try (ExecWatch exec = client.pods().withName(pod.getMetadata().getName()).redirectingOutput().exec("kill", "-9", "1")) {
      assertThat(exec.exitCode().join()).isZero();
    }
    Pod done = TestJobs.awaitPhase(client, pod, "Failed");
    assertThat(done.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode()).isEqualTo(137);
  }

  @Test
  void wrongTokenIsUnauthorized() {
    try (KubernetesClient stranger = new KubernetesClientBuilder().withConfig(cluster.config("not-the-token")).build()) {
      assertThatThrownBy(() -> stranger.pods().list()).isInstanceOfSatisfying(KubernetesClientException.class,
          e -> assertThat(e.getCode()).isEqualTo(401));
    }
  }

  @Test
  void kubectlFollowsALogAsItGrows() throws Exception {
    Assumptions.assumeTrue(StandaloneCluster.kubectlInstalled(), "kubectl is installed by bin/test");
    Job job = TestJobs.create(client, TestJobs.shell("ticker-", "echo one; sleep 2; echo two"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Running");
    Process follow = new ProcessBuilder("kubectl", "--kubeconfig", cluster.kubeconfig.toString(), "logs", "-f", pod.getMetadata().getName())
        .redirectErrorStream(true).start();
    BufferedReader lines = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8));
    assertThat(lines.readLine()).isEqualTo("one");
    assertThat(client.pods().withName(pod.getMetadata().getName()).get().getStatus().getPhase())
        .as("the first line arrives while the container still runs").isEqualTo("Running");
    assertThat(lines.readLine()).isEqualTo("two");
    assertThat(follow.waitFor(20, TimeUnit.SECONDS)).as("kubectl logs -f ends with the container").isTrue();
    assertThat(follow.exitValue()).isZero();
  }

  @Test
  void kubectlGetsJobsAndDescribesPods() throws Exception {
    Assumptions.assumeTrue(StandaloneCluster.kubectlInstalled(), "kubectl is installed by bin/test");
    Job job = TestJobs.create(client, TestJobs.shell("described-", "echo done; exit 3"));
    Pod pod = TestJobs.awaitPhase(client, TestJobs.podOf(client, job), "Failed");
    StandaloneCluster.KubectlResult jobs = cluster.kubectl("get", "jobs");
    assertThat(jobs.exitCode()).as(jobs.output()).isZero();
    assertThat(jobs.output()).contains("NAME").contains("COMPLETIONS")
        .containsPattern(job.getMetadata().getName() + "\\s+Failed\\s+0/1");
    StandaloneCluster.KubectlResult describe = cluster.kubectl("describe", "pod", pod.getMetadata().getName());
    assertThat(describe.exitCode()).as(describe.output()).isZero();
    assertThat(describe.output()).contains("Status:           Failed").containsPattern("Exit Code:\\s+3")
        .contains("Controlled By:  Job/" + job.getMetadata().getName())
        .containsPattern("Normal\\s+Scheduled").containsPattern("Normal\\s+Started");
    StandaloneCluster.KubectlResult logs = cluster.kubectl("logs", pod.getMetadata().getName());
    assertThat(logs.output()).isEqualTo("done\n");
  }

  private static String createService(String prefix) {
    return client.services().resource(new ServiceBuilder().withNewMetadata().withGenerateName(prefix).addToLabels("watch", "resume")
        .endMetadata().withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create().getMetadata().getName();
  }

}
