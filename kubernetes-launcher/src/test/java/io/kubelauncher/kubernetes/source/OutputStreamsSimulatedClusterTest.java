package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many concurrent output streams against {@link SimulatedCluster}: what they cost in threads. */
class OutputStreamsSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int STREAMS = 60;

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(1);

    private InProcessPlugin plugin;
    private KubernetesJobSource source;

    @BeforeEach
    void start() {
        plugin = cluster.plugin();
        source = plugin.newSource().start();
    }

    @Test
    void followingManyLogsHoldsNoThreadPerStream() {
        Job submitted = source.submit(ALICE, Job.builder().name("Talker").user("alice").command("echo ready; sleep 60").build());
        await().atMost(WAIT).until(() -> plugin.status(submitted.id()) == JobStatus.RUNNING);
        Job job = source.job(submitted.id()).orElseThrow();
        // one stream first, so that the HTTP client's own threads exist before counting
        RecordingOutput warm = new RecordingOutput();
        StreamHandle warmHandle = source.streamOutput(ALICE, job, OutputType.MIXED, warm);
        await().atMost(WAIT).until(() -> warm.text.toString().equals("ready\n"));
        Set<Thread> before = Thread.getAllStackTraces().keySet();

        List<RecordingOutput> outputs = new ArrayList<>();
        List<StreamHandle> handles = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            RecordingOutput output = new RecordingOutput();
            outputs.add(output);
            handles.add(source.streamOutput(ALICE, job, OutputType.MIXED, output));
        }
        await().atMost(WAIT).until(() -> outputs.stream().allMatch(o -> o.text.toString().equals("ready\n")));
        // Threads that appeared meanwhile: Fabric8's JDK HTTP client runs callbacks on a cached pool,
        // which grows under a burst of connections and shrinks when idle; what must not be there is a
        // thread that stays busy, or waits, on behalf of one follow.
        // (a worker may be busy for a moment with a cache event: what is held by a stream stays held)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(heldThreads(before)).as("threads busy or waiting for one of %s follows", STREAMS).isEmpty());
        System.err.println(STREAMS + " concurrent log follows: " + before.size() + " threads before, "
                + (Thread.getAllStackTraces().size() - before.size()) + " more while following, none of them held by a stream");
        assertThat(outputs).allMatch(o -> o.completions.get() == 0 && o.failure == null);

        handles.forEach(StreamHandle::cancel);
        warmHandle.cancel();
        source.control(ALICE, job, JobOperation.KILL);
        assertThat(outputs).allMatch(o -> o.completions.get() == 0);
    }

    private static List<String> heldThreads(Set<Thread> before) {
        Map<Thread, StackTraceElement[]> added = new HashMap<>(Thread.getAllStackTraces());
        added.keySet().removeAll(before);
        added.remove(Thread.currentThread()); // awaitility's poller
        List<String> held = new ArrayList<>();
        added.forEach((thread, stack) -> {
            boolean idlePoolWorker = Arrays.stream(stack).anyMatch(f -> f.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
                    && f.getMethodName().equals("getTask"));
            boolean simulatedCluster = thread.getName().startsWith("vert.x-");
            if (!idlePoolWorker && !simulatedCluster) {
                held.add(thread.getName() + " " + thread.getState() + " " + Arrays.toString(stack));
            }
        });
        return held;
    }
}
