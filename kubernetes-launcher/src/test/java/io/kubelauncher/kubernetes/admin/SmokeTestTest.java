package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** --smoke-test against the SimulatedCluster: a real HTTPS API server that runs pods as processes. */
class SmokeTestTest {

    private SimulatedCluster cluster;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void healthyClusterPasses() {
        int status = smokeTest(SmokeTest.builtinJob("busybox:1.36"), Duration.ofSeconds(60)).run(print(out), print(err));

        String text = text(out);
        assertThat(status).as(text).isZero();
        assertThat(text).contains("Connected: Kubernetes", "create jobs.batch: allowed", "get pods/log: allowed",
                "Created job launcher-smoke-test-", "Succeeded (exit code 0", "Output of the job:",
                "| launcher smoke test ", "Deleted job launcher-smoke-test-")
                .endsWith("PASS: the plugin can reach the cluster, has the permissions it needs, and runs jobs.\n");
        assertThat(text.indexOf("Created job")).isLessThan(text.indexOf("Succeeded")).isLessThan(text.indexOf("Deleted job"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).list().getItems().isEmpty());
    }

    @Test
    void missingPermissionFailsBeforeSubmitting() {
        cluster.scenarios().deny("create", "jobs");
        int status = smokeTest(SmokeTest.builtinJob("busybox:1.36"), Duration.ofSeconds(60)).run(print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(out)).contains("create jobs.batch: DENIED", "get jobs.batch: allowed")
                .doesNotContain("Submitting a test job")
                .endsWith("FAIL: the service account lacks permissions the plugin needs; apply the Role from the admin"
                        + " guide\n");
    }

    @Test
    void imagePullFailureIsReportedAndTheJobDeleted() {
        cluster.scenarios().failImagePulls("no-such/image:1");
        int status = smokeTest(SmokeTest.builtinJob("no-such/image:1"), Duration.ofSeconds(60)).run(print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(out)).contains("FAIL: the job's image cannot be pulled", "Deleted job launcher-smoke-test-");
    }

    @Test
    void failingJobShowsItsExitCodeAndOutput() {
        SmokeTest.JobFactory failing = marker -> SmokeTest.builtinJob("busybox:1.36").document(marker)
                .replace("echo '" + marker + "'", "echo broken; exit 3");
        int status = smokeTest(failing, Duration.ofSeconds(60)).run(print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(out)).contains("FAILED: the test job failed: Failed (exit code 3", "| broken",
                "Deleted job launcher-smoke-test-");
    }

    @Test
    void slowSchedulingShowsProgressInsteadOfASilentWait() {
        cluster.scenarios().delayScheduling(Duration.ofSeconds(2));
        int status = smokeTest(SmokeTest.builtinJob("busybox:1.36"), Duration.ofSeconds(60)).run(print(out), print(err));
        assertThat(status).as(text(out)).isZero();
        assertThat(text(out)).contains("still waiting:");
    }

    @Test
    void unreachableServerFailsFast() {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        try (KubernetesClient nowhere = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl("https://127.0.0.1:1").withRequestRetryBackoffLimit(0).build()).build()) {
            int status = new SmokeTest(nowhere, "rstudio", SmokeTest.builtinJob("busybox"), Clock.systemUTC(),
                    Duration.ofSeconds(5), Duration.ofMillis(500)).run(print(out), print(err));
            assertThat(status).isEqualTo(1);
            assertThat(text(out)).contains("Smoke test of https://127.0.0.1:1/", "FAIL: cannot reach the API server")
                    .doesNotContain("Checking the permissions");
        }
    }

    private SmokeTest smokeTest(SmokeTest.JobFactory job, Duration timeout) {
        return new SmokeTest(cluster.client(), cluster.namespace(), job, Clock.systemUTC(), timeout,
                Duration.ofMillis(500));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
