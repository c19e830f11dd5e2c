package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cache.Backoff;
import io.kubelauncher.kubernetes.cache.CacheSettings;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.PermissionCheck;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several plugin processes on one namespace (load balancing, Plugin API section 14), and a plugin
 * restarted while its jobs run: each instance is a {@link KubernetesJobSource} with its own client,
 * cache, threads and request counts, on one {@link SimulatedCluster}.
 */
class PluginInstancesSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private SimulatedCluster cluster;
    private final List<Instance> instances = new ArrayList<>();

    /** One plugin process. */
    private final class Instance {
        final RequestMetrics metrics = new RequestMetrics(Clock.systemUTC());
        final RecordingPublisher publisher = new RecordingPublisher();
        final KubernetesClient client;
        final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4);
        final KubernetesJobSource source;
        private boolean closed;

        Instance() {
            // closing drains the work under way (a stdin delivery) but drops timers (expiry, rechecks)
            scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            client = KubernetesClients.create(new ClusterConnection(URI.create(cluster.apiUrl()), cluster::token,
                    Optional.of(cluster.caCertificatePem()), true), "rstudio", metrics);
            ClusterCache cache = new ClusterCache(client, new CacheSettings("rstudio", 500, 30, Duration.ofSeconds(20)), scheduler,
                    new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(7)));
            JsonMapper mapper = JsonMapper.builder().build();
            source = new KubernetesJobSource(client, cache, new PassThroughPolicy(), new BuiltinRenderer(mapper),
                    new SourceSettings("rstudio", "Kubernetes", true, Duration.ofHours(24), Duration.ofSeconds(30), Duration.ofSeconds(10),
                            Duration.ofMillis(500)),
                    Clock.systemUTC(), scheduler, mapper, new PermissionCheck(client, "rstudio")::verify, metrics::takeLatencySample);
            source.bootstrap(new BootstrapContext(new Version(3, 7, 0), publisher));
            instances.add(this);
        }

        JobStatus status(String id) {
            return publisher.latest(id).map(Job::status).orElse(null);
        }

        long requests(String what) {
            return metrics.counts().getOrDefault(what, 0L);
        }

        void close() throws InterruptedException {
            if (closed) {
                return;
            }
            closed = true;
            source.shutdown();
            scheduler.shutdown();
            assertThat(scheduler.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            client.close();
        }
    }

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(2).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Instance instance : instances) {
            instance.close();
        }
        cluster.close();
    }

    private static Job sleeper(String name) {
        return Job.builder().name(name).user("alice").command("sleep 60").build();
    }

    @Test
    void twoInstancesListTheSameJobsWithTheSameStatusesAndSeeEachOthersControl() {
        Instance a = new Instance();
        Instance b = new Instance();
        Job first = a.source.submit(ALICE, sleeper("First"));
        Job second = b.source.submit(ALICE, sleeper("Second"));
        await().atMost(WAIT).until(() -> a.status(first.id()) == JobStatus.RUNNING && a.status(second.id()) == JobStatus.RUNNING
                && b.status(first.id()) == JobStatus.RUNNING && b.status(second.id()) == JobStatus.RUNNING);
        assertThat(ids(a)).containsExactly(first.id(), second.id()).isEqualTo(ids(b));

        b.source.control(ALICE, b.source.job(first.id()).orElseThrow(), JobOperation.KILL);
        a.source.control(ALICE, a.source.job(second.id()).orElseThrow(), JobOperation.STOP);

        await().atMost(WAIT).until(() -> a.status(first.id()) == JobStatus.KILLED && b.status(first.id()) == JobStatus.KILLED
                && a.status(second.id()) == JobStatus.FINISHED && b.status(second.id()) == JobStatus.FINISHED);
        for (String id : List.of(first.id(), second.id())) {
            Job seenByA = a.source.job(id).orElseThrow();
            Job seenByB = b.source.job(id).orElseThrow();
            assertThat(seenByB).usingRecursiveComparison().isEqualTo(seenByA);
        }
        assertThat(a.source.job(first.id()).orElseThrow().exitCode()).isEqualTo(137);
        assertThat(b.source.job(second.id()).orElseThrow().exitCode()).isEqualTo(143);
    }

    private static List<String> ids(Instance instance) {
        return instance.source.jobs(JobQuery.visibleTo(ALICE)).stream().map(Job::id).sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void twoInstancesThatSeeThePodStartDeliverItsStdinOnce() throws Exception {
        Instance a = new Instance();
        Instance b = new Instance();
        Job submitted = a.source.submit(ALICE, Job.builder().name("Script").user("alice").exe("/bin/sh")
                .stdin("echo from stdin\nexit 3\n").build());

        await().atMost(WAIT).until(() -> a.status(submitted.id()) == JobStatus.FINISHED && b.status(submitted.id()) == JobStatus.FINISHED);
        a.close();
        b.close();
        assertThat(a.requests("GET pods/attach") + b.requests("GET pods/attach")).isEqualTo(1);
        assertThat(cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(submitted.id()).get()
                .getMetadata().getAnnotations()).containsKey(LauncherKeys.STDIN_CLAIMED);
        assertThat(output(new Instance(), submitted.id())).isEqualTo("from stdin\n");
    }

    @Test
    void aPluginRestartedBeforeThePodStartsDeliversTheStdinAndTheNextRestartDoesNotResendIt() throws Exception {
        // the pod waits a second for a node: the submitting instance is gone long before it runs
        cluster.scenarios().delayScheduling(Duration.ofSeconds(1));
        Instance submitter = new Instance();
        Job submitted = submitter.source.submit(ALICE, Job.builder().name("Session").user("alice").exe("/bin/sh")
                .stdin("echo from stdin\nsleep 60\n").build());
        submitter.close();
        assertThat(submitter.requests("GET pods/attach")).isZero();

        Instance restarted = new Instance();
        await().atMost(WAIT).until(() -> restarted.status(submitted.id()) == JobStatus.RUNNING);
        await().atMost(WAIT).until(() -> restarted.requests("GET pods/attach") == 1);
        restarted.close();

        Instance again = new Instance();
        await().atMost(WAIT).until(() -> again.status(submitted.id()) == JobStatus.RUNNING);
        // stopped, not killed: with a shared process namespace the pod, and so its log, stays
        again.source.control(ALICE, again.source.job(submitted.id()).orElseThrow(), JobOperation.STOP);
        await().atMost(WAIT).until(() -> again.status(submitted.id()) == JobStatus.FINISHED);
        String output = output(again, submitted.id());
        again.close();
        // every change of the job went through its stdin writer, and its threads are drained: no second claim, no attach
        assertThat(again.requests("GET pods/attach")).isZero();
        assertThat(again.requests("PATCH jobs")).isEqualTo(1); // the stop's record
        assertThat(output).isEqualTo("from stdin\n");
    }

    private static String output(Instance instance, String id) throws InterruptedException {
        RecordingOutput output = new RecordingOutput();
        instance.source.streamOutput(ALICE, instance.source.job(id).orElseThrow(), OutputType.MIXED, output);
        assertThat(output.ended.await(20, TimeUnit.SECONDS)).isTrue();
        return output.text.toString();
    }
}
