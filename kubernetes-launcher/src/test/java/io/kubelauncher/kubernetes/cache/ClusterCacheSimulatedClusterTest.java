package io.kubelauncher.kubernetes.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import io.kubelauncher.kubernetes.translate.StatusDeriver;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import io.kubelauncher.testkit.cluster.SimulatedClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ClusterCache} on a SimulatedCluster, where the CRUD mock server falls short: field selectors
 * (which it ignores) and many existing objects (its watches replay them all, and its shutdown then
 * hangs now and then).
 */
@ExtendWith(SimulatedClusterExtension.class)
class ClusterCacheSimulatedClusterTest {

    private final SimulatedCluster cluster;
    private final KubernetesClient client;

    ClusterCacheSimulatedClusterTest(SimulatedCluster cluster, KubernetesClient client) {
        this.cluster = cluster;
        this.client = client;
    }

    private Event about(String jobName, String reason) {
        return new EventBuilder().withNewMetadata().withName(jobName + "." + reason.toLowerCase(Locale.ROOT)).endMetadata()
                .withNewInvolvedObject().withKind("Job").withName(jobName).withNamespace(cluster.namespace()).endInvolvedObject()
                .withReason(reason).withMessage(reason).build();
    }

    @Test
    void noReasonAStatusIsDerivedFromIsLeftOut() {
        assertThat(ClusterCache.ROUTINE_EVENT_REASONS).doesNotContainAnyElementsOf(StatusDeriver.EVENT_REASONS_READ);
    }

    @Test
    void routineEventsAreNeitherListedNorWatched() throws InterruptedException {
        // held: the job controller makes no pods (and no Events of its own) for a suspended Job
        client.batch().v1().jobs().resource(suspended("alpha")).create();
        for (String reason : List.of("Scheduled", "Pulling", "Pulled", "Created", "Started", "FailedCreate", "Killing")) {
            client.v1().events().resource(about("alpha", reason)).create();
        }
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        try (ClusterCache cache = new ClusterCache(client, new CacheSettings(cluster.namespace(), 500, 60, Duration.ofSeconds(20)), scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), new Random(5)))) {
            cache.start();
            assertThat(reasons(cache)).containsExactlyInAnyOrder("Pulling", "FailedCreate");

            client.v1().events().resource(about("alpha", "Completed")).create();
            client.v1().events().resource(about("alpha", "BackOff")).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> reasons(cache).contains("BackOff"));
            assertThat(reasons(cache)).containsExactlyInAnyOrder("Pulling", "FailedCreate", "BackOff");
        } finally {
            scheduler.shutdownNow();
        }
    }

    /**
     * Objects that exist before the plugin starts: a listener must not derive a job from half a view
     * (its Job listed, its pods or Events not yet), once per listed object. It hears of each job when
     * every kind is listed, so whatever it reads then is complete.
     */
    @Test
    void jobsListedAtStartAreAnnouncedWithTheirWholeView() throws InterruptedException {
        List<String> names = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "listed-" + i).toList();
        for (String name : names) {
            client.batch().v1().jobs().resource(suspended(name)).create();
            for (int i = 0; i < 3; i++) {
                cluster.preload(finishedPod(name, name + "-p" + i));
                client.v1().events().resource(new EventBuilder(about(name, "FailedMount")).editMetadata().withName(name + ".e" + i).endMetadata()
                        .editInvolvedObject().withKind("Pod").withName(name + "-p" + i).endInvolvedObject().build()).create();
            }
        }
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
        try (ClusterCache cache = new ClusterCache(client, new CacheSettings(cluster.namespace(), 5, 60, Duration.ofSeconds(20)), scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), new Random(5)))) {
            cache.addListener((jobName, removed) -> {
                if (names.contains(jobName)) {
                    seen.add(jobName + " pods=" + cache.objects(jobName).map(o -> o.pods().size()).orElse(-1)
                            + " events=" + cache.objects(jobName).map(o -> o.events().size()).orElse(-1));
                }
            });

            cache.start();

            // pages of 5: each kind is listed in several pages, so without the rule a listener would hear of jobs early
            assertThat(List.copyOf(seen)).hasSize(names.size()).allSatisfy(line -> assertThat(line).endsWith(" pods=3 events=3"))
                    .extracting(line -> line.substring(0, line.indexOf(' '))).containsExactlyInAnyOrderElementsOf(names);
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static io.fabric8.kubernetes.api.model.batch.v1.Job suspended(String name) {
        return new JobBuilder().withNewMetadata().withName(name).addToLabels(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE).endMetadata()
                .withNewSpec().withSuspend(true).withNewTemplate().withNewSpec().addNewContainer().withName(JobObjects.MAIN_CONTAINER)
                .withImage("busybox").endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec().build();
    }

    /** A pod that ran to its end before the plugin started: bound, Succeeded, so no kubelet runs it again. */
    private tools.jackson.databind.node.ObjectNode finishedPod(String jobName, String podName) {
        io.fabric8.kubernetes.api.model.Pod pod = new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName(podName)
                .withNamespace(cluster.namespace()).addToLabels(LauncherKeys.JOB_NAME, jobName).endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName(JobObjects.MAIN_CONTAINER).withImage("busybox").endContainer()
                .endSpec().withNewStatus().withPhase("Succeeded").endStatus().build();
        return (tools.jackson.databind.node.ObjectNode) tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(client.getKubernetesSerialization().asJson(pod));
    }

    private static List<String> reasons(ClusterCache cache) {
        return cache.objects("alpha").map(o -> o.events().stream().map(Event::getReason).toList()).orElse(List.of());
    }
}
