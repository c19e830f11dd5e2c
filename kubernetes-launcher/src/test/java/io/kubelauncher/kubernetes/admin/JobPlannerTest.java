package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.kubernetes.policy.GroupResolver;
import io.kubelauncher.kubernetes.policy.UserPolicy;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.kubernetes.source.BuiltinRenderer;
import io.kubelauncher.kubernetes.source.ProfilePolicy;
import io.kubelauncher.kubernetes.source.SpecRenderer;
import io.kubelauncher.kubernetes.source.TemplateRenderer;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** --dry-run on the plugin's real submit path: profiles, .Job context, templates or built-in spec. */
class JobPlannerTest {

    private static final String JOB = """
            {"job": {"name": "RStudio Session", "user": "alice", "exe": "/usr/lib/rstudio-server/bin/rsession",
             "args": ["--standalone=1"], "container": {"image": "r-session:4.4"},
             "exposedPorts": [{"targetPort": 8787, "protocol": "TCP"}],
             "resourceLimits": [{"type": "cpuCount", "value": "2"}, {"type": "memory", "value": "1024"}],
             "tags": ["rstudio-r-session"]}}
            """;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ProfilePolicy policy;
    private final GroupResolver noGroups = new GroupResolver() {
        @Override
        public Set<String> groupsOf(String user) {
            return Set.of();
        }

        @Override
        public boolean groupExists(String group) {
            return false;
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        Path profiles = Files.writeString(tmp.resolve("profiles.conf"), "[*]\nmax-cpus=4\nmax-mem-mb=4096\n");
        policy = new ProfilePolicy(UserPolicy.load(profiles, tmp.resolve("no-resources.conf"), noGroups));
    }

    private JobPlanner planner(SpecRenderer renderer) {
        return new JobPlanner(policy, renderer, "Kubernetes", true, true, WireJson.newMapper(), new KubernetesSerialization());
    }

    private SpecRenderer templates() throws Exception {
        TemplateDirectory directory = new TemplateDirectory(tmp.resolve("scratch"), TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        return new TemplateRenderer(directory, JsonMapper.builder().build(), new KubernetesSerialization());
    }

    @Test
    void templatesProduceTheJobAndItsService() throws Exception {
        int status = new DryRun(planner(templates()), Optional.empty()).run(jobFile(JOB), Optional.empty(),
                print(out), print(err));
        String text = text(out);
        assertThat(status).as(text(err)).isZero();
        assertThat(text).contains("kind: \"Job\"", "generateName: \"rstudio-session-", "user: \"alice\"",
                "USER_TAG_0: \"rstudio-r-session\"", "restartPolicy: \"Never\"", "cpu: \"2\"", "memory: \"1024M\"",
                "kind: \"Service\"", "job-name: \"rstudio-session-");
    }

    @Test
    void withStdinAnnotationOffTheDryRunShowsStdinKeptOffThePodAsSubmitDoes() throws Exception {
        String withStdin = JOB.replace("\"tags\":", "\"stdin\": \"tls-key-do-not-show\", \"tags\":");
        for (SpecRenderer renderer : java.util.List.of(templates(), new BuiltinRenderer(JsonMapper.builder().build()))) {
            out.reset();
            JobPlanner planner = new JobPlanner(policy, renderer, "Kubernetes", true, false, WireJson.newMapper(),
                    new KubernetesSerialization());
            int status = new DryRun(planner, Optional.empty()).run(jobFile(withStdin), Optional.empty(), print(out), print(err));
            assertThat(status).as(text(err)).isZero();
            assertThat(text(out)).doesNotContain("tls-key-do-not-show").contains("stdin: true", "stdinOnce: true");
        }
        out.reset();
        new DryRun(planner(templates()), Optional.empty()).run(jobFile(withStdin), Optional.empty(), print(out), print(err));
        assertThat(text(out)).as("stdin-annotation=1 keeps the vendor's annotation").contains("tls-key-do-not-show");
    }

    @Test
    void builtinSpecProducesTheSameKindOfObjects() throws Exception {
        int status = new DryRun(planner(new BuiltinRenderer(JsonMapper.builder().build())), Optional.empty())
                .run(jobFile(JOB), Optional.of("bob"), print(out), print(err));
        assertThat(status).as(text(err)).isZero();
        assertThat(text(out)).contains("kind: \"Job\"", "user: \"bob\"", "kind: \"Service\"");
    }

    @Test
    void theProfileRefusesTooManyCpus() throws Exception {
        int status = new DryRun(planner(templates()), Optional.empty())
                .run(jobFile(JOB.replace("\"value\": \"2\"", "\"value\": \"8\"")), Optional.empty(), print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(err)).startsWith("The plugin would refuse this job: ").contains("8", "4");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void badJsonIsReportedWithFileLineAndColumn() throws Exception {
        Path file = jobFile("{\n  \"name\": \"Broken\",\n  \"command\": \"echo\" \"hi\"\n}\n");
        int status = new DryRun(planner(templates()), Optional.empty()).run(file, Optional.empty(), print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(err)).startsWith(file + ":3:").contains("not valid JSON");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void aWellFormedButWrongJobNamesTheField() throws Exception {
        Path file = jobFile("{\"job\": {\"name\": \"x\", \"args\": {\"a\": 1}}}");
        int status = new DryRun(planner(templates()), Optional.empty()).run(file, Optional.of("bob"), print(out), print(err));
        assertThat(status).isEqualTo(1);
        assertThat(text(err)).startsWith(file + ": not a valid Launcher job").contains("args");
    }

    @Test
    void serverValidatesTheRealObjectsWithoutCreatingThem() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            DryRun dryRun = new DryRun(planner(templates()),
                    Optional.of(new ServerDryRun(cluster.client(), cluster.namespace())));
            int status = dryRun.run(jobFile(JOB), Optional.empty(), print(out), print(err));
            assertThat(status).as(text(err)).isZero();
            assertThat(text(out)).contains("# Job rstudio-session-", ": accepted by the API server",
                    "# Service rstudio-session-", "nothing was created");
            assertThat(cluster.client().batch().v1().jobs().inNamespace(cluster.namespace()).list().getItems()).isEmpty();
        }
    }

    @Test
    void smokeTestRunsThroughTheTemplates() throws Exception {
        Files.writeString(tmp.resolve("profiles.conf"), "[*]\ndefault-container-image=busybox:1.36\n");
        policy = new ProfilePolicy(UserPolicy.load(tmp.resolve("profiles.conf"), tmp.resolve("none.conf"), noGroups));
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            SmokeTest smokeTest = new SmokeTest(cluster.client(), cluster.namespace(),
                    SmokeTest.plannedJob(planner(templates()), "rstudio-server"), java.time.Clock.systemUTC(),
                    java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(1));
            int status = smokeTest.run(print(out), print(err));
            assertThat(status).as(text(out)).isZero();
            assertThat(text(out)).contains("Created job launcher-smoke-test-", "| launcher smoke test ", "PASS");
        }
    }

    @Test
    void smokeTestWithoutAnImageSaysWhy() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            SmokeTest smokeTest = new SmokeTest(cluster.client(), cluster.namespace(),
                    SmokeTest.plannedJob(planner(templates()), "rstudio-server"), java.time.Clock.systemUTC(),
                    java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(1));
            int status = smokeTest.run(print(out), print(err));
            assertThat(status).isEqualTo(1);
            assertThat(text(out)).contains("FAIL: cannot build the test job: ");
        }
    }

    private Path jobFile(String json) throws Exception {
        return Files.writeString(tmp.resolve("job.json"), json);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
