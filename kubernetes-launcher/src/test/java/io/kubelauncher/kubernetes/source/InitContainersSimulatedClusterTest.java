package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cache.Backoff;
import io.kubelauncher.kubernetes.cache.CacheSettings;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.PermissionCheck;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Launcher's init containers from Submit Job to the Kubernetes Job, on {@link SimulatedCluster}. */
class InitContainersSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private ScheduledExecutorService scheduler;
    private final List<KubernetesJobSource> sources = new ArrayList<>();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private RequestMetrics metrics;

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start();
        metrics = new RequestMetrics(Clock.systemUTC());
        client = KubernetesClients.create(new ClusterConnection(URI.create(cluster.apiUrl()), cluster::token,
                Optional.of(cluster.caCertificatePem()), true), "rstudio", metrics);
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() throws InterruptedException {
        sources.forEach(KubernetesJobSource::shutdown);
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        client.close();
        cluster.close();
    }

    /** Every job as submitted; Cluster Info without profiles. */
    private static final class NoProfiles implements SubmissionPolicy {
        private final PassThroughPolicy jobs = new PassThroughPolicy();

        @Override
        public Admission admit(RequestUser user, Job job) {
            return jobs.admit(user, job);
        }

        @Override
        public ClusterInfo clusterInfo(RequestUser user) {
            return ClusterInfo.minimal();
        }
    }

    private KubernetesJobSource source(SpecRenderer renderer) {
        ClusterCache cache = new ClusterCache(client, new CacheSettings("rstudio", 500, 5, Duration.ofSeconds(20)), scheduler,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(11)));
        KubernetesJobSource source = new KubernetesJobSource(client, cache, new NoProfiles(), renderer,
                new SourceSettings("rstudio", "Kubernetes", true, Duration.ofHours(24), Duration.ofSeconds(3), Duration.ofSeconds(10),
                        Duration.ofMillis(500)),
                Clock.systemUTC(), scheduler, JSON, new PermissionCheck(client, "rstudio")::verify, metrics::takeLatencySample);
        source.bootstrap(new BootstrapContext(new Version(3, 7, 0), publisher));
        sources.add(source);
        return source;
    }

    private static Job.Builder sessionWith(InitContainer... initContainers) {
        return Job.builder().name("Session").user("alice").command("cat prepared.txt")
                .mounts(List.of(new Mount("/home/alice", false, new MountSource.Host("/srv/home/alice"))))
                .initContainers(List.of(initContainers));
    }

    @Test
    void withTheBuiltinSpecClusterInfoOffersThemAndTheSubmittedJobsPodHasThem() {
        KubernetesJobSource source = source(new BuiltinRenderer(JSON));
        assertThat(source.clusterInfo(ALICE).supportsInitContainers()).isTrue();

        Job submitted = source.submit(ALICE, sessionWith(
                new InitContainer("prepare", "busybox:1.36", "echo prepared >", null, List.of("prepared.txt"),
                        List.of(new Mount("/home/alice", false, new MountSource.Host("/srv/home/alice")),
                                new Mount("/skel", true, new MountSource.Host("/etc/skel"))),
                        List.of(new Env("GREETING", "hello"))),
                new InitContainer("check", "busybox:1.36", null, "/bin/test", List.of("-s", "prepared.txt"), List.of(), List.of())).build());

        PodSpec pod = cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(submitted.id()).get()
                .getSpec().getTemplate().getSpec();
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("prepare", "check");
        assertThat(pod.getInitContainers().get(0).getArgs()).containsExactly("-c", "echo prepared > prepared.txt");
        assertThat(pod.getInitContainers().get(0).getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("mount0:/home/alice", "mount1:/skel");
        assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactly("mount0", "mount1");
        assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("rs-launcher-container");
        // and the job the Launcher reads back still has them
        assertThat(source.job(submitted.id()).orElseThrow().initContainers()).extracting(InitContainer::name).containsExactly("prepare", "check");
    }

    @Test
    void withAnOlderVendorTemplateClusterInfoDoesNotOfferThemAndSubmitRefusesThemBeforeCreatingAnything(@TempDir Path scratch)
            throws Exception {
        Path vendor = Path.of(System.getProperty("kubelauncher.testdata"), "fixtures", "templates", "posit-default-2.4.0");
        for (String tpl : List.of("job.tpl", "service.tpl")) {
            Files.copy(vendor.resolve(tpl), scratch.resolve(tpl));
        }
        KubernetesJobSource source = source(new TemplateRenderer(new TemplateDirectory(scratch, TemplateFunctions.launcher()), JSON,
                new KubernetesSerialization()));
        assertThat(source.clusterInfo(ALICE).supportsInitContainers()).isFalse();

        assertThatThrownBy(() -> source.submit(ALICE, sessionWith(new InitContainer("prepare", "busybox:1.36", "true", null, List.of(),
                List.of(), List.of())).build()))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).startsWith("the job has init containers (prepare), but ");
                });
        assertThat(metrics.counts()).doesNotContainKey("POST jobs");
    }

    @Test
    void theInitContainersRunFirstInOrderAndTheJobFindsWhatTheyLeftInThePod() throws Exception {
        KubernetesJobSource source = source(new BuiltinRenderer(JSON));
        Job submitted = source.submit(ALICE, sessionWith(
                new InitContainer("prepare", "busybox:1.36", "sleep 0.2; echo prepared >", null, List.of("prepared.txt"), List.of(), List.of()),
                new InitContainer("check", "busybox:1.36", null, "/bin/sh", List.of("-c", "test -s prepared.txt && echo checked >> prepared.txt"),
                        List.of(), List.of())).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> status(submitted.id()) == JobStatus.FINISHED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isZero();
        RecordingOutput output = new RecordingOutput();
        source.streamOutput(ALICE, source.job(submitted.id()).orElseThrow(), OutputType.MIXED, output);
        assertThat(output.ended.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(output.text.toString()).isEqualTo("prepared\nchecked\n");
    }

    @Test
    void aFailingInitContainerFailsTheJobNamingItAndTheJobNeverRuns() {
        KubernetesJobSource source = source(new BuiltinRenderer(JSON));
        Job submitted = source.submit(ALICE, sessionWith(
                new InitContainer("prepare", "busybox:1.36", "exit 4", null, List.of(), List.of(), List.of())).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> status(submitted.id()) == JobStatus.FAILED);
        Job failed = source.job(submitted.id()).orElseThrow();
        assertThat(failed.statusMessage()).isEqualTo("Init container prepare failed with exit code 4, so the job did not start");
        assertThat(failed.exitCode()).isNull();
        assertThat(publisher.published.stream().filter(j -> j.id().equals(submitted.id())).map(Job::status))
                .doesNotContain(JobStatus.RUNNING, JobStatus.FINISHED);
    }

    private JobStatus status(String id) {
        return publisher.latest(id).map(Job::status).orElse(null);
    }
}
