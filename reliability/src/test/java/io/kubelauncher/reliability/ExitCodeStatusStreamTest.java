package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault scenario's stream problems without any fault: jobs that exit non-zero must go
 * Pending, Running, Finished (spec 7.2: Finished whatever the exit code) and stay there; the
 * status stream must never show Failed on the way, nor a terminal status that changes.
 */
class ExitCodeStatusStreamTest {

    private static final int JOBS = 20;

    @Test
    void aNonZeroExitIsFinishedOnceOnTheStream(@TempDir Path dir) {
        try (SimulatedCluster cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start()) {
            LauncherClient launcher = new PluginSetup(cluster, dir).start();
            try {
                assertThat(launcher.bootstrap().isError()).isFalse();
                ClientStream statuses = launcher.statusStream("*", "*");
                Map<String, List<String>> seen = new LinkedHashMap<>();
                for (int i = 0; i < JOBS; i++) {
                    Message m = launcher.submitJob("alice", launcher.objectNode().put("name", "exit " + i)
                            .put("command", i % 2 == 0 ? "exit 3" : "sleep 1; exit 3"));
                    seen.put(m.get("jobs").get(0).get("id").asString(), new ArrayList<>());
                }
                // Get Job is the reference: wait until it says Finished for all, then read the stream to its end
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seen.keySet().stream()
                        .allMatch(id -> launcher.getJob("*", id).get("jobs").get(0).get("status").asString().equals("Finished")));
                while (true) {
                    var m = statuses.next(Duration.ofSeconds(2));
                    if (m.isEmpty()) {
                        break;
                    }
                    seen.computeIfPresent(m.get().get("id").asString(), (id, list) -> {
                        list.add(m.get().get("status").asString());
                        return list;
                    });
                }
                statuses.cancel();
                List<String> problems = new ArrayList<>();
                seen.forEach((id, list) -> {
                    if (list.contains("Failed") || list.isEmpty() || !list.get(list.size() - 1).equals("Finished")
                            || list.stream().filter(Set.of("Finished", "Failed")::contains).count() > 1) {
                        problems.add(id + " " + list);
                    }
                });
                System.err.println("exit code stream: " + problems.size() + " of " + JOBS + " jobs with a wrong status sequence "
                        + problems);
                assertThat(problems).as("jobs whose terminal status changed or was not Finished").isEmpty();
            } finally {
                launcher.close();
            }
        }
    }
}
