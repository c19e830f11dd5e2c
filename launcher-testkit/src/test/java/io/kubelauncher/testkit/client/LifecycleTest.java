package io.kubelauncher.testkit.client;

import static io.kubelauncher.testkit.client.PluginProcess.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start, bootstrap, heartbeats, metrics and the ways a plugin process ends (spec 2.3, 4, 5). */
class LifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void heartbeatsComeOnTheTimerAndInReplyBeforeAndAfterBootstrap() {
        try (LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=1")) {
            await().atMost(WAIT).until(() -> client.heartbeats().size() >= 2);
            client.bootstrap();
            int before = client.heartbeats().size();
            await().atMost(WAIT).until(() -> client.heartbeats().size() >= before + 2);
            List<Message> beats = client.heartbeats();
            // on average one a second (a busy machine may delay one and bunch the next)
            Duration span = Duration.between(beats.get(0).receivedAt(), beats.get(beats.size() - 1).receivedAt());
            Duration averageGap = span.dividedBy(beats.size() - 1);
            assertThat(averageGap).isBetween(Duration.ofMillis(500), Duration.ofMillis(3000));
            for (Message beat : beats) {
                assertThat(beat.json().toString()).isEqualTo("{\"messageType\":0,\"requestId\":0,\"responseId\":0}");
            }
            assertThat(client.protocolViolations()).isEmpty();
        }
    }

    @Test
    void aHeartbeatRequestIsAnsweredAtOnceEvenWhileWorkersAreBusy() {
        try (LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=0", "--thread-pool-size=1")) {
            client.sendHeartbeat();
            await().atMost(WAIT).until(() -> client.heartbeats().size() == 1);
            client.bootstrap();
            for (int i = 0; i < 50; i++) {
                client.send(client.jobRequest(LauncherClient.GET_JOB, "u", "*"));
            }
            client.sendHeartbeat();
            await().atMost(WAIT).until(() -> client.heartbeats().size() == 2);
        }
    }

    @Test
    void heartbeatsDoNotWaitForASlowSchedulerCall() {
        try (LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=0", "--thread-pool-size=1")) {
            client.bootstrap();
            String id = client.submitJob("u", job("n", "slow-network")).get("jobs").get(0).get("id").asString();
            var network = client.callAsync(client.jobRequest(LauncherClient.JOB_NETWORK, "u", id));
            var stuck = client.callAsync(client.jobRequest(LauncherClient.GET_JOB, "u", id));
            client.sendHeartbeat();
            await().atMost(WAIT).until(() -> client.heartbeats().size() == 1);
            assertThat(network).as("the only worker is still busy with the slow call").isNotDone();
            assertThat(stuck).isNotDone();
            assertThat(network.join().messageType()).isEqualTo(7);
            assertThat(stuck.join().messageType()).isEqualTo(2);
        }
    }

    @Test
    void requestsBeforeBootstrapAreRefusedAndAWrongMajorIsError10() {
        try (LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=0")) {
            Message early = client.clusterInfo("u");
            assertThat(early.errorCode()).isEqualTo(0);
            assertThat(early.errorMessage()).contains("not bootstrapped");
            Message wrong = client.bootstrap(4, 0, 0);
            assertThat(wrong.errorCode()).isEqualTo(10);
            assertThat(wrong.requestId()).isZero();
            assertThat(wrong.errorMessage()).contains("3.7.0").contains("4.0.0");
            Message ok = client.bootstrap(3, 0, 0);
            assertThat(ok.messageType()).isEqualTo(1);
            assertThat(ok.responseId()).isZero();
            assertThat(client.clusterInfo("u").responseId()).isEqualTo(1);
            assertThat(client.protocolViolations()).isEmpty();
        }
    }

    @Test
    void aFailedBootstrapIsAnsweredWithTheSourcesReason() {
        try (LauncherClient client = PluginProcess.start("--test-fail-bootstrap=1", "--heartbeat-interval-seconds=0")) {
            Message failed = client.bootstrap();
            assertThat(failed.errorCode()).isEqualTo(0);
            assertThat(failed.errorMessage()).isEqualTo("cannot reach the in-memory scheduler (as asked)");
            assertThat(client.getJob("u", "*").errorMessage()).contains("not bootstrapped");
        }
    }

    @Test
    void metricsFramesFollowBootstrapOnTheirInterval() {
        try (LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=0",
                "--plugin-metrics-interval-seconds=1")) {
            client.bootstrap();
            await().atMost(WAIT).until(() -> client.metrics().size() >= 2);
            Message metrics = client.metrics().get(0);
            assertThat(metrics.requestId()).isZero();
            assertThat(metrics.responseId()).isZero();
            assertThat(metrics.get("uptimeSeconds").asLong()).isPositive();
            assertThat(metrics.get("memoryUsageBytes").asLong()).isPositive();
        }
    }

    @Test
    void endOfStdinEndsTheProcessWithExitCodeZero() {
        LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=1");
        client.bootstrap();
        String id = client.submitJob("u", job("s", "sleep")).get("jobs").get(0).get("id").asString();
        client.outputStream("u", id, 2);
        client.statusStream("u", "*");
        client.closeStdin();
        assertThat(client.waitForExit(WAIT)).contains(0);
        assertThat(client.protocolViolations()).isEmpty();
    }

    @Test
    void sigtermShutsDownInOrderWithExitCodeZero() {
        LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=1");
        client.bootstrap();
        client.statusStream("u", "*");
        client.signal("HUP");
        await().atMost(WAIT).until(() -> client.stderr().contains("reload requested"));
        assertThat(client.clusterInfo("u").messageType()).isEqualTo(8);
        client.signal("TERM");
        assertThat(client.waitForExit(WAIT)).contains(0);
        assertThat(client.protocolViolations()).isEmpty();
    }

    @Test
    void aPluginStartedWithSighupIgnoredSaysReloadMustUseTheRequest() {
        try (LauncherClient client = PluginProcess.startIgnoringHangups("--heartbeat-interval-seconds=0")) {
            assertThat(client.bootstrap().messageType()).isEqualTo(1);
            await().atMost(WAIT).until(() -> client.stderr().contains(
                    "SIGHUP is ignored by the way this process was started"));
        }
    }

    @Test
    void unknownOptionsAreWarnedAboutAndBadValuesStopTheStart() {
        try (LauncherClient client = PluginProcess.start("--heartbeat-interval-seconds=0", "--brand-new-flag=1")) {
            assertThat(client.bootstrap().messageType()).isEqualTo(1);
            await().atMost(WAIT).until(() -> client.stderr().contains(
                    "warning: command line --brand-new-flag: unknown option, ignored"));
        }
        LauncherClient bad = PluginProcess.start("--thread-pool-size=many");
        assertThat(bad.waitForExit(WAIT)).contains(1);
        assertThat(bad.stderr()).contains("command line --thread-pool-size: invalid value \"many\"");
        assertThat(bad.messages()).isEmpty();
    }
}
