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
 * The Events the cache asks for: the routine ones are left on the API server (the CRUD mock server
 * ignores field selectors, so this runs on the SimulatedCluster, which applies them as the API server does).
 */
@ExtendWith(SimulatedClusterExtension.class)
class RoutineEventsTest {

    private final SimulatedCluster cluster;
    private final KubernetesClient client;

    RoutineEventsTest(SimulatedCluster cluster, KubernetesClient client) {
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
        client.batch().v1().jobs().resource(new JobBuilder().withNewMetadata().withName("alpha")
                .addToLabels(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE).endMetadata()
                .withNewSpec().withSuspend(true).withNewTemplate().withNewSpec().addNewContainer().withName(JobObjects.MAIN_CONTAINER)
                .withImage("busybox").endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec().build()).create();
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

    private static List<String> reasons(ClusterCache cache) {
        return cache.objects("alpha").map(o -> o.events().stream().map(Event::getReason).toList()).orElse(List.of());
    }
}
