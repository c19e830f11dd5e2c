package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    private static final String JOB_PATH = "/apis/batch/v1/namespaces/rstudio/jobs?fieldValidation=Strict&dryRun=All";
    private static final String SERVICE_PATH = "/api/v1/namespaces/rstudio/services?fieldValidation=Strict&dryRun=All";

    @TempDir
    Path tmp;

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private KubernetesClient client;
    private Path jobFile;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The rendered objects of a vendor-template job, as the plugin's submit path would produce them. */
    private final DryRun.Planner planner = (json, user) -> List.of(
            Fixtures.rendered("posit-default-2.4.0", "typical-session", "job.tpl"),
            Fixtures.rendered("posit-default-2.4.0", "typical-session", "service.tpl"));

    @BeforeEach
    void setUp() throws IOException {
        server.init();
        client = server.createClient(b -> b.withConfig(new io.fabric8.kubernetes.client.ConfigBuilder()
                .withMasterUrl(server.url("/")).withTrustCerts(true).withRequestRetryBackoffLimit(0).build()));
        jobFile = Files.writeString(tmp.resolve("job.json"), "{\"name\":\"x\"}");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.destroy();
    }

    @Test
    void withoutServerItPrintsTheObjects() {
        int status = new DryRun(planner, Optional.empty()).run(jobFile, Optional.of("alice"), print(out), print(err));
        assertThat(status).isZero();
        assertThat(text(out)).startsWith("---\n# Version: 2.4.0\napiVersion: batch/v1\nkind: Job\n")
                .contains("---\n# Version: 2.4.0\napiVersion: v1\nkind: Service\n", "Add --server");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void serverValidatesWithDryRunAndStrictFields() throws Exception {
        server.expect().post().withPath(JOB_PATH).andReturn(201, new JobBuilder().withNewMetadata()
                .withName("rstudio-session-alice-abcde").endMetadata().build()).once();
        server.expect().post().withPath(SERVICE_PATH).andReturn(201, Fixtures.rendered("posit-default-2.4.0",
                "typical-session", "service.tpl").replace("# Version: 2.4.0\n", "")).once();

        int status = new DryRun(planner, Optional.of(new ServerDryRun(client, "rstudio")))
                .run(jobFile, Optional.empty(), print(out), print(err));

        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).contains("# Job rstudio-session-alice-abcde: accepted by the API server",
                "# Service rstudio-session-alice-x7k2p-svc: accepted by the API server", "nothing was created");
        RecordedRequest job = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(job.getMethod()).isEqualTo("POST");
        assertThat(job.getPath()).isEqualTo(JOB_PATH);
        assertThat(job.getBody().readUtf8()).contains("\"generateName\":\"rstudio-session-alice-\"",
                "\"restartPolicy\":\"Never\"");
    }

    @Test
    void serverRejectionIsReportedWithTheFieldAndExitOne() {
        Status invalid = new StatusBuilder().withCode(422).withReason("Invalid").withStatus("Failure")
                .withMessage("Job.batch \"\" is invalid: spec.template.spec.containers[0].image: Required value")
                .withNewDetails().addNewCause().withField("spec.template.spec.containers[0].image")
                .withMessage("Required value").endCause().endDetails().build();
        server.expect().post().withPath(JOB_PATH).andReturn(422, invalid).once();
        server.expect().post().withPath(SERVICE_PATH).andReturn(201, "{\"apiVersion\":\"v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"svc\"}}").once();

        int status = new DryRun(planner, Optional.of(new ServerDryRun(client, "rstudio")))
                .run(jobFile, Optional.empty(), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("# Job rstudio-session-alice-*: rejected: HTTP 422 Invalid: Job.batch \"\" is"
                + " invalid: spec.template.spec.containers[0].image: Required value",
                "    spec.template.spec.containers[0].image: Required value");
        assertThat(text(out)).contains("The API server rejects the job's objects");
    }

    @Test
    void refusedJobIsReported() {
        DryRun.Planner refusing = (json, user) -> {
            throw new IllegalArgumentException("alice may use at most 2 CPUs; the job asks for 4");
        };
        int status = new DryRun(refusing, Optional.empty()).run(jobFile, Optional.of("alice"), print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(err)).isEqualTo("The plugin would refuse this job: alice may use at most 2 CPUs; the job"
                + " asks for 4\n");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
