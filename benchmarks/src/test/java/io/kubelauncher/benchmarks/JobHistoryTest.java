package io.kubelauncher.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Seeding a cluster with clones of a finished job, as the 10,000-job and status benchmarks do. */
class JobHistoryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SimulatedCluster cluster;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** A finished job as the plugin and the cluster leave it, reduced to what the seeding touches. */
    private static Specimen specimen() {
        String job = """
                {"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"history-abcde","namespace":"rstudio",
                 "uid":"aaaaaaaa-0000-0000-0000-000000000001","resourceVersion":"42","creationTimestamp":"2026-11-27T20:00:00Z",
                 "labels":{"app.kubernetes.io/managed-by":"launcher"},"annotations":{"user":"specimen-user"}},
                 "spec":{"template":{"metadata":{"annotations":{"user":"specimen-user","name":"History"}},
                  "spec":{"containers":[{"name":"rs-launcher-container","image":"ubuntu:24.04"}],"restartPolicy":"Never"}}},
                 "status":{"succeeded":1,"startTime":"2026-11-27T20:00:00Z","completionTime":"2026-11-27T20:00:02Z",
                  "conditions":[{"type":"Complete","status":"True","lastTransitionTime":"2026-11-27T20:00:02Z"}]}}""";
        String pod = """
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"history-abcde-xyz12","namespace":"rstudio",
                 "uid":"bbbbbbbb-0000-0000-0000-000000000002","creationTimestamp":"2026-11-27T20:00:00Z",
                 "labels":{"job-name":"history-abcde"},"annotations":{"user":"specimen-user"},
                 "ownerReferences":[{"apiVersion":"batch/v1","kind":"Job","name":"history-abcde",
                  "uid":"aaaaaaaa-0000-0000-0000-000000000001","controller":true}]},
                 "spec":{"nodeName":"node-1","containers":[{"name":"rs-launcher-container","image":"ubuntu:24.04"}],"restartPolicy":"Never"},
                 "status":{"phase":"Succeeded","qosClass":"BestEffort","containerStatuses":[{"name":"rs-launcher-container",
                  "state":{"terminated":{"exitCode":0,"finishedAt":"2026-11-27T20:00:02.123456Z"}}}]}}""";
        return new Specimen("history-abcde", Specimen.USER, (ObjectNode) JSON.readTree(job), (ObjectNode) JSON.readTree(pod), List.of());
    }

    @Test
    void clonesKeepTheirStatusAndGetTheirOwnNamesUidsUsersAndTimes() {
        JobHistory history = new JobHistory(cluster, specimen());
        JobHistory.SeededJob finished = history.seed(7, "user-007", JobHistory.Shape.FINISHED, Duration.ofHours(2), false);
        JobHistory.SeededJob held = history.seed(8, "user-008", JobHistory.Shape.HELD, Duration.ZERO, false);
        KubernetesClient client = cluster.client();

        assertThat(finished.id()).isEqualTo("history-abcde-7");
        Job job = client.batch().v1().jobs().withName("history-abcde-7").get();
        assertThat(job.getMetadata().getAnnotations()).containsEntry("user", "user-007");
        assertThat(job.getMetadata().getCreationTimestamp()).isEqualTo("2026-11-27T18:00:00Z");
        assertThat(job.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Complete"));
        Pod pod = client.pods().withName(finished.podName()).get();
        assertThat(pod.getMetadata().getName()).isEqualTo("history-abcde-7-xyz12");
        assertThat(pod.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo(job.getMetadata().getUid())
                .isNotEqualTo("aaaaaaaa-0000-0000-0000-000000000001");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getFinishedAt()).isEqualTo("2026-11-27T18:00:02Z");

        Pod waiting = client.pods().withName(held.podName()).get();
        assertThat(waiting.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(waiting.getSpec().getNodeName()).isNull();
        assertThat(waiting.getSpec().getSchedulerName()).isEqualTo(JobHistory.HOLDING_SCHEDULER);
        assertThat(client.batch().v1().jobs().withName(held.id()).get().getStatus().getConditions()).isNullOrEmpty();
        // the Job controller counted the seeded pod and created no other
        org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> client.pods().withLabel("job-name", "history-abcde-8").list().getItems().size() == 1);
    }

    @Test
    void timestampsMoveBackToWholeSeconds() {
        ObjectNode node = (ObjectNode) JSON.readTree("{\"a\":\"2026-11-27T20:00:00.5Z\",\"b\":[\"2026-11-27T20:00:00Z\",\"not a time\"],"
                + "\"c\":{\"d\":\"2026-11-27T20:00:00Z\"},\"e\":3}");
        JobHistory.shiftTimestamps(node, Duration.ofMinutes(90));
        assertThat(node.get("a").asString()).isEqualTo("2026-11-27T18:30:00Z");
        assertThat(node.get("b").get(0).asString()).isEqualTo(Instant.parse("2026-11-27T18:30:00Z").toString());
        assertThat(node.get("b").get(1).asString()).isEqualTo("not a time");
        assertThat(node.get("c").get("d").asString()).isEqualTo("2026-11-27T18:30:00Z");
        assertThat(node.get("e").asInt()).isEqualTo(3);
    }
}
