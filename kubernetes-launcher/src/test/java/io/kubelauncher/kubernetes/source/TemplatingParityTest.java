package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** use-templating=1 with our default templates and use-templating=0 make the same objects. */
class TemplatingParityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    static Stream<Job> jobs() {
        Job.Builder base = Job.builder().name("Nightly Report (alice)").user("alice").cluster("Kubernetes");
        return Stream.of(
                base.command("Rscript report.R").args(List.of("--date", "2026-11-27")).build(),
                base.exe("/usr/lib/rstudio-server/bin/rserver-launcher").args(List.of("--a", "b c")).command(null)
                        .stdin("{\"port\":8787}").workingDirectory("/home/alice")
                        .container(new Container("rstudio/r-session:4.4", 1001, 1001, List.of(1001, 2000)))
                        .environment(List.of(new Env("USER", "alice"), new Env("MULTI", "a\nb")))
                        .exposedPorts(List.of(ExposedPort.tcp(8788), new ExposedPort(6006, 30606, "TCP")))
                        .mounts(List.of(new Mount("/home/alice", false, new MountSource.Nfs("nfs.example.com", "/export/home/alice")),
                                new Mount("/data", true, new MountSource.Host("/mnt/data"))))
                        .placementConstraints(List.of(new PlacementConstraint("node-pool", "sessions")))
                        .resourceLimits(List.of(ResourceLimit.requested("cpuCount", "2"), ResourceLimit.requested("memory", "4096"),
                                ResourceLimit.requested("CPU Request", "1"), ResourceLimit.requested("Memory Request", "2048"),
                                ResourceLimit.requested("NVIDIA GPUs", "1")))
                        .config(List.of(new JobConfig("secret", null, "db-credentials:password:DB_PASSWORD")))
                        .tags(List.of("rstudio-r-session", "colon: tag"))
                        .instanceId("lb-1")
                        .metadata(Map.of("job", Map.of("labels", Map.of("app", "jupyter")), "pod", Map.of("annotations", Map.of("note", "yes"))))
                        .build(),
                // Launcher init containers: shell, exe and entrypoint forms, a mount shared with the job and one of their own
                base.command("run-session").container(new Container("rstudio/r-session:4.4", 1001, 1001, List.of()))
                        .mounts(List.of(new Mount("/home/alice", false, new MountSource.Nfs("nfs.example.com", "/export/home/alice"))))
                        .resourceLimits(List.of(ResourceLimit.requested("cpuCount", "2"), ResourceLimit.requested("memory", "4096"),
                                ResourceLimit.requested("CPU Request", "1"), ResourceLimit.requested("NVIDIA GPUs", "1")))
                        .initContainers(List.of(
                                new InitContainer("copy-skel", "busybox:1.36", "cp -rn /skel/. \"$HOME\"", null, List.of("&&", "echo 'done: ok'"),
                                        List.of(new Mount("/home/alice", false, new MountSource.Nfs("nfs.example.com", "/export/home/alice")),
                                                new Mount("/skel", true, new MountSource.Host("/etc/skel"))),
                                        List.of(new Env("HOME", "/home/alice"), new Env("MULTI", "a\nb"))),
                                new InitContainer("wait-db", "postgres:16", null, "/usr/bin/pg_isready", List.of("-h", "db: 5432"),
                                        List.of(), List.of()),
                                new InitContainer("entrypoint", "example/prepare:1", null, null, List.of("--fast"), List.of(), List.of())))
                        .metadata(Map.of("pod", Map.of("initContainers", List.of(Map.of("name", "from-metadata", "image", "busybox")))))
                        .build(),
                // Go's encoding/json escapes HTML characters and U+2028/U+2029 in the user_metadata annotation
                base.command("true").metadata(Map.of("note", "<b>R & Python</b>\u2028next\u2029", "z", List.of(1, "a>b"), "a", Map.of("é", "ü")))
                        .build());
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void templatesAndBuiltinSpecAgree(Job job, @TempDir Path scratch) throws Exception {
        TemplateDirectory directory = new TemplateDirectory(scratch, TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        TemplateRenderer templates = new TemplateRenderer(directory, JSON, serialization);
        BuiltinRenderer builtin = new BuiltinRenderer(JSON);
        Job completed = job.container() == null ? job.toBuilder().container(Container.of("ubuntu:24.04")).build() : job;
        JobContext context = JobContext.of(Admission.unchanged(completed), "Kubernetes", true);

        assertThat(normalized(templates.job(context))).isEqualTo(normalized(builtin.job(context)));
        assertThat(templates.service(context, "nightly-report-alice-x7k2p").map(this::normalized))
                .isEqualTo(builtin.service(context, "nightly-report-alice-x7k2p").map(this::normalized));
    }

    @ParameterizedTest
    @MethodSource("jobs")
    void withTheStdinAnnotationOffBothKeepStdinOffThePodAndStillStartTheContainerWithStdin(Job job, @TempDir Path scratch) throws Exception {
        TemplateDirectory directory = new TemplateDirectory(scratch, TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        TemplateRenderer templates = new TemplateRenderer(directory, JSON, serialization);
        Job completed = job.container() == null ? job.toBuilder().container(Container.of("ubuntu:24.04")).build() : job;
        JobContext context = JobContext.of(Admission.unchanged(completed), "Kubernetes", true, false);

        io.fabric8.kubernetes.api.model.batch.v1.Job templated = templates.job(context);
        assertThat(normalized(templated)).isEqualTo(normalized(new BuiltinRenderer(JSON).job(context)));
        assertThat(templated.getSpec().getTemplate().getMetadata().getAnnotations()).doesNotContainKey(LauncherKeys.STDIN)
                .containsKey(LauncherKeys.USER);
        var container = templated.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getStdin()).isEqualTo(completed.stdin() != null && !completed.stdin().isEmpty());
        assertThat(container.getStdinOnce()).isTrue();
        assertThat(serialization.asYaml(templated)).doesNotContain("8787");
    }

    @Test
    void aVendorTemplateWithTheAnnotationOffGetsAnEmptyStdinWhichSubmitDropsAndTheContainerFlagSubmitSets(@TempDir Path scratch)
            throws Exception {
        TemplateRenderer templates = new TemplateRenderer(new TemplateDirectory(FixtureTemplates.copy("posit-default-2.4.0", scratch),
                TemplateFunctions.launcher()), JSON, serialization);
        Job job = Job.builder().name("Session").user("alice").exe("/bin/sh").stdin("{\"tls\":\"-----BEGIN PRIVATE KEY-----\"}")
                .container(Container.of("ubuntu:24.04")).build();

        io.fabric8.kubernetes.api.model.batch.v1.Job rendered = templates.job(JobContext.of(Admission.unchanged(job), "Kubernetes", true, false));
        // what the vendor's template makes of the context: an empty annotation, and a container without stdin
        assertThat(rendered.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry(LauncherKeys.STDIN, "");
        assertThat(rendered.getSpec().getTemplate().getSpec().getContainers().get(0).getStdin()).isFalse();

        StdinSecrets.keepOffThePod(rendered, true);
        assertThat(rendered.getSpec().getTemplate().getMetadata().getAnnotations()).doesNotContainKey(LauncherKeys.STDIN);
        assertThat(rendered.getSpec().getTemplate().getSpec().getContainers().get(0).getStdin()).isTrue();
        assertThat(rendered.getSpec().getTemplate().getSpec().getContainers().get(0).getStdinOnce()).isTrue();
        assertThat(rendered.getMetadata().getAnnotations()).containsKey(LauncherKeys.STDIN_SECRET);
        assertThat(serialization.asYaml(rendered)).doesNotContain("PRIVATE KEY");
    }

    /** Kubernetes does not tell an empty map or list from an absent one; neither do we. */
    private JsonNode normalized(Object object) {
        JsonNode tree = JSON.readTree(serialization.asJson(object));
        return prune(tree);
    }

    private static JsonNode prune(JsonNode node) {
        if (node.isObject()) {
            var out = JSON.createObjectNode();
            node.properties().forEach(e -> {
                JsonNode v = prune(e.getValue());
                if (!(v.isNull() || (v.isContainer() && v.isEmpty()))) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(v -> out.add(prune(v)));
            return out;
        }
        return node;
    }
}
