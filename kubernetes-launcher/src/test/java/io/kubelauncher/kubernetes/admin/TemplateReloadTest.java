package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.runtime.PluginRuntime;
import io.kubelauncher.api.runtime.Signals;
import io.kubelauncher.kubernetes.StubJobSource;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.kubernetes.source.TemplateRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What SIGHUP does (the runtime calls {@link ReloadCoordinator#reloadAll()}): a broken new template
 * keeps the old set in use and the log says why; a fixed one is taken; profiles reload regardless.
 */
class TemplateReloadTest {

    @TempDir
    Path scratch;

    private TemplateRenderer templates;
    private final List<String> profileReloads = new ArrayList<>();
    private ReloadCoordinator sighup;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger rendererLog = (Logger) LoggerFactory.getLogger(TemplateRenderer.class);

    @BeforeEach
    void setUp() throws Exception {
        TemplateDirectory directory = new TemplateDirectory(scratch, TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        templates = new TemplateRenderer(directory, JsonMapper.builder().build(), new KubernetesSerialization());
        sighup = new ReloadCoordinator(List.of(
                ReloadCoordinator.Step.failingWith("templates", () -> templates.reload()),
                ReloadCoordinator.Step.of("profiles", () -> {
                    profileReloads.add("reloaded");
                    return ConfigReloadResult.success();
                })));
        log.start();
        rendererLog.addAppender(log);
    }

    @AfterEach
    void detach() {
        rendererLog.detachAppender(log);
    }

    @Test
    void brokenTemplateKeepsTheOldOnesAndLogsWhy() throws IOException {
        edit("job.tpl", "        user: {{ toYaml .Job.user }}\n",
                "        user: {{ toYaml .Job.user }}\n        cost-center: {{ costCenter .Job.user }}\n");

        ConfigReloadResult result = sighup.reloadAll();

        assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.VALIDATION_ERROR);
        assertThat(result.message()).startsWith("templates: ").contains("job.tpl:40", "function \"costCenter\" not defined")
                .doesNotContain("profiles");

        assertThat(annotations()).containsEntry("user", "alice").doesNotContainKey("cost-center");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("kept the previous templates", "job.tpl:40", "function \"costCenter\" not defined"));
        assertThat(profileReloads).hasSize(1);
    }

    @Test
    void fixedTemplateIsUsedAfterTheNextReload() throws IOException {
        edit("job.tpl", "        user: {{ toYaml .Job.user }}\n",
                "        user: {{ toYaml .Job.user }}\n        cost-center: {{ costCenter .Job.user }}\n");
        sighup.reloadAll();
        edit("job.tpl", "{{ costCenter .Job.user }}", "{{ printf \"cc-%s\" .Job.user | quote }}");

        assertThat(sighup.reloadAll()).isEqualTo(ConfigReloadResult.success());

        assertThat(annotations()).containsEntry("cost-center", "cc-alice");
    }

    @Test
    void incompatibleVersionIsRefusedOnReload() throws IOException {
        edit("service.tpl", "# Version: 2.5.0", "# Version: 3.0.0");
        assertThat(sighup.reloadAll().message()).startsWith("templates: ").contains("service.tpl:1: template version 3.0.0");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("service.tpl:1: template version 3.0.0 is not compatible"));
    }

    /**
     * The real signal: SIGHUP to this JVM, through the plugin runtime's handler, as
     * {@code kill -s SIGHUP $(pidof rstudio-kubernetes-launcher)} does.
     */
    @Test
    void sighupReloadsThroughTheRuntimesSignalHandler() throws Exception {
        PluginRuntime runtime = PluginRuntime.builder(new StubJobSource())
                .input(new java.io.ByteArrayInputStream(new byte[0])).output(new java.io.ByteArrayOutputStream()).build();
        Signals.install(runtime, sighup::reloadAll);
        edit("job.tpl", "        user: {{ toYaml .Job.user }}\n",
                "        user: {{ toYaml .Job.user }}\n        reloaded: \"yes\"\n");

        Process kill = new ProcessBuilder("kill", "-s", "HUP", String.valueOf(ProcessHandle.current().pid())).start();
        assertThat(kill.waitFor()).isZero();

        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> profileReloads.size() == 1);
        assertThat(annotations()).containsEntry("reloaded", "yes");
    }

    private Map<String, String> annotations() {
        io.kubelauncher.api.model.Job job = io.kubelauncher.api.model.Job.builder().name("Session").user("alice")
                .exe("/bin/true").container(Container.of("busybox")).build();
        Job rendered = templates.job(JobContext.of(Admission.unchanged(job), "Kubernetes", true));
        return rendered.getSpec().getTemplate().getMetadata().getAnnotations();
    }

    private void edit(String name, String from, String to) throws IOException {
        Path file = scratch.resolve(name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
