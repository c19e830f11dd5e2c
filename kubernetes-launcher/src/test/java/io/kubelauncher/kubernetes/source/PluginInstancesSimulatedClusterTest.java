package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

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

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(2);

    /** A plugin process, its source started. */
    private InProcessPlugin instance() {
        InProcessPlugin plugin = cluster.plugin();
        plugin.newSource().watchTimeoutSeconds(30).start();
        return plugin;
    }

    private static Job sleeper(String name) {
        return Job.builder().name(name).user("alice").command("sleep 60").build();
    }

    @Test
    void twoInstancesListTheSameJobsWithTheSameStatusesAndSeeEachOthersControl() {
        InProcessPlugin a = instance();
        InProcessPlugin b = instance();
        Job first = a.source().submit(ALICE, sleeper("First"));
        Job second = b.source().submit(ALICE, sleeper("Second"));
        await().atMost(WAIT).until(() -> a.status(first.id()) == JobStatus.RUNNING && a.status(second.id()) == JobStatus.RUNNING
                && b.status(first.id()) == JobStatus.RUNNING && b.status(second.id()) == JobStatus.RUNNING);
        assertThat(ids(a)).containsExactly(first.id(), second.id()).isEqualTo(ids(b));

        b.source().control(ALICE, b.source().job(first.id()).orElseThrow(), JobOperation.KILL);
        a.source().control(ALICE, a.source().job(second.id()).orElseThrow(), JobOperation.STOP);

        await().atMost(WAIT).until(() -> a.status(first.id()) == JobStatus.KILLED && b.status(first.id()) == JobStatus.KILLED
                && a.status(second.id()) == JobStatus.FINISHED && b.status(second.id()) == JobStatus.FINISHED);
        for (String id : List.of(first.id(), second.id())) {
            Job seenByA = a.source().job(id).orElseThrow();
            Job seenByB = b.source().job(id).orElseThrow();
            assertThat(seenByB).usingRecursiveComparison().isEqualTo(seenByA);
        }
        assertThat(a.source().job(first.id()).orElseThrow().exitCode()).isEqualTo(137);
        assertThat(b.source().job(second.id()).orElseThrow().exitCode()).isEqualTo(143);
    }

    private static List<String> ids(InProcessPlugin instance) {
        return instance.source().jobs(JobQuery.visibleTo(ALICE)).stream().map(Job::id).sorted(Comparator.naturalOrder()).toList();
    }

    @Test
    void twoInstancesThatSeeThePodStartDeliverItsStdinOnce() throws Exception {
        InProcessPlugin a = instance();
        InProcessPlugin b = instance();
        Job submitted = a.source().submit(ALICE, Job.builder().name("Script").user("alice").exe("/bin/sh")
                .stdin("echo from stdin\nexit 3\n").build());

        await().atMost(WAIT).until(() -> a.status(submitted.id()) == JobStatus.FINISHED && b.status(submitted.id()) == JobStatus.FINISHED);
        a.close();
        b.close();
        assertThat(a.requests("GET pods/attach") + b.requests("GET pods/attach")).isEqualTo(1);
        assertThat(cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(submitted.id()).get()
                .getMetadata().getAnnotations()).containsKey(LauncherKeys.STDIN_CLAIMED);
        assertThat(instance().output(submitted.id())).isEqualTo("from stdin\n");
    }

    @Test
    void aPluginRestartedBeforeThePodStartsDeliversTheStdinAndTheNextRestartDoesNotResendIt() throws Exception {
        // the pod waits a second for a node: the submitting instance is gone long before it runs
        cluster.scenarios().delayScheduling(Duration.ofSeconds(1));
        InProcessPlugin submitter = instance();
        Job submitted = submitter.source().submit(ALICE, Job.builder().name("Session").user("alice").exe("/bin/sh")
                .stdin("echo from stdin\nsleep 60\n").build());
        submitter.close();
        assertThat(submitter.requests("GET pods/attach")).isZero();

        InProcessPlugin restarted = instance();
        await().atMost(WAIT).until(() -> restarted.status(submitted.id()) == JobStatus.RUNNING);
        await().atMost(WAIT).until(() -> restarted.requests("GET pods/attach") == 1);
        restarted.close();

        InProcessPlugin again = instance();
        await().atMost(WAIT).until(() -> again.status(submitted.id()) == JobStatus.RUNNING);
        // stopped, not killed: with a shared process namespace the pod, and so its log, stays
        again.source().control(ALICE, again.source().job(submitted.id()).orElseThrow(), JobOperation.STOP);
        await().atMost(WAIT).until(() -> again.status(submitted.id()) == JobStatus.FINISHED);
        String output = again.output(submitted.id());
        again.close();
        // every change of the job went through its stdin writer, and its threads are drained: no second claim, no attach
        assertThat(again.requests("GET pods/attach")).isZero();
        assertThat(again.requests("PATCH jobs")).isEqualTo(1); // the stop's record
        assertThat(output).isEqualTo("from stdin\n");
    }
}
