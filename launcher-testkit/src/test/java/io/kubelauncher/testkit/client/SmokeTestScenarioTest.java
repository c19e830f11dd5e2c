package io.kubelauncher.testkit.client;

import static io.kubelauncher.testkit.client.PluginProcess.job;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reference smoke test's sequence (spec 15.1), in order, counting answers by request id as
 * the smoke tester does: every request gets its answer, streams end with complete or an Error,
 * cancels get nothing, and closing stdin ends the plugin with exit code 0.
 */
class SmokeTestScenarioTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theSmokeTestPasses() {
        LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=0", "--enable-debug-logging=1",
                "--unprivileged=1");
        String user = "smoke";
        assertThat(client.bootstrap(3, 0, 0).messageType()).isEqualTo(1);                         // 0
        assertThat(client.clusterInfo(user).messageType()).isEqualTo(8);                          // 1
        assertThat(client.getJobs(user, null, null, null, null, null).messageType()).isEqualTo(2); // 2
        assertThat(client.getJobs(user, List.of("filter job"), null, null, null, null).messageType()).isEqualTo(2);
        assertThat(client.getJobs(user, null, List.of("Running"), null, null, null).messageType()).isEqualTo(2);
        assertThat(client.getJobs(user, null, List.of("Finished"), null, null, null).messageType()).isEqualTo(2);

        ClientStream status = client.statusStream(user, "*");                                      // 6

        ObjectNode quick1 = client.objectNode().put("exe", "/bin/sh").put("stdin", "#!/bin/sh\necho $ENV_VAR")
                .put("name", "Quick Job 1");
        quick1.putArray("environment").addObject().put("name", "ENV_VAR").put("value", "This is an environment variable!");
        quick1.putArray("tags").add("filter job");
        ObjectNode quick2 = job("Quick Job 2", "echo", "other tag");
        quick2.putArray("args").add("This is a shell command.");
        ObjectNode stderrJob = job("Stderr job", "grep", "other", "tags", "filter", "job");
        ObjectNode slow = client.objectNode().put("exe", "/bin/bash").put("name", "Slow job")
                .put("stdin", "for I in $(seq 1 24); do echo \"$I...\"; sleep $I; done");
        slow.putArray("tags").add("filter job");
        String last = null;
        for (ObjectNode job : List.of(quick1, quick2, stderrJob, slow)) {                          // 7-10
            Message submitted = client.submitJob(user, job);
            assertThat(submitted.messageType()).as(submitted.toString()).isEqualTo(2);
            last = submitted.get("jobs").get(0).get("id").asString();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(status.expectNext(WAIT).messageType()).isEqualTo(3);
        }
        status.cancel();

        assertThat(client.getJobs(user, List.of("filter job"), null, null, null, null).get("jobs")).hasSize(2);

        for (int outputType : new int[] {2, 0, 1}) {                                                // 11-13
            List<Message> output = client.outputStream(user, last, outputType).readToEnd(WAIT);
            Message end = output.get(output.size() - 1);
            assertThat(end.isError() || end.get("complete").asBoolean()).isTrue();
        }
        List<Message> resources = client.resourceStream(user, last).readToEnd(WAIT);              // 14
        Message end = resources.get(resources.size() - 1);
        assertThat(end.isError() ? end.errorCode() == 6 : end.get("complete").asBoolean()).isTrue();
        assertThat(client.jobNetwork(user, last).messageType()).isEqualTo(7);                      // 15

        String signalled = client.submitJob(user, job("Job for signalling", "sleep 20 && echo Done", "signal"))
                .get("jobs").get(0).get("id").asString();                                           // 16
        Message cancel = client.controlJob(user, signalled, 4);
        assertThat(cancel.messageType() == 4 || cancel.errorCode() == 8).isTrue();
        assertThat(client.getJob(user, signalled).messageType()).isEqualTo(2);
        for (int operation : new int[] {3, 2, 0}) {                                                 // 17-19
            String id = client.submitJob(user, job("Slow job", "sleep")).get("jobs").get(0).get("id").asString();
            Message control = client.controlJob(user, id, operation);
            assertThat(control.messageType() == 4 || control.errorCode() == 8).as(control.toString()).isTrue();
            assertThat(client.getJob(user, id).messageType()).isEqualTo(2);
            if (operation == 0) {
                Message resume = client.controlJob(user, id, 1);
                assertThat(resume.messageType() == 4 || resume.errorCode() == 8).isTrue();
                assertThat(client.getJob(user, id).messageType()).isEqualTo(2);
            }
        }

        client.closeStdin();                                                                        // 20
        assertThat(client.waitForExit(WAIT)).contains(0);
        assertThat(client.protocolViolations()).isEmpty();
    }
}
