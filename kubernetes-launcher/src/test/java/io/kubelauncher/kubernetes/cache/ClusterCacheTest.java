package io.kubelauncher.kubernetes.cache;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link ClusterCache} against Fabric8's CRUD mock server: which job each object is filed under. */
class ClusterCacheTest {

    private static final String NS = "rstudio";

    private KubernetesMockServer server;
    private KubernetesClient client;
    private ScheduledExecutorService scheduler;
    private ClusterCache cache;

    @BeforeEach
    void start() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        server.init();
        client = server.createClient();
        scheduler = Executors.newScheduledThreadPool(4);
        cache = new ClusterCache(client, new CacheSettings(NS, 500, 60, Duration.ofSeconds(20)), scheduler,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(500), new Random(5)));
    }

    @AfterEach
    void stop() {
        cache.close();
        scheduler.shutdownNow();
        client.close();
        server.destroy();
    }

    private static Job job(String name) {
        return new JobBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .addToLabels(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE).endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName(JobObjects.MAIN_CONTAINER).withImage("r")
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    /** A pod whose name is not its Job's name plus a suffix: only its owner says which job it is. */
    private static Pod pod(String name, String jobName) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).addToLabels(LauncherKeys.JOB_NAME, jobName)
                .addNewOwnerReference().withKind("Job").withName(jobName).withApiVersion("batch/v1").withUid("u-" + jobName).endOwnerReference()
                .endMetadata().build();
    }

    private static Event eventAbout(String podName, String name) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(podName).withNamespace(NS).endInvolvedObject()
                .withReason("Pulling").withMessage("Pulling image").build();
    }

    /**
     * Starts on an empty namespace and creates the objects while watching: the mock server replays
     * existing objects when a watch starts, which would tell the listener about jobs a second time.
     */
    private List<String> watchedWith(List<Job> jobs, List<Pod> pods) throws InterruptedException {
        List<String> changed = new CopyOnWriteArrayList<>();
        cache.addListener((jobName, removed) -> changed.add(jobName));
        cache.start();
        jobs.forEach(j -> client.batch().v1().jobs().inNamespace(NS).resource(j).create());
        await().atMost(Duration.ofSeconds(10)).until(() -> jobs.stream().allMatch(j -> cache.objects(j.getMetadata().getName()).isPresent()));
        pods.forEach(p -> client.pods().inNamespace(NS).resource(p).create());
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.jobNames().stream()
                .mapToInt(name -> cache.objects(name).map(o -> o.pods().size()).orElse(0)).sum() == pods.size());
        // the listener hears of a change just after the cache holds it
        await().atMost(Duration.ofSeconds(10)).until(() -> changed.size() >= jobs.size() + pods.size());
        changed.clear();
        return changed;
    }

    @Test
    void anEventAboutAPodReachesThePodsJobWhateverThePodIsCalled() throws InterruptedException {
        List<String> changed = watchedWith(List.of(job("alpha"), job("beta")), List.of(pod("worker", "alpha"), pod("beta-extra-name", "beta")));

        client.v1().events().inNamespace(NS).resource(eventAbout("worker", "e1")).create();
        client.v1().events().inNamespace(NS).resource(eventAbout("beta-extra-name", "e2")).create();

        await().atMost(Duration.ofSeconds(10)).until(() -> changed.size() >= 2);
        assertThat(changed).containsExactly("alpha", "beta");
        assertThat(cache.objects("alpha")).hasValueSatisfying(o -> assertThat(o.events()).extracting(e -> e.getMetadata().getName()).containsExactly("e1"));
        assertThat(cache.objects("beta")).hasValueSatisfying(o -> assertThat(o.events()).extracting(e -> e.getMetadata().getName()).containsExactly("e2"));
    }

    @Test
    void aDeletedPodNoLongerFilesEventsUnderItsJob() throws InterruptedException {
        List<String> changed = watchedWith(List.of(job("alpha"), job("beta")), List.of(pod("worker", "alpha")));
        client.pods().inNamespace(NS).withName("worker").delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> changed.contains("alpha"));
        assertThat(cache.objects("alpha")).hasValueSatisfying(o -> assertThat(o.pods()).isEmpty());
        changed.clear();

        // "worker" has no dash: with its pod gone, nothing names a job for it
        client.v1().events().inNamespace(NS).resource(eventAbout("worker", "late")).create();
        client.v1().events().inNamespace(NS).resource(eventAbout("beta-zzz", "marker")).create();

        // Events arrive in order on one watch: once the marker's job heard of it, "late" was handled before
        await().atMost(Duration.ofSeconds(10)).until(() -> changed.contains("beta"));
        assertThat(changed).containsExactly("beta");
    }
}
