package io.kubelauncher.kubernetes.e2e;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin as the Launcher runs it: its own JVM started with the Launcher's options and a
 * launcher.kubernetes.conf, driven over stdin/stdout by {@link LauncherClient}, talking to
 * {@link SimulatedCluster} over HTTPS with a bearer token and the cluster's CA.
 */
class PluginProcessEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SimulatedCluster cluster;
    private LauncherClient launcher;

    @BeforeEach
    void startCluster() {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(2).watchTimeout(Duration.ofSeconds(30)).start();
    }

    @AfterEach
    void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
        cluster.close();
    }

    @ParameterizedTest(name = "use-templating={0}")
    @ValueSource(booleans = {false, true})
    void aJobLifecycleThroughThePluginProcess(boolean templating, @TempDir Path dir) throws Exception {
        PluginSetup plugin = new PluginSetup(cluster, dir).config("watch-timeout-seconds=10").config("use-templating=" + (templating ? 1 : 0));
        launcher = plugin.start();
        Message bootstrap = launcher.bootstrap();
        assertThat(bootstrap.isError()).as("bootstrap: %s\n%s", bootstrap, launcher.stderr()).isFalse();
        if (templating) {
            assertThat(dir.resolve("scratch/job.tpl")).exists();
            assertThat(Files.readString(dir.resolve("scratch/job.tpl"))).startsWith("# Version: 2.5.0");
        }

        Message info = launcher.clusterInfo("alice");
        assertThat(info.get("supportsContainers").asBoolean()).isTrue();
        // both the built-in spec and our default job.tpl (written on start) make the Launcher's init containers
        assertThat(info.get("supportsInitContainers").asBoolean()).isTrue();

        ClientStream statuses = launcher.statusStream("alice", "*");

        ObjectNode job = launcher.objectNode();
        job.put("name", "Quick Job").put("command", "echo").putArray("args").add("hello from kubernetes");
        job.putArray("tags").add("e2e");
        Instant sent = Instant.now();
        Message submitted = launcher.submitJob("alice", job);
        Duration submitLatency = Duration.between(sent, submitted.receivedAt());
        assertThat(submitted.isError()).as("%s\n%s", submitted, launcher.stderr()).isFalse();
        JsonNode stored = submitted.get("jobs").get(0);
        String id = stored.get("id").asString();
        assertThat(stored.get("status").asString()).isEqualTo("Pending");
        assertThat(stored.get("tags").get(0).asString()).isEqualTo("e2e");
        System.err.println("submit-to-response latency (use-templating=" + templating + "): " + submitLatency.toMillis() + " ms");

        List<String> seen = new ArrayList<>();
        while (!seen.contains("Finished")) {
            Message m = statuses.next(WAIT).orElseThrow(() -> new AssertionError("no Finished for " + id + "; seen " + seen
                    + "; job now: " + launcher.getJob("alice", id) + "\nall messages: " + launcher.messages()));
            if (m.get("id").asString().equals(id)) {
                seen.add(m.get("status").asString());
            }
        }
        assertThat(seen).containsSubsequence("Pending", "Finished");

        Message got = launcher.getJob("alice", id);
        assertThat(got.get("jobs").get(0).get("exitCode").asInt()).isEqualTo(0);
        assertThat(launcher.getJob("bob", id).errorCode()).isEqualTo(3);

        List<Message> output = launcher.outputStream("alice", id, 2).readToEnd(WAIT);
        StringBuilder text = new StringBuilder();
        output.forEach(m -> text.append(m.json().path("output").asString("")));
        assertThat(text.toString()).isEqualTo("hello from kubernetes\n");
        assertThat(output.get(output.size() - 1).json().path("complete").asBoolean()).isTrue();
        assertThat(output.stream().filter(m -> m.json().path("complete").asBoolean()).count()).isEqualTo(1);

        // submit-to-response latency once warm: ten more jobs
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode quick = launcher.objectNode();
            quick.put("name", "Latency " + i).put("command", "true");
            Instant t0 = Instant.now();
            Message answer = launcher.submitJob("alice", quick);
            assertThat(answer.isError()).as("%s", answer).isFalse();
            millis.add(Duration.between(t0, answer.receivedAt()).toMillis());
        }
        millis.sort(null);
        System.err.println("warm submit-to-response latency (use-templating=" + templating + "): min " + millis.get(0)
                + " ms, median " + millis.get(5) + " ms, max " + millis.get(9) + " ms");

        ObjectNode sleeper = launcher.objectNode();
        sleeper.put("name", "Slow Job").put("command", "sleep 60");
        String slowId = launcher.submitJob("alice", sleeper).get("jobs").get(0).get("id").asString();
        waitForStatus(statuses, slowId, "Running");
        assertThat(launcher.controlJob("alice", slowId, 0).errorCode()).isEqualTo(2); // suspend: not supported
        Message kill = launcher.controlJob("alice", slowId, 3);
        assertThat(kill.get("operationComplete").asBoolean()).as("%s", kill).isTrue();
        waitForStatus(statuses, slowId, "Killed");
        assertThat(launcher.controlJob("alice", slowId, 3).errorCode()).isEqualTo(8); // not running any more

        statuses.cancel();
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).contains(0);
        assertThat(launcher.protocolViolations()).isEmpty();
        String log = Files.readString(plugin.logFile());
        String counts = log.lines().filter(l -> l.contains("API requests sent")).findFirst().orElse("");
        System.err.println("plugin " + counts.substring(Math.max(0, counts.indexOf("API requests"))));
        assertThat(counts).contains("POST jobs=12").doesNotContain("POST services");
    }

    private static void waitForStatus(ClientStream statuses, String id, String status) {
        while (true) {
            Message m = statuses.expectNext(WAIT);
            if (m.get("id").asString().equals(id) && m.get("status").asString().equals(status)) {
                return;
            }
        }
    }
}
