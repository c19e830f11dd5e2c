package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every request type, asked by the job's owner, by another user and by {@code *}, against the
 * plugin process on the SimulatedCluster: the owner and {@code *} see and control the job; another
 * user gets Error 3 (JobNotFound, spec 7.5: an invisible job behaves exactly like a missing one),
 * never the job, its output, its metrics, its network or a status message about it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OWNER = "alice";
    private static final String OTHER = "bob";
    private static final String ADMIN = "*";
    private static final String UNPULLABLE = "registry.invalid/never:1";

    private SimulatedCluster cluster;
    private LauncherClient launcher;
    private String finished;
    private String running;
    private String pending;
    private String bobs;
    private final AtomicInteger cells = new AtomicInteger();

    @BeforeAll
    void start(@TempDir Path dir) {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(2).start();
        cluster.scenarios().failImagePulls(UNPULLABLE);
        launcher = new PluginSetup(cluster, dir.resolve("plugin")).start();
        assertThat(launcher.bootstrap().isError()).as(launcher.stderr()).isFalse();
        ClientStream statuses = launcher.statusStream(ADMIN, "*");
        finished = submit(OWNER, job("Finished job").put("command", "echo alice-private-output"));
        running = submit(OWNER, job("Running job").put("command", "echo alice-running-output; sleep 600"));
        pending = submit(OWNER, job("Pending job").put("command", "true").set("container",
                launcher.objectNode().put("image", UNPULLABLE)));
        bobs = submit(OTHER, job("Bob's job").put("command", "true"));
        waitFor(statuses, finished, "Finished");
        waitFor(statuses, running, "Running");
        waitFor(statuses, bobs, "Finished");
        statuses.cancel();
        assertThat(status(pending)).isEqualTo("Pending");
    }

    @AfterAll
    void stop() {
        System.err.println("authorization matrix: " + cells.get() + " cells checked");
        if (launcher != null) {
            launcher.close();
            assertThat(launcher.protocolViolations()).isEmpty();
        }
        cluster.close();
    }

    private ObjectNode job(String name) {
        return launcher.objectNode().put("name", name);
    }

    private String submit(String user, ObjectNode job) {
        Message m = launcher.submitJob(user, job);
        assertThat(m.isError()).as("%s\n%s", m, launcher.stderr()).isFalse();
        return m.get("jobs").get(0).get("id").asString();
    }

    private String status(String id) {
        return launcher.getJob(ADMIN, id).get("jobs").get(0).get("status").asString();
    }

    /**
     * Every status each job has shown on each stream so far: jobs move in parallel, so a job may pass
     * the status waited for while the test still waits for another job's (which made the wait endless
     * when the pending job's messages kept coming).
     */
    private final Map<ClientStream, Map<String, Set<String>>> seenByStream = new IdentityHashMap<>();

    private void waitFor(ClientStream statuses, String id, String status) {
        Map<String, Set<String>> seen = seenByStream.computeIfAbsent(statuses, s -> new HashMap<>());
        Instant deadline = Instant.now().plus(WAIT.multipliedBy(4));
        while (!seen.getOrDefault(id, Set.of()).contains(status)) {
            Duration left = Duration.between(Instant.now(), deadline);
            assertThat(left.isNegative()).as("job %s never showed %s on the status stream; it showed %s", id, status,
                    seen.get(id)).isFalse();
            Message m = statuses.expectNext(left);
            seen.computeIfAbsent(m.get("id").asString(), k -> new HashSet<>()).add(m.get("status").asString());
        }
    }

    private DynamicTest cell(String request, String actor, Runnable check) {
        return dynamicTest(request + " as " + (actor.equals(OWNER) ? "owner" : actor.equals(OTHER) ? "other user" : "*"), () -> {
            check.run();
            cells.incrementAndGet();
        });
    }

    private static void assertJobNotFound(Message m, String request) {
        assertThat(m.isError()).as("%s: expected Error 3, got %s", request, m).isTrue();
        assertThat(m.errorCode()).as("%s: %s", request, m).isEqualTo(3);
    }

    private static Set<String> ids(Message jobState) {
        return StreamSupport.stream(jobState.get("jobs").spliterator(), false).map(j -> j.get("id").asString())
                .collect(Collectors.toSet());
    }

    private List<DynamicTest> forEachActor(String request, Consumer<String> visible, Consumer<String> invisible) {
        return List.of(cell(request, OWNER, () -> visible.accept(OWNER)), cell(request, ADMIN, () -> visible.accept(ADMIN)),
                cell(request, OTHER, () -> invisible.accept(OTHER)));
    }

    @TestFactory
    @Order(1)
    List<DynamicTest> readingRequests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : List.of(finished, running, pending)) {
            tests.addAll(forEachActor("Get Job " + id,
                    user -> assertThat(ids(launcher.getJob(user, id))).containsExactly(id),
                    user -> assertJobNotFound(launcher.getJob(user, id), "Get Job " + id)));
            tests.addAll(forEachActor("Get Job " + id + " with fields",
                    user -> assertThat(launcher.call(fields(user, id)).get("jobs").get(0).has("user")).isTrue(),
                    user -> assertJobNotFound(launcher.call(fields(user, id)), "Get Job with fields")));
            tests.addAll(forEachActor("Job Status stream " + id,
                    user -> {
                        ClientStream s = launcher.statusStream(user, id);
                        Message first = s.expectNext(WAIT);
                        s.cancel();
                        assertThat(first.get("id").asString()).as("%s", first).isEqualTo(id);
                    },
                    user -> {
                        ClientStream s = launcher.statusStream(user, id);
                        assertJobNotFound(s.expectNext(WAIT), "Job Status stream " + id);
                    }));
            tests.addAll(forEachActor("Job Network " + id,
                    user -> assertThat(launcher.jobNetwork(user, id).errorCode()).as("network of %s", id).isNotEqualTo(3),
                    user -> assertJobNotFound(launcher.jobNetwork(user, id), "Job Network " + id)));
            tests.addAll(forEachActor("Job Output stream " + id,
                    user -> {
                        ClientStream s = launcher.outputStream(user, id, 2);
                        if (!id.equals(pending)) { // a Pending job's stream waits for the job to start
                            Message first = s.expectNext(WAIT);
                            assertThat(first.isError()).as("%s", first).isFalse();
                            assertThat(first.json().path("output").asString("")).startsWith("alice-");
                        }
                        s.cancel();
                    },
                    user -> {
                        ClientStream s = launcher.outputStream(user, id, 2);
                        assertJobNotFound(s.expectNext(WAIT), "Job Output stream " + id);
                    }));
            tests.addAll(forEachActor("Job Resource Utilization stream " + id,
                    user -> {
                        ClientStream s = launcher.resourceStream(user, id);
                        Message first = s.expectNext(WAIT);
                        s.cancel();
                        assertThat(first.isError() ? first.errorCode() : -2).as("%s", first)
                                .isEqualTo(id.equals(running) ? -2 : 6);
                    },
                    user -> {
                        ClientStream s = launcher.resourceStream(user, id);
                        assertJobNotFound(s.expectNext(WAIT), "Job Resource Utilization stream " + id);
                    }));
        }
        tests.addAll(forEachActor("Job Output stream content",
                user -> {
                    StringBuilder text = new StringBuilder();
                    launcher.outputStream(user, finished, 2).readToEnd(WAIT).forEach(m -> text.append(m.json().path("output").asString("")));
                    assertThat(text.toString()).contains("alice-private-output");
                },
                user -> assertThat(launcher.outputStream(user, finished, 2).readToEnd(WAIT))
                        .noneMatch(m -> m.json().path("output").asString("").contains("alice-private-output"))));
        tests.addAll(forEachActor("Get Job *",
                user -> assertThat(ids(launcher.getJob(user, "*"))).contains(finished, running, pending),
                user -> assertThat(ids(launcher.getJob(user, "*"))).containsExactly(bobs)));
        tests.addAll(forEachActor("Get Job * filtered by status",
                user -> assertThat(ids(launcher.getJobs(user, null, List.of("Running", "Pending", "Finished"), null, null, null)))
                        .contains(finished, running, pending),
                user -> assertThat(ids(launcher.getJobs(user, null, List.of("Running", "Pending", "Finished"), null, null, null)))
                        .containsExactly(bobs)));
        tests.addAll(forEachActor("Cluster Info",
                user -> assertThat(launcher.clusterInfo(user).isError()).isFalse(),
                user -> assertThat(launcher.clusterInfo(user).toString()).doesNotContain(running).doesNotContain(finished)));
        return tests;
    }

    private ObjectNode fields(String user, String id) {
        ObjectNode request = launcher.jobRequest(LauncherClient.GET_JOB, user, id);
        request.putArray("fields").add("user").add("status");
        return request;
    }

    @TestFactory
    @Order(2)
    List<DynamicTest> anotherUserControlsNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] names = {"suspend", "resume", "stop", "kill", "cancel"};
        for (String id : List.of(finished, running, pending)) {
            for (int op = 0; op <= 4; op++) {
                int operation = op;
                tests.add(cell("Control Job " + names[op] + " " + id, OTHER,
                        () -> assertJobNotFound(launcher.controlJob(OTHER, id, operation), "Control Job " + names[operation])));
            }
        }
        tests.add(dynamicTest("the other user's attempts changed nothing", () -> {
            assertThat(status(running)).isEqualTo("Running");
            assertThat(status(pending)).isEqualTo("Pending");
            assertThat(status(finished)).isEqualTo("Finished");
        }));
        return tests;
    }

    @Test
    @Order(3)
    void aStarStatusStreamOfAnotherUserCarriesNothingOfTheOwner() {
        ClientStream owners = launcher.statusStream(OWNER, "*");
        ClientStream others = launcher.statusStream(OTHER, "*");
        ClientStream admins = launcher.statusStream(ADMIN, "*");
        String fresh = submit(OWNER, job("Fresh alice job").put("command", "echo hi"));
        waitFor(owners, fresh, "Finished");
        waitFor(admins, fresh, "Finished");
        // bob's own job, submitted afterwards: once its Finished is on bob's stream, anything about
        // alice's job would already have arrived before it
        String later = submit(OTHER, job("Later bob job").put("command", "true"));
        List<String> seenByOther = new ArrayList<>();
        while (!seenByOther.contains(later + " Finished")) {
            Message m = others.expectNext(WAIT);
            seenByOther.add(m.get("id").asString() + " " + m.get("status").asString());
        }
        owners.cancel();
        others.cancel();
        admins.cancel();
        assertThat(seenByOther).as("bob's * status stream").allMatch(s -> s.startsWith(bobs) || s.startsWith(later));
        cells.addAndGet(3);
    }

    @TestFactory
    @Order(4)
    List<DynamicTest> namesThatAreNotTheOwner() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("Alice", "ALICE", "alice2", "alic", "*alice", "alice*", "%", "?")) {
            tests.add(cell("Get Job " + running + " as '" + name + "'", name,
                    () -> assertJobNotFound(launcher.getJob(name, running), "Get Job as " + name)));
            tests.add(cell("Get Job * as '" + name + "'", name,
                    () -> assertThat(ids(launcher.getJob(name, "*"))).doesNotContain(finished, running, pending)));
        }
        tests.add(cell("Get Job as ''", "", () -> assertThat(launcher.getJob("", running).isError()).isTrue()));
        return tests;
    }

    @Test
    @Order(4)
    void anEmptyUserNameIsAnInvalidRequest() {
        assertThat(launcher.getJob("", running).errorCode()).as("empty user name").isEqualTo(2);
    }

    @Test
    @Order(5)
    void aJobSubmittedInAnotherUsersNameIsNotTheirs() {
        ObjectNode impersonating = job("Impersonation").put("command", "true").put("user", OWNER);
        Message m = launcher.submitJob(OTHER, impersonating);
        if (!m.isError()) {
            String id = m.get("jobs").get(0).get("id").asString();
            String user = m.get("jobs").get(0).get("user").asString();
            assertThat(user).as("bob submitted a job with job.user=alice; the plugin recorded it as %s's: %s", user, m)
                    .isEqualTo(OTHER);
            assertThat(launcher.getJob(OWNER, id).errorCode()).isEqualTo(3);
        } else {
            assertThat(m.errorCode()).isEqualTo(2);
        }
        cells.incrementAndGet();
    }

    @Test
    @Order(6)
    void theOwnerAndStarControlTheirJobs() {
        ClientStream statuses = launcher.statusStream(ADMIN, "*");
        Message cancel = launcher.controlJob(OWNER, pending, 4);
        assertThat(cancel.get("operationComplete").asBoolean()).as("%s", cancel).isTrue();
        Message kill = launcher.controlJob(ADMIN, running, 3);
        assertThat(kill.get("operationComplete").asBoolean()).as("%s", kill).isTrue();
        waitFor(statuses, running, "Killed");
        assertThat(status(pending)).isEqualTo("Canceled");
        statuses.cancel();
        cells.addAndGet(2);
    }
}
