package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --dry-run --server against the SimulatedCluster's API server: validated, never created. */
class DryRunSimulatedClusterTest {

    @TempDir
    Path tmp;

    private SimulatedCluster cluster;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DryRun.Planner planner = (json, user) -> List.of(
            Fixtures.rendered("posit-default-2.4.0", "typical-session", "job.tpl"),
            Fixtures.rendered("posit-default-2.4.0", "typical-session", "service.tpl"));

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void acceptedObjectsAreNotCreated() throws IOException {
        int status = dryRun().run(jobFile(), Optional.of("alice"), print(out), print(err));

        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).contains("# Job rstudio-session-alice-*: accepted by the API server",
                "# Service rstudio-session-alice-x7k2p-svc: accepted by the API server",
                "# The API server accepts every object (dry run: nothing was created).");
        assertThat(cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).list().getItems()).isEmpty();
        assertThat(cluster.client().services().inNamespace(cluster.namespace()).list().getItems()).isEmpty();
    }

    @Test
    void forbiddenCreateIsReported() throws IOException {
        cluster.scenarios().deny("create", "jobs");
        int status = dryRun().run(jobFile(), Optional.of("alice"), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("# Job rstudio-session-alice-*: rejected: HTTP 403 Forbidden: jobs.batch is forbidden");
        assertThat(text(out)).contains("# Service rstudio-session-alice-x7k2p-svc: accepted by the API server",
                "# The API server rejects the job's objects");
    }

    private DryRun dryRun() {
        return new DryRun(planner, Optional.of(new ServerDryRun(cluster.client(), cluster.namespace())));
    }

    private Path jobFile() throws IOException {
        return Files.writeString(tmp.resolve("job.json"), "{\"name\":\"RStudio Session (alice)\"}");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
