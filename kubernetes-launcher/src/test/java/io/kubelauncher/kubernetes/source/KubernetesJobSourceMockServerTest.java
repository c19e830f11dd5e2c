package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cache.Backoff;
import io.kubelauncher.kubernetes.cache.CacheSettings;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.translate.ControlRecord;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link KubernetesJobSource} against Fabric8's mock API server in CRUD mode (pods played by the test). */
class KubernetesJobSourceMockServerTest {

    private static final String NS = "rstudio";
    private static final RequestUser ALICE = RequestUser.of("alice");

    private KubernetesMockServer server;
    private KubernetesClient client;
    private ScheduledExecutorService scheduler;
    private ClusterCache cache;
    private KubernetesJobSource source;
    private final RecordingPublisher publisher = new RecordingPublisher();

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        scheduler = Executors.newScheduledThreadPool(4);
        cache = new ClusterCache(client, new CacheSettings(NS, 500, 2, Duration.ofSeconds(10)), scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), new Random(7)));
        JsonMapper mapper = JsonMapper.builder().build();
        source = new KubernetesJobSource(client, cache, new PassThroughPolicy(), new BuiltinRenderer(mapper),
                new SourceSettings(NS, "Kubernetes", true, Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5)),
                Clock.systemUTC(), scheduler, mapper, () -> { }, java.util.Optional::empty);
        source.bootstrap(new BootstrapContext(new Version(3, 7, 0), publisher));
    }

    @AfterEach
    void stop() {
        source.shutdown();
        scheduler.shutdownNow();
        client.close();
        try {
            server.destroy();
        } catch (IllegalStateException slowClose) {
            // Fabric8's mock server waits up to 10 s for WebSocket watch connections to finish closing,
            // and the JDK client on Java 17 cannot force them shut; the test's assertions ran already,
            // so a slow teardown of the stand-in server is not a failure of the code under test.
        }
    }

    private static Job.Builder job(String name) {
        return Job.builder().name(name).user("alice").command("echo").args(List.of("hello", "world"))
                .environment(List.of(new Env("GREETING", "hi"))).tags(List.of("report", "nightly"));
    }

    @Test
    void submitCreatesOneJobAndAnswersPending() {
        Job submitted = source.submit(ALICE, job("Nightly Report").build());

        assertThat(submitted.id()).startsWith("nightly-report-");
        assertThat(submitted.status()).isEqualTo(JobStatus.PENDING);
        assertThat(submitted.user()).isEqualTo("alice");
        assertThat(submitted.name()).isEqualTo("Nightly Report");
        assertThat(submitted.tags()).containsExactly("report", "nightly");
        assertThat(submitted.command()).isEqualTo("echo");
        assertThat(submitted.args()).containsExactly("hello", "world");
        assertThat(submitted.submissionTime()).isNotNull();
        assertThat(submitted.cluster()).isEqualTo("Kubernetes");

        var k8s = client.batch().v1().jobs().inNamespace(NS).withName(submitted.id()).get();
        assertThat(k8s.getMetadata().getLabels()).containsEntry(LauncherKeys.MANAGED_BY, "launcher");
        var pod = k8s.getSpec().getTemplate();
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("user", "alice").containsEntry("name", "Nightly Report")
                .containsEntry("USER_TAG_0", "report").containsEntry("USER_TAG_1", "nightly");
        assertThat(pod.getSpec().getContainers().get(0).getCommand()).containsExactly("/bin/sh");
        assertThat(pod.getSpec().getContainers().get(0).getArgs()).containsExactly("-c", "echo hello world");
        assertThat(client.services().inNamespace(NS).list().getItems()).isEmpty();

        // answered from the cache, identical to what submit returned
        assertThat(source.job(submitted.id())).hasValueSatisfying(j -> {
            assertThat(j.status()).isEqualTo(JobStatus.PENDING);
            assertThat(j.args()).containsExactly("hello", "world");
        });
        await().until(() -> publisher.latest(submitted.id()).isPresent());
    }

    @Test
    void exposedPortsGetAServiceOwnedByTheJob() {
        Job submitted = source.submit(ALICE, job("Shiny App").exposedPorts(List.of(ExposedPort.tcp(3838))).build());

        Service service = client.services().inNamespace(NS).withName(submitted.id() + "-svc").get();
        assertThat(service).isNotNull();
        assertThat(service.getSpec().getSelector()).containsEntry("job-name", submitted.id());
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(3838));
        assertThat(service.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getName()).isEqualTo(submitted.id()));
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName(submitted.id()).get().getSpec().getTemplate().getMetadata()
                .getAnnotations()).containsEntry("service_ports", "[{\"protocol\":\"TCP\",\"targetPort\":3838}]");
    }

    @Test
    void anUnsupportedMountIsRefusedBeforeAnythingIsCreated() {
        Job bad = job("With Mount").mounts(List.of(new Mount("/data", false, MountSource.of("s3", Map.of("bucket", "x"))))).build();

        assertThatThrownBy(() -> source.submit(ALICE, bad)).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("/data").contains("'s3'");
        });
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
    }

    @Test
    void statusFollowsThePodToFinished() {
        Job submitted = source.submit(ALICE, job("Run Me").build());
        Pod pod = client.pods().inNamespace(NS).resource(pod(submitted.id(), new ContainerStatusBuilder()
                .withName("rs-launcher-container").withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState())).create();

        await().until(() -> publisher.latest(submitted.id()).map(Job::status).orElse(null) == JobStatus.RUNNING);
        assertThat(source.job(submitted.id()).orElseThrow().host()).isEqualTo("node-1");

        pod.getStatus().getContainerStatuses().get(0).setState(new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                .withNewTerminated().withExitCode(3).withFinishedAt(Instant.now().toString()).endTerminated().build());
        client.pods().inNamespace(NS).resource(pod).update();

        await().until(() -> publisher.latest(submitted.id()).map(Job::status).orElse(null) == JobStatus.FINISHED);
        Job finished = source.job(submitted.id()).orElseThrow();
        assertThat(finished.exitCode()).isEqualTo(3);
        assertThat(finished.statusMessage()).isEqualTo("Exit code 3");
    }

    @Test
    void killRecordsTheOperationThenDeletesThePod() {
        Job submitted = source.submit(ALICE, job("Kill Me").build());
        client.pods().inNamespace(NS).resource(pod(submitted.id(), new ContainerStatusBuilder()
                .withName("rs-launcher-container").withNewState().withNewRunning().endRunning().endState())).create();
        await().until(() -> source.job(submitted.id()).map(Job::status).orElse(null) == JobStatus.RUNNING);

        ControlResult result = source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.KILL);

        assertThat(result.operationComplete()).isTrue();
        var k8s = client.batch().v1().jobs().inNamespace(NS).withName(submitted.id()).get();
        assertThat(k8s.getMetadata().getAnnotations()).containsEntry(ControlRecord.OPERATION_ANNOTATION, "kill");
        assertThat(k8s.getSpec().getSuspend()).isTrue();
        assertThat(client.pods().inNamespace(NS).list().getItems()).isEmpty();
        await().until(() -> publisher.latest(submitted.id()).map(Job::status).orElse(null) == JobStatus.KILLED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isEqualTo(137);
    }

    @Test
    void cancelOfAPendingJobCancelsIt() {
        Job submitted = source.submit(ALICE, job("Cancel Me").build());

        ControlResult result = source.control(ALICE, submitted, JobOperation.CANCEL);

        assertThat(result.operationComplete()).isTrue();
        await().until(() -> publisher.latest(submitted.id()).map(Job::status).orElse(null) == JobStatus.CANCELED);
    }

    @Test
    void suspendIsNotSupported() {
        Job submitted = source.submit(ALICE, job("Suspend Me").build());
        assertThatThrownBy(() -> source.control(ALICE, submitted, JobOperation.SUSPEND))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("not supported on Kubernetes");
                });
    }

    @Test
    void jobsCreatedByAnotherInstanceAreSeen() {
        Job submitted = source.submit(ALICE, job("Elsewhere").build());
        ClusterCache secondCache = new ClusterCache(client, new CacheSettings(NS, 1, 2, Duration.ofSeconds(10)), scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1), new Random(3)));
        JsonMapper mapper = JsonMapper.builder().build();
        KubernetesJobSource second = new KubernetesJobSource(client, secondCache, new PassThroughPolicy(), new BuiltinRenderer(mapper),
                new SourceSettings(NS, "Kubernetes", true, Duration.ofHours(24), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(5)),
                Clock.systemUTC(), scheduler, mapper, () -> { }, java.util.Optional::empty);
        try {
            second.bootstrap(new BootstrapContext(new Version(3, 7, 0), new RecordingPublisher()));
            assertThat(second.job(submitted.id())).hasValueSatisfying(j -> {
                assertThat(j.name()).isEqualTo("Elsewhere");
                assertThat(j.args()).containsExactly("hello", "world");
                assertThat(j.submissionTime()).isEqualTo(submitted.submissionTime());
            });
        } finally {
            second.shutdown();
        }
    }

    private static Pod pod(String jobName, ContainerStatusBuilder status) {
        return new PodBuilder().withNewMetadata().withName(jobName + "-abcde").withNamespace(NS)
                .addToLabels("job-name", jobName)
                .addNewOwnerReference().withKind("Job").withName(jobName).withApiVersion("batch/v1").withUid("u").endOwnerReference()
                .withCreationTimestamp(Instant.now().toString()).endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("rs-launcher-container").withImage("ubuntu").endContainer().endSpec()
                .withNewStatus().withPhase("Running").withHostIP("10.0.0.5").addToContainerStatuses(status.build()).endStatus()
                .build();
    }
}
