package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cache.Backoff;
import io.kubelauncher.kubernetes.cache.CacheSettings;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.PermissionCheck;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
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

/** Paging, 410 Gone, dropped watches, API errors, RBAC, expiry: what a real cluster does to a plugin. */
class ClusterFaultsTest {

    private static final RequestUser ALICE = RequestUser.of("alice");

    private SimulatedCluster cluster;
    private KubernetesClient client;
    private ScheduledExecutorService scheduler;
    private RequestMetrics metrics;
    private final List<KubernetesJobSource> sources = new ArrayList<>();

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start();
        metrics = new RequestMetrics(Clock.systemUTC());
        client = KubernetesClients.create(new ClusterConnection(URI.create(cluster.apiUrl()), cluster::token,
                Optional.of(cluster.caCertificatePem()), true), "rstudio", metrics);
        scheduler = Executors.newScheduledThreadPool(4);
    }

    private KubernetesJobSource source(int fetchLimit, Duration expiry, RecordingPublisher publisher) {
        ClusterCache cache = new ClusterCache(client, new CacheSettings("rstudio", fetchLimit, 5, Duration.ofSeconds(20)), scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), new Random(5)));
        JsonMapper mapper = JsonMapper.builder().build();
        KubernetesJobSource source = new KubernetesJobSource(client, cache, new PassThroughPolicy(), new BuiltinRenderer(mapper),
                new SourceSettings("rstudio", "Kubernetes", true, expiry, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(1)),
                Clock.systemUTC(), scheduler, mapper, new PermissionCheck(client, "rstudio")::verify, metrics::takeLatencySample);
        sources.add(source);
        source.bootstrap(new BootstrapContext(new Version(3, 7, 0), publisher));
        return source;
    }

    @AfterEach
    void stop() throws InterruptedException {
        sources.forEach(KubernetesJobSource::shutdown);
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        client.close();
        cluster.close();
    }

    private static Job sleeper(String name) {
        return Job.builder().name(name).user("alice").command("sleep 30").build();
    }

    @Test
    void startUpListsInPagesOfFetchLimit() {
        KubernetesJobSource first = source(500, Duration.ofHours(1), new RecordingPublisher());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(first.submit(ALICE, sleeper("Paged " + i)).id());
        }
        long listsBefore = metrics.counts().getOrDefault("LIST jobs", 0L);

        KubernetesJobSource second = source(2, Duration.ofHours(1), new RecordingPublisher());

        assertThat(metrics.counts().get("LIST jobs") - listsBefore).isEqualTo(3); // 2 + 2 + 1
        assertThat(second.jobs(JobQuery.visibleTo(RequestUser.of(RequestUser.ALL_USERS)))).extracting(Job::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anExpiredResourceVersionMakesTheCacheListAgainAndMissNothing() {
        RecordingPublisher publisher = new RecordingPublisher();
        KubernetesJobSource source = source(500, Duration.ofHours(1), publisher);
        cluster.scenarios().dropWatchesEvery(Duration.ofMillis(700)).expireResourceVersions();

        Job job = source.submit(ALICE, Job.builder().name("Through Gone").user("alice").command("echo done").build());

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.latest(job.id()).map(Job::status).orElse(null) == JobStatus.FINISHED);
        cluster.scenarios().expireResourceVersions();
        long lists = metrics.counts().getOrDefault("LIST jobs", 0L);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.counts().getOrDefault("LIST jobs", 0L) > lists);
        assertThat(source.job(job.id())).hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(JobStatus.FINISHED));
    }

    @Test
    void theCacheRecoversFromApiErrors() {
        RecordingPublisher publisher = new RecordingPublisher();
        KubernetesJobSource source = source(500, Duration.ofHours(1), publisher);
        Job job = source.submit(ALICE, Job.builder().name("Flaky").user("alice").command("sleep 2").build());

        cluster.scenarios().failRequests(0.5).dropWatchesEvery(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(45)).until(() -> publisher.latest(job.id()).map(Job::status).orElse(null) == JobStatus.FINISHED);
    }

    @Test
    void aRefusedServiceDeletesTheJob() {
        KubernetesJobSource source = source(500, Duration.ofHours(1), new RecordingPublisher());
        cluster.scenarios().deny("create", "services");

        assertThatThrownBy(() -> source.submit(ALICE, Job.builder().name("No Service").user("alice").command("sleep 5")
                .exposedPorts(List.of(ExposedPort.tcp(8080))).build()))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN);
                    assertThat(e.getMessage()).contains("Service").contains("not started");
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> client.batch().v1().jobs().inNamespace("rstudio").list().getItems().isEmpty());
    }

    @Test
    void aMissingPermissionIsNamedAtBootstrap() {
        cluster.scenarios().deny("watch", "jobs");
        assertThatThrownBy(() -> source(500, Duration.ofHours(1), new RecordingPublisher()))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.getMessage())
                        .contains("cannot watch jobs in namespace rstudio"));
    }

    @Test
    void jobExpiryZeroRemovesAFinishedJobOnceItsStatusIsSent() {
        RecordingPublisher publisher = new RecordingPublisher();
        KubernetesJobSource source = source(500, Duration.ZERO, publisher);
        Job job = source.submit(ALICE, Job.builder().name("Short Lived").user("alice").command("true")
                .exposedPorts(List.of(ExposedPort.tcp(8080))).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.removed.contains(job.id()));
        assertThat(publisher.published).anySatisfy(j -> {
            assertThat(j.id()).isEqualTo(job.id());
            assertThat(j.status()).isEqualTo(JobStatus.FINISHED);
        });
        assertThat(source.job(job.id())).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.services().inNamespace("rstudio").list().getItems().isEmpty()
                && client.pods().inNamespace("rstudio").list().getItems().isEmpty());
    }
}
