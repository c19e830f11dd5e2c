package io.kubelauncher.testkit.client;

import static io.kubelauncher.testkit.client.PluginProcess.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Every request type against one plugin process, each test with its own users. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestResponseTest {

    private LauncherClient client;

    @BeforeAll
    void start() {
        client = PluginProcess.start("--heartbeat-interval-seconds=0", "--thread-pool-size=4");
        Message bootstrap = client.bootstrap();
        assertThat(bootstrap.messageType()).isEqualTo(1);
        assertThat(bootstrap.requestId()).isZero();
        assertThat(bootstrap.responseId()).isZero();
        assertThat(bootstrap.get("version").toString()).isEqualTo("{\"major\":3,\"minor\":7,\"patch\":0}");
    }

    @AfterAll
    void stop() {
        client.close();
        assertThat(client.protocolViolations()).isEmpty();
        assertThat(client.stderr()).contains("this line must go to stderr");
    }

    private JsonNode submit(String user, String name, String command, String... tags) {
        Message state = client.submitJob(user, job(name, command, tags));
        assertThat(state.messageType()).as(state.toString()).isEqualTo(2);
        assertThat(state.get("jobs")).hasSize(1);
        return state.get("jobs").get(0);
    }

    private String statusOf(String user, String id) {
        return client.getJob(user, id).get("jobs").get(0).get("status").asString();
    }

    @Test
    void submitReturnsTheStoredJobWithItsInputsPreserved() {
        JsonNode job = submit("alice", "Report", "pending", "a", "b");
        assertThat(job.get("id").asString()).startsWith("job-");
        assertThat(job.get("name").asString()).isEqualTo("Report");
        assertThat(job.get("user").asString()).isEqualTo("alice");
        assertThat(job.get("status").asString()).isEqualTo("Pending");
        assertThat(job.get("resourceProfile").asString()).isEqualTo("custom");
        assertThat(job.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(job.get("submissionTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
    }

    @Test
    void submitRejectsJobsTheSpecForbids() {
        var both = job("x", "echo");
        both.put("exe", "/bin/sh");
        assertThat(client.submitJob("carol", both).errorCode()).isEqualTo(2);
        var none = JsonNodeFactory.instance.objectNode().put("name", "n");
        assertThat(client.submitJob("carol", none).errorMessage()).contains("needs a command, an exe or a container");
        Message noUser = client.submitJob("*", job("x", "echo"));
        assertThat(noUser.errorCode()).isEqualTo(2);
        assertThat(noUser.errorMessage()).isEqualTo("User must not be empty");
        var someoneElses = job("x", "echo");
        someoneElses.put("user", "alice");
        Message impersonation = client.submitJob("carol", someoneElses);
        assertThat(impersonation.errorCode()).isEqualTo(2);
        assertThat(impersonation.errorMessage()).isEqualTo(
                "job.user 'alice' is not the requesting user 'carol'; only '*' may submit jobs for other users");
        assertThat(client.submitJob("*", someoneElses).get("jobs").get(0).get("user").asString()).isEqualTo("alice");
        var badMount = job("x", "echo");
        badMount.putArray("mounts").addObject().put("mountPath", "/d").put("type", "nfs").putObject("source")
                .put("host", "h");
        Message mount = client.submitJob("carol", badMount);
        assertThat(mount.errorCode()).isEqualTo(2);
        assertThat(mount.errorMessage()).isEqualTo(
                "Submit Job: invalid job: at job.mounts[0]: nfs mount: source.path is required");
    }

    @Test
    void usersSeeOnlyTheirOwnJobsAndStarSeesAll() {
        String id = submit("dave", "Mine", "pending").get("id").asString();
        assertThat(client.getJob("dave", id).get("jobs").get(0).get("id").asString()).isEqualTo(id);
        Message other = client.getJob("erin", id);
        assertThat(other.errorCode()).isEqualTo(3);
        assertThat(client.getJob("*", id).get("jobs")).hasSize(1);
        assertThat(client.getJobs("erin", null, null, null, null, null).get("jobs")).isEmpty();
        assertThat(client.jobNetwork("erin", id).errorCode()).isEqualTo(3);
        assertThat(client.controlJob("erin", id, 4).errorCode()).isEqualTo(3);
        assertThat(client.getJob("dave", "no-such-job").errorCode()).isEqualTo(3);
    }

    @Test
    void getJobFiltersCombineAndFieldsSelectKeys() {
        Instant before = Instant.now().minusSeconds(1);
        String a = submit("frank", "A", "pending", "x", "y").get("id").asString();
        String b = submit("frank", "B", "pending", "x").get("id").asString();
        String c = submit("frank", "C", "fail", "x", "y").get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf("frank", c).equals("Failed"));

        assertThat(ids(client.getJobs("frank", List.of("x", "y"), null, null, null, null)))
                .containsExactlyInAnyOrder(a, c);
        assertThat(ids(client.getJobs("frank", List.of("x"), List.of("Pending"), null, null, null)))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids(client.getJobs("frank", null, List.of("failed", "Killed"), null, null, null)))
                .containsExactly(c);
        assertThat(ids(client.getJobs("frank", null, null, before.toString(), null, null))).hasSize(3);
        assertThat(ids(client.getJobs("frank", null, null, "2000-01-01T00:00:00", "2000-01-02T00:00:00", null)))
                .isEmpty();
        assertThat(ids(client.getJobs("frank", List.of("nope"), null, null, null, null))).isEmpty();

        JsonNode only = client.getJobs("frank", List.of("x", "y"), null, null, null, List.of("name", "nothing"))
                .get("jobs").get(0);
        assertThat(only.propertyNames()).containsExactly("id", "name");
        assertThat(client.getJobs("frank", null, List.of("Sleeping"), null, null, null).errorMessage())
                .contains("Invalid status(es): Sleeping");
        assertThat(client.getJobs("frank", null, null, "yesterday", null, null).errorMessage())
                .contains("Invalid start time");
    }

    @Test
    void controlChecksTheJobStateFirst() {
        String running = submit("gina", "S", "sleep").get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf("gina", running).equals("Running"));
        Message wrongState = client.controlJob("gina", running, 4);
        assertThat(wrongState.errorCode()).isEqualTo(8);
        assertThat(wrongState.errorMessage()).isEqualTo("Job " + running + " is Running; it must be Pending to cancel it");
        assertThat(client.controlJob("gina", "*", 3).errorCode()).isEqualTo(2);
        assertThat(client.controlJob("gina", running, 9).errorCode()).isEqualTo(2);

        Message kill = client.controlJob("gina", running, 3);
        assertThat(kill.messageType()).isEqualTo(4);
        assertThat(kill.get("operationComplete").asBoolean()).isTrue();
        assertThat(kill.get("statusMessage").asString()).isEqualTo("kill done");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf("gina", running).equals("Killed"));
        assertThat(client.getJob("gina", running).get("jobs").get(0).get("exitCode").asInt()).isEqualTo(137);

        String pending = submit("gina", "P", "pending").get("id").asString();
        assertThat(client.controlJob("gina", pending, 4).get("operationComplete").asBoolean()).isTrue();
        assertThat(statusOf("gina", pending)).isEqualTo("Canceled");
    }

    @Test
    void networkClusterInfoLoadBalancerAndReload() {
        String id = submit("hank", "N", "sleep").get("id").asString();
        Message network = client.jobNetwork("hank", id);
        assertThat(network.messageType()).isEqualTo(7);
        assertThat(network.get("host").asString()).isEqualTo("node-1");
        assertThat(network.get("ipAddresses").toString()).isEqualTo("[\"10.0.0.7\"]");
        assertThat(client.jobNetwork("hank", "*").errorCode()).isEqualTo(2);

        Message info = client.clusterInfo("hank");
        assertThat(info.messageType()).isEqualTo(8);
        assertThat(info.get("supportsContainers").asBoolean()).isTrue();
        assertThat(info.get("defaultImage").asString()).isEqualTo("r:4.4");
        for (JsonNode limit : info.get("resourceLimits")) {
            assertThat(limit.get("type").asString()).isNotEmpty();
        }
        assertThat(info.get("placementConstraints").get(1).has("value")).isFalse();

        ArrayNode nodes = JsonNodeFactory.instance.arrayNode();
        nodes.addObject().put("host", "l1").put("ipv4", "10.1.1.1").put("port", "5559")
                .put("lastSeen", "2026-11-27T10:00:00Z").put("status", "Online");
        Message lb = client.setLoadBalancerNodes("*", nodes);
        assertThat(lb.messageType()).isEqualTo(201);
        assertThat(lb.json().propertyNames()).containsExactly("messageType", "requestId", "responseId");

        Message reload = client.configReload("*");
        assertThat(reload.messageType()).isEqualTo(202);
        assertThat(reload.get("errorType").asInt()).isZero();
        assertThat(reload.get("errorMessage").asString()).isEmpty();
    }

    @Test
    void outputStreamEndsWithExactlyOneCompleteMessage() {
        String id = submit("ivan", "L", "lines 3").get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf("ivan", id).equals("Finished"));
        for (Object type : new Object[] {2, "mixed", null}) {
            List<Message> messages = client.outputStream("ivan", id, type).readToEnd(Duration.ofSeconds(10));
            assertThat(text(messages)).isEqualTo("line 1\nline 2\nline 3\nerr\n");
            assertSequenced(messages);
        }
        List<Message> stdout = client.outputStream("ivan", id, 0).readToEnd(Duration.ofSeconds(10));
        assertThat(text(stdout)).isEqualTo("line 1\nline 2\nline 3\n");
        assertThat(stdout.get(0).get("outputType").asString()).isEqualTo("stdout");
        List<Message> stderr = client.outputStream("ivan", id, "stderr").readToEnd(Duration.ofSeconds(10));
        assertThat(text(stderr)).isEqualTo("err\n");
        assertThat(client.outputStream("ivan", id, 7).expectNext(Duration.ofSeconds(10)).errorCode()).isEqualTo(2);
        assertThat(client.outputStream("ivan", "ghost", 2).expectNext(Duration.ofSeconds(10)).errorCode()).isEqualTo(3);
    }

    @Test
    void outputOfARunningJobFollowsUntilItEnds() {
        String id = submit("jane", "S", "sleep").get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf("jane", id).equals("Running"));
        ClientStream stream = client.outputStream("jane", id, 2);
        assertThat(client.controlJob("jane", id, 2).get("operationComplete").asBoolean()).isTrue();
        List<Message> messages = stream.readToEnd(Duration.ofSeconds(10));
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).json().toString()).matches(
                "\\{\"messageType\":5,\"requestId\":\\d+,\"responseId\":\\d+,\"seqId\":1,\"complete\":true}");
        assertThat(stream.next(Duration.ofMillis(300))).isEmpty();
    }

    private static void assertSequenced(List<Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            assertThat(messages.get(i).get("seqId").asLong()).isEqualTo(i + 1);
            assertThat(messages.get(i).get("complete").asBoolean()).isEqualTo(i == messages.size() - 1);
        }
    }

    private static String text(List<Message> messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(m -> text.append(m.json().path("output").asString("")));
        return text.toString();
    }

    private static List<String> ids(Message state) {
        assertThat(state.messageType()).as(state.toString()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        state.get("jobs").forEach(j -> ids.add(j.get("id").asString()));
        return ids;
    }
}
