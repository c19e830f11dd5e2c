package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resource streams against {@link SimulatedCluster}, with the metrics API seen through a reader that
 * numbers its answers (the n-th PodMetrics answered reports n MiB of memory), so that a test can tell
 * which poll a stream's figures came from.
 */
class ResourceStreamsSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(1);

    private InProcessPlugin plugin;
    private KubernetesJobSource source;
    private NumberedMetrics metrics;

    @BeforeEach
    void start() {
        plugin = cluster.plugin();
        metrics = new NumberedMetrics(PodMetricsReader.of(plugin.client()));
        source = plugin.newSource().resourceInterval(Duration.ofMillis(100)).podMetrics(metrics, Duration.ofSeconds(10)).start();
    }

    private Job running(Job.Builder job) {
        Job submitted = source.submit(ALICE, job.user("alice").build());
        await().atMost(WAIT).until(() -> plugin.status(submitted.id()) == JobStatus.RUNNING);
        return source.job(submitted.id()).orElseThrow();
    }

    @Test
    void streamsOfOneJobShareOnePollerThatRunsOnlyWhileOneIsOpen() {
        Job job = running(Job.builder().name("Sleeper").command("sleep 60"));
        Job other = running(Job.builder().name("Other").command("sleep 60"));
        assertThat(source.sampledJobs()).isZero();

        Sink first = new Sink();
        StreamHandle firstHandle = source.streamResourceUtilisation(job, first);
        await().atMost(WAIT).until(() -> first.samples.size() >= 2);
        Sink second = new Sink();
        StreamHandle secondHandle = source.streamResourceUtilisation(job, second);
        await().atMost(WAIT).until(() -> second.samples.size() >= 3);
        assertThat(source.sampledJobs()).isEqualTo(1);

        // one poller: the first stream saw every answer in turn, the second a run of the same answers
        List<Double> seenByFirst = first.memory();
        List<Double> seenBySecond = second.memory();
        for (int i = 1; i < seenByFirst.size(); i++) {
            assertThat(seenByFirst.get(i)).as("answers seen by the first stream: %s", seenByFirst).isEqualTo(seenByFirst.get(i - 1) + 1);
        }
        assertThat(seenByFirst).containsSubsequence(seenBySecond.subList(0, 3));

        firstHandle.cancel();
        int afterFirstLeft = second.samples.size();
        await().atMost(WAIT).until(() -> second.samples.size() > afterFirstLeft);
        assertThat(source.sampledJobs()).isEqualTo(1);
        secondHandle.cancel();
        assertThat(source.sampledJobs()).isZero();

        // a stream of another job polls that job only; the stopped poller does not come back
        Sink third = new Sink();
        StreamHandle thirdHandle = source.streamResourceUtilisation(other, third);
        await().atMost(WAIT).until(() -> third.samples.size() >= 2);
        assertThat(source.sampledJobs()).isEqualTo(1);
        assertThat(metrics.podsAsked).containsOnly(job.id(), other.id());
        thirdHandle.cancel();
        assertThat(source.sampledJobs()).isZero();
        source.control(ALICE, job, JobOperation.KILL);
        source.control(ALICE, other, JobOperation.KILL);
    }

    @Test
    void cpuPercentIsOfTheCpuLimitOrOfOneCoreWithoutOne() {
        metrics.cpu = "250m";
        Job limited = running(Job.builder().name("Limited").command("sleep 60")
                .resourceLimits(List.of(ResourceLimit.requested(ResourceLimit.CPU_COUNT, "0.5"))));
        Job unlimited = running(Job.builder().name("Unlimited").command("sleep 60"));
        Sink ofLimit = new Sink();
        Sink ofCore = new Sink();
        source.streamResourceUtilisation(limited, ofLimit);
        source.streamResourceUtilisation(unlimited, ofCore);
        await().atMost(WAIT).until(() -> !ofLimit.samples.isEmpty() && !ofCore.samples.isEmpty());
        assertThat(ofLimit.samples.get(0).cpuPercent()).isEqualTo(50.0);
        assertThat(ofCore.samples.get(0).cpuPercent()).isEqualTo(25.0);

        source.control(ALICE, limited, JobOperation.KILL);
        await().atMost(WAIT).until(() -> ofLimit.completions.get() == 1);
        source.control(ALICE, unlimited, JobOperation.KILL);
        await().atMost(WAIT).until(() -> ofCore.completions.get() == 1);
        assertThat(ofLimit.failures).isEmpty();
        assertThat(source.sampledJobs()).isZero();
    }

    @Test
    void withoutMetricsServerEachStreamGetsOneClearErrorAndNothingIsPolled() {
        Job job = running(Job.builder().name("Sleeper").command("sleep 60"));
        metrics.failure = new KubernetesClientException("the server could not find the requested resource", 404, null);
        metrics.served = false;
        for (int stream = 1; stream <= 2; stream++) {
            Sink sink = new Sink();
            source.streamResourceUtilisation(job, sink);
            await().atMost(WAIT).until(() -> !sink.failures.isEmpty());
            assertThat(sink.failures).singleElement().asString()
                    .isEqualTo("REQUEST_NOT_SUPPORTED Resource use is not available: this cluster does not serve the metrics API "
                            + "(metrics.k8s.io); install metrics-server to stream CPU and memory figures");
            assertThat(sink.samples).isEmpty();
            assertThat(sink.completions).hasValue(0);
            assertThat(metrics.calls).hasValue(stream);
            assertThat(source.sampledJobs()).isZero();
        }
        source.control(ALICE, job, JobOperation.KILL);
    }

    @Test
    void aPodThatNeverGetsMetricsEndsItsStreamOnceAfterTheGracePeriod() {
        Job job = running(Job.builder().name("Sleeper").command("sleep 60"));
        metrics.failure = new KubernetesClientException("podmetrics.metrics.k8s.io \"x\" not found", 404, null);
        Sink sink = new Sink();
        source.streamResourceUtilisation(job, sink);
        await().atMost(WAIT).until(() -> !sink.failures.isEmpty());
        // 10 s grace at one poll every 100 ms
        assertThat(metrics.calls).hasValue(100);
        assertThat(sink.failures).singleElement().asString().startsWith("UNKNOWN No resource figures for job " + job.id()
                + ": the metrics API has had no PodMetrics for pod " + job.id()).endsWith("in 100 attempts; is metrics-server scraping the pod's node?");
        assertThat(source.sampledJobs()).isZero();
        source.control(ALICE, job, JobOperation.KILL);
    }

    @Test
    void withoutPermissionToReadPodMetricsTheErrorNamesIt() {
        Job job = running(Job.builder().name("Sleeper").command("sleep 60"));
        cluster.scenarios().deny("get", "pods");
        Sink sink = new Sink();
        source.streamResourceUtilisation(job, sink);
        await().atMost(WAIT).until(() -> !sink.failures.isEmpty());
        assertThat(sink.failures).singleElement().asString().startsWith("UNKNOWN Not permitted to read the resource use of job "
                + job.id() + ": the service account needs 'get' on 'pods' in API group 'metrics.k8s.io' in namespace 'rstudio' (");
        assertThat(metrics.calls).hasValue(1);
        assertThat(sink.samples).isEmpty();
        cluster.scenarios().reset();
        source.control(ALICE, job, JobOperation.KILL);
    }

    /** The real metrics API, with each answer numbered in its memory figure (n MiB), a CPU rate to report, or a failure. */
    private static final class NumberedMetrics implements PodMetricsReader {
        final PodMetricsReader real;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger answers = new AtomicInteger();
        final List<String> podsAsked = new CopyOnWriteArrayList<>();
        volatile KubernetesClientException failure;
        volatile boolean served = true;
        volatile String cpu;

        NumberedMetrics(PodMetricsReader real) {
            this.real = real;
        }

        @Override
        public PodMetrics pod(String namespace, String name) {
            calls.incrementAndGet();
            podsAsked.add(name.substring(0, name.lastIndexOf('-')));
            if (failure != null) {
                throw failure;
            }
            PodMetrics answer = real.pod(namespace, name);
            int n = answers.incrementAndGet();
            answer.getContainers().forEach(c -> {
                c.getUsage().put("memory", new Quantity(n + "Mi"));
                if (cpu != null) {
                    c.getUsage().put("cpu", new Quantity(cpu));
                }
            });
            return answer;
        }

        @Override
        public boolean served() {
            return served;
        }
    }

    private static final class Sink implements ResourceSink {
        final List<ResourceUtilisation> samples = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger completions = new AtomicInteger();

        @Override
        public void utilisation(ResourceUtilisation sample) {
            samples.add(sample);
        }

        @Override
        public void complete() {
            completions.incrementAndGet();
        }

        @Override
        public void fail(ErrorCode code, String message) {
            failures.add(code + " " + message);
        }

        @Override
        public boolean isClosed() {
            return completions.get() > 0 || !failures.isEmpty();
        }

        List<Double> memory() {
            return samples.stream().map(ResourceUtilisation::residentMemory).toList();
        }
    }
}
