package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.gotemplate.GoJson;
import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * use-templating=1 and the Launcher's init containers: the Workbench chart's job.tpl renders them
 * from our context (as real Go does, byte for byte), our default job.tpl does too, and an older
 * vendor template, which would drop them, makes the renderer say so and refuse such jobs.
 */
class InitContainerTemplatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Mount HOME = new Mount("/home/alice", false, new MountSource.Nfs("nfs.example.com", "/export/home/alice"));

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    private static Job jobWithInitContainers() {
        return Job.builder().name("RStudio Session").user("alice").cluster("Kubernetes").exe("/usr/lib/rstudio-server/bin/rsession")
                .container(io.kubelauncher.api.model.Container.of("rstudio/r-session:4.4"))
                .mounts(List.of(HOME))
                .initContainers(List.of(
                        new InitContainer("copy-skel", "busybox:1.36", "cp -rn /skel/. \"$HOME\"", null, List.of("&&", "echo 'done: ok'"),
                                List.of(new Mount("/skel", true, new MountSource.Host("/etc/skel")), HOME),
                                List.of(new Env("HOME", "/home/alice"), new Env("NOTE", "a: b\nc"))),
                        new InitContainer("wait-db", "postgres:16", null, "/usr/bin/pg_isready", List.of("-h", "db: 5432"), List.of(), List.of())))
                .metadata(Map.of("pod", Map.of("initContainers", List.of(Map.of("name", "from-metadata", "image", "busybox", "command", List.of("true"))))))
                .build();
    }

    private static JobContext context(Job job) {
        return JobContext.of(Admission.unchanged(job), "Kubernetes", true);
    }

    private TemplateRenderer renderer(Path dir) throws Exception {
        return new TemplateRenderer(new TemplateDirectory(dir, TemplateFunctions.launcher()), JSON, serialization);
    }

    @Test
    void theWorkbenchChartRendersThemBeforeTheMetadatasAndTheirVolumesExist(@TempDir Path scratch) throws Exception {
        TemplateRenderer chart = renderer(FixtureTemplates.copy("posit-workbench-chart", scratch));
        assertThat(chart.honoursInitContainers()).isTrue();

        PodSpec pod = chart.job(context(jobWithInitContainers())).getSpec().getTemplate().getSpec();

        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("copy-skel", "wait-db", "from-metadata");
        Container copy = pod.getInitContainers().get(0);
        assertThat(copy.getImage()).isEqualTo("busybox:1.36");
        assertThat(copy.getCommand()).containsExactly("/bin/sh");
        assertThat(copy.getArgs()).containsExactly("-c", "cp -rn /skel/. \"$HOME\" && echo 'done: ok'");
        assertThat(copy.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HOME", "/home/alice"), org.assertj.core.groups.Tuple.tuple("NOTE", "a: b\nc"));
        assertThat(copy.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath, VolumeMount::getReadOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mount1", "/skel", true),
                        org.assertj.core.groups.Tuple.tuple("mount0", "/home/alice", false));
        Container wait = pod.getInitContainers().get(1);
        assertThat(wait.getCommand()).containsExactly("/usr/bin/pg_isready");
        assertThat(wait.getArgs()).containsExactly("-h", "db: 5432");
        // every volume an init container mounts is a volume of the pod (the chart adds its own "test" volume)
        assertThat(pod.getVolumes()).extracting(Volume::getName).contains("mount0", "mount1");
        assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals("mount1")).findFirst().orElseThrow().getHostPath().getPath())
                .isEqualTo("/etc/skel");
    }

    @Test
    void ourContextRendersThroughTheChartAsRealGoRendersIt(@TempDir Path scratch) throws Exception {
        Path oracle = Optional.ofNullable(System.getProperty("gotemplate.oracle")).map(Path::of).orElse(null);
        assumeTrue(oracle != null && Files.isExecutable(oracle), "the Go oracle is built by bin/test");
        Path chart = FixtureTemplates.copy("posit-workbench-chart", Files.createDirectories(scratch.resolve("chart")));
        byte[] data = JSON.writeValueAsBytes(Map.of("Job", context(jobWithInitContainers()).toTemplateValue(Optional.empty())));
        Path dataFile = Files.write(scratch.resolve("job.json"), data);

        String ours = TemplateSet.loadDirectory(chart, TemplateFunctions.launcher()).render(TemplateDirectory.JOB, GoJson.read(data),
                RenderOptions.DEFAULT);
        Process go = new ProcessBuilder(oracle.toString(), chart.toString(), TemplateDirectory.JOB, dataFile.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        go.getOutputStream().close();
        String theirs = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(go.waitFor()).isZero();

        assertThat(ours).isEqualTo(theirs).contains("- name: copy-skel").contains("- name: wait-db");
    }

    @Test
    void ourDefaultTemplatesRenderThemToo(@TempDir Path scratch) throws Exception {
        TemplateDirectory directory = new TemplateDirectory(scratch, TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        TemplateRenderer ours = renderer(scratch);
        assertThat(ours.honoursInitContainers()).isTrue();
        PodSpec pod = ours.job(context(jobWithInitContainers())).getSpec().getTemplate().getSpec();
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("copy-skel", "wait-db", "from-metadata");
        assertThat(new BuiltinRenderer(JSON).honoursInitContainers()).isTrue();
    }

    @Test
    void anOlderVendorTemplateDoesNotClaimThemAndRefusesJobsThatHaveThem(@TempDir Path scratch) throws Exception {
        TemplateRenderer vendor = renderer(FixtureTemplates.copy("posit-default-2.4.0", scratch));
        assertThat(vendor.honoursInitContainers()).isFalse();
        assertThat(vendor.initContainersNote()).isEqualTo(scratch.resolve("job.tpl") + " does not render the Launcher's init containers"
                + " (.Job.initContainers): Cluster Info does not report supportsInitContainers and jobs with init containers are refused;"
                + " compare with --diff-templates");

        assertThatThrownBy(() -> vendor.job(context(jobWithInitContainers())))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("the job has init containers (copy-skel, wait-db), but " + scratch.resolve("job.tpl")
                            + " does not render .Job.initContainers, so this cluster does not support them (supportsInitContainers is false)");
                });
        // the job's metadata init containers are the template's business, as before
        Job plain = jobWithInitContainers().toBuilder().initContainers(List.of()).build();
        assertThat(vendor.job(context(plain)).getSpec().getTemplate().getSpec().getInitContainers()).extracting(Container::getName)
                .containsExactly("from-metadata");
    }

    @Test
    void theAnswerFollowsTheTemplatesAcrossAReload(@TempDir Path scratch) throws Exception {
        TemplateRenderer renderer = renderer(FixtureTemplates.copy("posit-default-2.4.0", scratch));
        assertThat(renderer.honoursInitContainers()).isFalse();
        Files.delete(scratch.resolve("job.tpl"));
        Files.delete(scratch.resolve("service.tpl"));
        new TemplateDirectory(scratch, TemplateFunctions.launcher()).writeDefaultsIfMissing();

        assertThat(renderer.reload()).isEmpty();
        assertThat(renderer.honoursInitContainers()).isTrue();
    }

    @Test
    void aTemplateThatMentionsThemButFailsOrDropsThemDoesNotClaimThem(@TempDir Path scratch) throws Exception {
        TemplateDirectory directory = new TemplateDirectory(scratch, TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        String ours = Files.readString(scratch.resolve("job.tpl"));
        // a mention in a comment, while the range is gone
        Files.writeString(scratch.resolve("job.tpl"), ours.replace("{{- range .Job.initContainers }}", "{{- /* .Job.initContainers */}}{{- range list }}"));
        assertThat(renderer(scratch).honoursInitContainers()).isFalse();
        // a template that fails for any job with init containers
        Files.writeString(scratch.resolve("job.tpl"), ours.replace("      initContainers:\n",
                "      initContainers:\n        {{- if .Job.initContainers }}{{ fail \"not here\" }}{{ end }}\n"));
        assertThat(renderer(scratch).honoursInitContainers()).isFalse();
    }
}
