package io.kubelauncher.kubernetes.e2e;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session plumbing (stdin, output, resource use, network) through the plugin process, as the
 * Launcher drives it over stdin/stdout with {@link LauncherClient}, against {@link SimulatedCluster}.
 * One cluster and one plugin process for the class; the last test restarts the plugin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionPlumbingEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern REQUEST_COUNT = Pattern.compile("([A-Z]+ [a-z/]+)=(\\d+)");

    private PluginSetup plugin;
    private SimulatedCluster cluster;
    private LauncherClient launcher;
    private ClientStream statuses;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(2).watchTimeout(Duration.ofSeconds(30)).start();
        plugin = new PluginSetup(cluster, tempDir).config("watch-timeout-seconds=10");
        startPlugin();
    }

    private void startPlugin() throws Exception {
        launcher = plugin.start();
        Message bootstrap = launcher.bootstrap();
        assertThat(bootstrap.isError()).as("bootstrap: %s\n%s", bootstrap, launcher.stderr()).isFalse();
        statuses = launcher.statusStream("alice", "*");
    }

    /** Stops the plugin as the Launcher does (stdin closed) and returns its API request counts. */
    private Map<String, Long> stopPlugin() throws Exception {
        statuses.cancel();
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).as("plugin exit; stderr:\n%s", launcher.stderr()).contains(0);
        assertThat(launcher.protocolViolations()).isEmpty();
        launcher.close();
        launcher = null;
        String log = Files.readString(plugin.logFile());
        String last = log.lines().filter(l -> l.contains("API requests sent")).reduce((a, b) -> b).orElseThrow();
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = REQUEST_COUNT.matcher(last.substring(last.indexOf("API requests sent")));
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    @AfterAll
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
        cluster.close();
    }

    private String submit(ObjectNode job) {
        Message submitted = launcher.submitJob("alice", job);
        assertThat(submitted.isError()).as("%s\n%s", submitted, launcher.stderr()).isFalse();
        return submitted.get("jobs").get(0).get("id").asString();
    }

    private void waitForStatus(String id, String status) {
        while (true) {
            Message m = statuses.expectNext(WAIT);
            if (m.get("id").asString().equals(id) && m.get("status").asString().equals(status)) {
                return;
            }
        }
    }

    private static String text(List<Message> output) {
        StringBuilder text = new StringBuilder();
        output.forEach(m -> text.append(m.json().path("output").asString("")));
        return text.toString();
    }

    private static void assertEndsOnceComplete(List<Message> output) {
        assertThat(output.get(output.size() - 1).json().path("complete").asBoolean()).as("last of %s", output.size()).isTrue();
        assertThat(output.stream().filter(m -> m.json().path("complete").asBoolean()).count()).isEqualTo(1);
        assertThat(output).noneMatch(Message::isError);
    }

    @Test
    @Order(1)
    void catEchoesItsStdinIntoItsOutput() {
        ObjectNode job = launcher.objectNode();
        job.put("name", "Cat").put("command", "cat").put("stdin", "launch parameters\n{\"port\": 8787}\nlast line without newline");
        String id = submit(job);
        List<Message> output = launcher.outputStream("alice", id, 2).readToEnd(WAIT);
        assertThat(text(output)).isEqualTo("launch parameters\n{\"port\": 8787}\nlast line without newline");
        assertEndsOnceComplete(output);
        assertThat(output).allMatch(m -> m.json().path("complete").asBoolean() || m.json().path("outputType").asString().equals("mixed"));
    }

    @Test
    @Order(2)
    void tenMegabytesOfOutputArriveWholeAndInOrderAcrossTwoDroppedConnections() {
        // ten bursts of 1,024 numbered lines of 1 KiB (10 MiB in all), a pause after each, so that the
        // API server can be restarted twice while the job is still writing
        int bursts = 10;
        int perBurst = 1024;
        String filler = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(30).substring(0, 1015); // with "0000001 " and the newline: 1 KiB
        ObjectNode job = launcher.objectNode();
        job.put("name", "Ten MB").put("command", "for i in $(seq 0 " + (bursts - 1) + "); do seq -f '%07g " + filler + "' $((i * "
                + perBurst + " + 1)) $((i * " + perBurst + " + " + perBurst + ")); sleep 0.4; done");
        String id = submit(job);
        StringBuilder expected = new StringBuilder();
        for (int n = 1; n <= bursts * perBurst; n++) {
            expected.append(String.format("%07d ", n)).append(filler).append('\n');
        }
        assertThat(expected.length()).isEqualTo(10 * 1024 * 1024);

        long started = System.nanoTime();
        ClientStream stream = launcher.outputStream("alice", id, 2);
        StringBuilder text = new StringBuilder();
        List<Message> output = new ArrayList<>();
        int drops = 0;
        while (true) {
            Message m = stream.expectNext(WAIT);
            output.add(m);
            text.append(m.json().path("output").asString(""));
            if (m.isError() || m.json().path("complete").asBoolean()) {
                break;
            }
            if (drops < 2 && text.length() > (drops + 1) * 3_000_000) {
                cluster.scenarios().restartApiServer();
                drops++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("10 MB output stream: %.1f s from the request to complete (job writes for at least 4 s; two reconnects)%n", seconds);
        assertThat(drops).isEqualTo(2);
        int first = firstDifference(text, expected);
        assertThat(first).as("first difference at %s: got ...%s... expected ...%s... (lengths %s, %s)", first,
                excerpt(text, first), excerpt(expected, first), text.length(), expected.length()).isEqualTo(-1);
        assertEndsOnceComplete(output);
    }

    private static int firstDifference(CharSequence a, CharSequence b) {
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : Math.min(a.length(), b.length());
    }

    private static String excerpt(CharSequence text, int at) {
        return at < 0 ? "" : text.subSequence(Math.max(0, at - 60), Math.min(text.length(), at + 60)).toString().replace("\n", "|");
    }

    @Test
    @Order(3)
    void aSleepingJobShowsItsNodeAndNodePortAndStreamsMemoryUntilKilled() {
        ObjectNode job = launcher.objectNode();
        job.put("name", "Session").put("command", "sleep 60");
        job.putArray("exposedPorts").addObject().put("targetPort", 8787).put("protocol", "TCP");
        String id = submit(job);
        waitForStatus(id, "Running");

        Pod pod = cluster.client().pods().inNamespace("rstudio").withLabel("job-name", id).list().getItems().get(0);
        Node node = cluster.client().nodes().withName(pod.getSpec().getNodeName()).get();
        List<String> nodeAddresses = node.getStatus().getAddresses().stream()
                .filter(a -> a.getType().equals("InternalIP") || a.getType().equals("ExternalIP")).map(NodeAddress::getAddress).toList();
        Message network = launcher.jobNetwork("alice", id);
        assertThat(network.isError()).as("%s", network).isFalse();
        assertThat(network.get("host").asString()).isEqualTo(node.getMetadata().getName());
        List<String> addresses = new ArrayList<>();
        network.get("ipAddresses").forEach(a -> addresses.add(a.asString()));
        assertThat(addresses).containsExactlyElementsOf(nodeAddresses).isNotEmpty();

        Service service = cluster.client().services().inNamespace("rstudio").list().getItems().stream()
                .filter(s -> s.getMetadata().getOwnerReferences().stream().anyMatch(o -> o.getName().equals(id))).findFirst().orElseThrow();
        int nodePort = service.getSpec().getPorts().get(0).getNodePort();
        JsonNode port = launcher.getJob("alice", id).get("jobs").get(0).get("exposedPorts").get(0);
        assertThat(port.get("targetPort").asInt()).isEqualTo(8787);
        assertThat(port.get("publishedPort").asInt()).isEqualTo(nodePort);

        ClientStream resources = launcher.resourceStream("alice", id);
        Message first = resources.expectNext(WAIT);
        assertThat(first.isError()).as("%s", first).isFalse();
        assertThat(first.get("residentMemory").asDouble()).as("%s", first).isPositive();
        assertThat(first.has("cpuPercent")).as("%s", first).isTrue();

        Message kill = launcher.controlJob("alice", id, 3);
        assertThat(kill.get("operationComplete").asBoolean()).as("%s", kill).isTrue();
        List<Message> rest = resources.readToEnd(WAIT);
        assertThat(rest.get(rest.size() - 1).get("complete").asBoolean()).as("%s", rest).isTrue();
        assertThat(rest).noneMatch(Message::isError);
        waitForStatus(id, "Killed");
    }

    @Test
    @Order(4)
    void stdinIsDeliveredOnceAcrossPluginRestarts() throws Exception {
        Map<String, Long> firstPlugin;
        ObjectNode job = launcher.objectNode();
        // the shell runs its script from stdin: what it echoes shows how often stdin arrived
        job.put("name", "Shell").put("exe", "/bin/sh").put("stdin", "echo got stdin\nexec sleep 60\n");
        // the pod starts only after this plugin is gone, so that the next one has to deliver the stdin
        cluster.scenarios().delayScheduling(Duration.ofSeconds(4));
        String id = submit(job);
        firstPlugin = stopPlugin();
        cluster.scenarios().delayScheduling(Duration.ZERO);
        assertThat(firstPlugin.get("GET pods/log")).as("the 10 MB follow reconnected after each drop: %s", firstPlugin)
                .isGreaterThanOrEqualTo(3 + 1);

        startPlugin();
        waitForStatusOrLater(id);
        ClientStream output = launcher.outputStream("alice", id, 2);
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains("got stdin\n")) {
            text.append(output.expectNext(WAIT).json().path("output").asString(""));
        }
        output.cancel();
        Map<String, Long> secondPlugin = stopPlugin();
        System.err.println("stdin attaches: first plugin " + firstPlugin.getOrDefault("GET pods/attach", 0L)
                + ", second plugin " + secondPlugin.getOrDefault("GET pods/attach", 0L));
        // the cat job's stdin and this job's, whichever plugin delivered it
        assertThat(firstPlugin.getOrDefault("GET pods/attach", 0L) + secondPlugin.getOrDefault("GET pods/attach", 0L)).isEqualTo(2);

        startPlugin();
        ClientStream again = launcher.outputStream("alice", id, 2);
        List<Message> all = new ArrayList<>(List.of(again.expectNext(WAIT)));
        Message kill = launcher.controlJob("alice", id, 3);
        assertThat(kill.get("operationComplete").asBoolean()).as("%s", kill).isTrue();
        all.addAll(again.readToEnd(WAIT));
        assertThat(text(all)).isEqualTo("got stdin\n");
        assertEndsOnceComplete(all);
        waitForStatus(id, "Killed");
        Map<String, Long> thirdPlugin = stopPlugin();
        assertThat(thirdPlugin).doesNotContainKey("GET pods/attach").doesNotContainKey("PATCH jobs/attach");
    }

    /** Waits until the job runs (its status stream may open after it started: then the first message is Running already). */
    private void waitForStatusOrLater(String id) {
        while (true) {
            Message m = statuses.expectNext(WAIT);
            if (m.get("id").asString().equals(id) && !m.get("status").asString().equals("Pending")) {
                return;
            }
        }
    }
}
