package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Paging, 410 Gone, dropped watches, API errors, RBAC, expiry: what a real cluster does to a plugin. */
class ClusterFaultsTest {

    private static final RequestUser ALICE = RequestUser.of("alice");

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(1);

    private InProcessPlugin plugin;
    private RequestMetrics metrics;

    @BeforeEach
    void start() {
        plugin = cluster.plugin();
        metrics = plugin.metrics();
    }

    private KubernetesJobSource source(int fetchLimit, Duration expiry) {
        return plugin.newSource().fetchLimit(fetchLimit).jobExpiry(expiry).backoff(Duration.ofMillis(50), Duration.ofMillis(500)).start();
    }

    private static Job sleeper(String name) {
        return Job.builder().name(name).user("alice").command("sleep 30").build();
    }

    @Test
    void startUpListsInPagesOfFetchLimit() {
        KubernetesJobSource first = source(500, Duration.ofHours(1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(first.submit(ALICE, sleeper("Paged " + i)).id());
        }
        long listsBefore = metrics.counts().getOrDefault("LIST jobs", 0L);

        KubernetesJobSource second = source(2, Duration.ofHours(1));

        assertThat(metrics.counts().get("LIST jobs") - listsBefore).isEqualTo(3); // 2 + 2 + 1
        assertThat(second.jobs(JobQuery.visibleTo(RequestUser.of(RequestUser.ALL_USERS)))).extracting(Job::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anExpiredResourceVersionMakesTheCacheListAgainAndMissNothing() {
        KubernetesJobSource source = source(500, Duration.ofHours(1));
        cluster.scenarios().dropWatchesEvery(Duration.ofMillis(700)).expireResourceVersions();

        Job job = source.submit(ALICE, Job.builder().name("Through Gone").user("alice").command("echo done").build());

        await().atMost(Duration.ofSeconds(30)).until(() -> plugin.status(job.id()) == JobStatus.FINISHED);
        cluster.scenarios().expireResourceVersions();
        long lists = metrics.counts().getOrDefault("LIST jobs", 0L);
        await().atMost(Duration.ofSeconds(30)).until(() -> metrics.counts().getOrDefault("LIST jobs", 0L) > lists);
        assertThat(source.job(job.id())).hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(JobStatus.FINISHED));
    }

    @Test
    void theCacheRecoversFromApiErrors() {
        KubernetesJobSource source = source(500, Duration.ofHours(1));
        Job job = source.submit(ALICE, Job.builder().name("Flaky").user("alice").command("sleep 2").build());

        cluster.scenarios().failRequests(0.5).dropWatchesEvery(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(45)).until(() -> plugin.status(job.id()) == JobStatus.FINISHED);
    }

    @Test
    void aRefusedServiceDeletesTheJob() {
        KubernetesJobSource source = source(500, Duration.ofHours(1));
        cluster.scenarios().deny("create", "services");

        assertThatThrownBy(() -> source.submit(ALICE, Job.builder().name("No Service").user("alice").command("sleep 5")
                .exposedPorts(List.of(ExposedPort.tcp(8080))).build()))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN);
                    assertThat(e.getMessage()).contains("Service").contains("not started");
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> plugin.client().batch().v1().jobs().inNamespace("rstudio").list().getItems().isEmpty());
    }

    @Test
    void aMissingPermissionIsNamedAtBootstrap() {
        cluster.scenarios().deny("watch", "jobs");
        assertThatThrownBy(() -> source(500, Duration.ofHours(1)))
                .isInstanceOfSatisfying(PluginException.class, e -> assertThat(e.getMessage())
                        .contains("cannot watch jobs in namespace rstudio"));
    }

    @Test
    void jobExpiryZeroRemovesAFinishedJobOnceItsStatusIsSent() {
        RecordingPublisher publisher = plugin.publisher();
        KubernetesJobSource source = source(500, Duration.ZERO);
        Job job = source.submit(ALICE, Job.builder().name("Short Lived").user("alice").command("true")
                .exposedPorts(List.of(ExposedPort.tcp(8080))).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.removed.contains(job.id()));
        assertThat(publisher.published).anySatisfy(j -> {
            assertThat(j.id()).isEqualTo(job.id());
            assertThat(j.status()).isEqualTo(JobStatus.FINISHED);
        });
        assertThat(source.job(job.id())).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> plugin.client().services().inNamespace("rstudio").list().getItems().isEmpty()
                && plugin.client().pods().inNamespace("rstudio").list().getItems().isEmpty());
    }
}
