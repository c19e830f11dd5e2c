package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KubernetesJobSource} against {@link SimulatedCluster}: HTTPS with its own CA and a bearer
 * token, a Job controller and a kubelet that run containers as local processes.
 */
class KubernetesJobSourceSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");
    private static final Duration LAUNCH_GRACE = Duration.ofSeconds(3);

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(2);

    private InProcessPlugin plugin;
    private RequestMetrics metrics;
    private KubernetesJobSource source;
    private RecordingPublisher publisher;

    @BeforeEach
    void start() {
        plugin = cluster.plugin();
        metrics = plugin.metrics();
        publisher = plugin.publisher();
        source = plugin.newSource().launchGrace(LAUNCH_GRACE).start();
    }

    /** A second source in the same process: same client, counts and publisher (the first one is shut down). */
    private void restarted(boolean sharedProcessNamespace, Duration stopGrace) {
        source.shutdown();
        source = plugin.newSource().launchGrace(LAUNCH_GRACE).shareProcessNamespace(sharedProcessNamespace).stopGrace(stopGrace).start();
    }

    @Test
    void aShellCommandRunsToFinishedAndItsOutputIsStreamed() throws Exception {
        Map<String, Long> before = metrics.counts();
        Job submitted = source.submit(ALICE, Job.builder().name("Echo").user("alice").command("echo").args(List.of("hello", "world")).build());
        Map<String, Long> afterSubmit = metrics.counts();
        assertThat(afterSubmit.getOrDefault("POST jobs", 0L) - before.getOrDefault("POST jobs", 0L)).isEqualTo(1);
        assertThat(afterSubmit.keySet()).doesNotContain("POST services");

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.FINISHED);
        Job finished = source.job(submitted.id()).orElseThrow();
        assertThat(finished.exitCode()).isEqualTo(0);
        assertThat(finished.host()).isNotEmpty();

        Map<String, Long> beforeOutput = metrics.counts();
        RecordingOutput output = new RecordingOutput();
        source.streamOutput(ALICE, finished, OutputType.MIXED, output);
        assertThat(output.ended.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(output.text.toString()).isEqualTo("hello world\n");
        assertThat(output.completions.get()).isEqualTo(1);
        // one request for the output: the log itself, without Fabric8's LIST of the pod before it
        Map<String, Long> afterOutput = metrics.counts();
        assertThat(afterOutput.get("GET pods/log") - beforeOutput.getOrDefault("GET pods/log", 0L)).isEqualTo(1);
        assertThat(afterOutput.get("LIST pods")).isEqualTo(beforeOutput.get("LIST pods"));
    }

    @Test
    void stdinReachesTheProcessAndANonZeroExitIsFinished() throws Exception {
        Job submitted = source.submit(ALICE, Job.builder().name("Script").user("alice").exe("/bin/sh")
                .stdin("echo from stdin\nexit 3\n").build());
        RecordingOutput output = new RecordingOutput();
        source.streamOutput(ALICE, submitted, OutputType.MIXED, output);

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.FINISHED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isEqualTo(3);
        assertThat(output.ended.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(output.text.toString()).isEqualTo("from stdin\n");
        assertThat(output.completions.get()).isEqualTo(1);
    }

    @Test
    void aLiveOutputStreamFollowsAndCompletesOnce() throws Exception {
        Job submitted = source.submit(ALICE, Job.builder().name("Counter").user("alice")
                .command("for i in 1 2 3; do echo line $i; sleep 0.3; done").build());
        RecordingOutput output = new RecordingOutput();
        source.streamOutput(ALICE, submitted, OutputType.MIXED, output);

        assertThat(output.ended.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output.text.toString()).isEqualTo("line 1\nline 2\nline 3\n");
        assertThat(output.completions.get()).isEqualTo(1);
        assertThat(output.failure).isNull();
    }

    @Test
    void stopWithASharedProcessNamespaceSignalsTheProcessesAndKeepsThePodAndItsOutput() throws Exception {
        Job submitted = source.submit(ALICE, Job.builder().name("Sleeper").user("alice").command("echo started; sleep 60").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);
        Map<String, Long> before = metrics.counts();

        var result = source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.STOP);

        assertThat(result.operationComplete()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.FINISHED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isEqualTo(143);
        Map<String, Long> after = metrics.counts();
        assertThat(after.getOrDefault("GET pods/exec", 0L) - before.getOrDefault("GET pods/exec", 0L)).isEqualTo(1);
        assertThat(after.getOrDefault("DELETE pods", 0L)).isEqualTo(before.getOrDefault("DELETE pods", 0L));
        assertThat(cluster.client().pods().inNamespace("rstudio").withLabel("job-name", submitted.id()).list().getItems()).hasSize(1);
        RecordingOutput output = new RecordingOutput();
        source.streamOutput(ALICE, source.job(submitted.id()).orElseThrow(), OutputType.MIXED, output);
        assertThat(output.ended.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(output.text.toString()).isEqualTo("started\n");
    }

    @Test
    void stopWithASharedProcessNamespaceSendsSigkillWhenTheGracePeriodEnds() {
        restarted(true, Duration.ofMillis(500));
        // ignored signals stay ignored across exec, so the shell and its sleeps all ignore SIGTERM
        Job submitted = source.submit(ALICE, Job.builder().name("Stubborn").user("alice")
                .command("trap '' TERM; while true; do sleep 1; done").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);

        source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.STOP);

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.FINISHED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isEqualTo(137);
        assertThat(metrics.counts().getOrDefault("GET pods/exec", 0L)).isEqualTo(2);
    }

    @Test
    void stopWithoutASharedProcessNamespaceDeletesThePodWithTheGracePeriod() {
        restarted(false, Duration.ofSeconds(10));
        Job submitted = source.submit(ALICE, Job.builder().name("Sleeper").user("alice").command("sleep 60").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);
        assertThat(cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(submitted.id()).get()
                .getSpec().getTemplate().getSpec().getShareProcessNamespace()).isFalse();

        source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.STOP);

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.FINISHED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isEqualTo(143);
        assertThat(metrics.counts()).containsEntry("DELETE pods", 1L).doesNotContainKey("GET pods/exec");
    }

    @Test
    void killEndsKilledWith137() {
        Job submitted = source.submit(ALICE, Job.builder().name("Sleeper").user("alice").command("sleep 60").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);

        source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.KILL);

        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.KILLED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isEqualTo(137);
    }

    @Test
    void anImageThatCannotBePulledFailsAfterTheGracePeriod() {
        cluster.scenarios().failImagePulls("r-session:4.9");
        Job submitted = source.submit(ALICE, Job.builder().name("Bad Image").user("alice").command("true")
                .container(io.kubelauncher.api.model.Container.of("r-session:4.9")).build());

        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.latest(submitted.id())
                .map(j -> j.status() == JobStatus.PENDING && j.statusMessage() != null && j.statusMessage().startsWith("Image 'r-session:4.9' could not be pulled"))
                .orElse(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.FAILED);
        assertThat(source.job(submitted.id()).orElseThrow().statusMessage()).startsWith("Image 'r-session:4.9' could not be pulled");
    }

    @Test
    void resourceFiguresAreStreamedWhileRunningThenComplete() throws Exception {
        // busy until killed, so that CPU time accumulates
        Job submitted = source.submit(ALICE, Job.builder().name("Busy").user("alice").command("while :; do :; done").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);
        java.util.List<io.kubelauncher.api.model.ResourceUtilisation> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch completed = new java.util.concurrent.CountDownLatch(1);
        source.streamResourceUtilisation(source.job(submitted.id()).orElseThrow(), new io.kubelauncher.api.plugin.ResourceSink() {
            @Override
            public void utilisation(io.kubelauncher.api.model.ResourceUtilisation sample) {
                samples.add(sample);
            }

            @Override
            public void complete() {
                completed.countDown();
            }

            @Override
            public void fail(io.kubelauncher.api.plugin.ErrorCode code, String message) {
                throw new AssertionError(code + " " + message);
            }

            @Override
            public boolean isClosed() {
                return completed.getCount() == 0;
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> samples.size() >= 2 && samples.get(samples.size() - 1).cpuTime() > 0);
        assertThat(samples.get(0).residentMemory()).isPositive();
        assertThat(samples).extracting(io.kubelauncher.api.model.ResourceUtilisation::cpuTime).isSorted();
        source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.KILL);
        assertThat(completed.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void exposedPortsArePublishedOnTheServiceNodePortAndTheNodeAddress() {
        Map<String, Long> before = metrics.counts();
        Job submitted = source.submit(ALICE, Job.builder().name("Web").user("alice").command("sleep 30")
                .exposedPorts(List.of(ExposedPort.tcp(8080))).build());
        Map<String, Long> after = metrics.counts();
        assertThat(after.get("POST jobs") - before.getOrDefault("POST jobs", 0L)).isEqualTo(1);
        assertThat(after.get("POST services") - before.getOrDefault("POST services", 0L)).isEqualTo(1);

        assertThat(submitted.exposedPorts()).singleElement().satisfies(p -> assertThat(p.publishedPort()).isNotNull().isBetween(30000, 32767));
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);
        JobNetwork network = source.network(ALICE, source.job(submitted.id()).orElseThrow());
        assertThat(network.host()).isNotEmpty();
        assertThat(network.ipAddresses()).isNotEmpty();
        source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.KILL);
    }

    @Test
    void withoutPermissionToReadNodesTheNetworkIsThePodsHostIp() {
        Job submitted = source.submit(ALICE, Job.builder().name("Web").user("alice").command("sleep 30").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher.status(submitted.id()) == JobStatus.RUNNING);
        cluster.scenarios().deny("get", "nodes");
        io.fabric8.kubernetes.api.model.Pod pod = plugin.client().pods().inNamespace("rstudio").withLabel("job-name", submitted.id()).list().getItems().get(0);

        JobNetwork network = source.network(ALICE, source.job(submitted.id()).orElseThrow());
        assertThat(network.host()).isEqualTo(pod.getSpec().getNodeName());
        assertThat(network.ipAddresses()).containsExactly(pod.getStatus().getHostIP());
        // asked again: the same answer (the missing permission is logged once)
        assertThat(source.network(ALICE, source.job(submitted.id()).orElseThrow())).isEqualTo(network);
        cluster.scenarios().reset();
        source.control(ALICE, source.job(submitted.id()).orElseThrow(), JobOperation.KILL);
    }
}
