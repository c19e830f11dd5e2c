package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** SIGHUP semantics: a broken new template keeps the old set in use; a fixed one is taken. */
class TemplateReloadTest {

    @TempDir
    Path scratch;

    private Runnable fire;
    private Reloadable<TemplateFiles> templates;
    private ReloadCoordinator coordinator;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger reloadLogger = (Logger) LoggerFactory.getLogger(Reloadable.class);

    @BeforeEach
    void setUp() throws Exception {
        Path oracle = GoOracleRenderer.oracleBinary();
        assumeTrue(oracle != null && Files.isExecutable(oracle), "the Go oracle is built by bin/test");
        for (String name : TemplateValidator.TEMPLATES) {
            Files.writeString(scratch.resolve(name), Fixtures.template("posit-default-2.4.0", name));
        }
        TemplateValidator validator = new TemplateValidator(new GoOracleRenderer(oracle), "2.4.0");
        templates = new Reloadable<>("templates", new VerifiedTemplateLoader(scratch, validator));
        coordinator = new ReloadCoordinator(List.of(ReloadCoordinator.Step.of(templates)));
        coordinator.listen(action -> fire = action);
        log.start();
        reloadLogger.addAppender(log);
    }

    @AfterEach
    void detach() {
        reloadLogger.detachAppender(log);
    }

    @Test
    void brokenTemplateKeepsTheOldOnesAndLogsWhy() throws IOException {
        String original = templates.get().files().get("job.tpl");
        edit("job.tpl", "{{ toYaml .Job.user }}", "{{ toYaml .Job.user }");

        fire.run();

        assertThat(templates.get().files().get("job.tpl")).isEqualTo(original);
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .startsWith("Reloading templates failed; the previous templates stay in use: the templates in "
                        + scratch + " cannot be used: job.tpl:35: [functions and syntax]"));
    }

    @Test
    void fixedTemplateIsTakenOnTheNextReload() throws IOException {
        edit("service.tpl", "# Version: 2.4.0", "# Version: 1.0.0");
        fire.run();
        assertThat(templates.get().files().get("service.tpl")).startsWith("# Version: 2.4.0");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("service.tpl:1: [template version] template version 1.0.0 is not compatible"));

        edit("service.tpl", "# Version: 1.0.0", "# Version: 2.4.0");
        edit("service.tpl", "  type: NodePort", "  type: ClusterIP");
        assertThat(coordinator.reloadAll()).isEqualTo(Map.of("templates", true));
        assertThat(templates.get().files().get("service.tpl")).contains("type: ClusterIP");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).isEqualTo("Reloaded templates"));
    }

    @Test
    void brokenTemplatesAtStartAreFatal() throws IOException {
        edit("job.tpl", "{{- end }}\n", "");
        TemplateValidator validator = new TemplateValidator(new GoOracleRenderer(GoOracleRenderer.oracleBinary()), "2.4.0");
        assertThatThrownBy(() -> new Reloadable<>("templates", new VerifiedTemplateLoader(scratch, validator)))
                .isInstanceOf(VerifiedTemplateLoader.InvalidTemplatesException.class)
                .hasMessageContaining("job.tpl:");
    }

    @Test
    void everyStepIsReloadedEvenWhenOneFails() throws IOException {
        List<String> order = new java.util.ArrayList<>();
        ReloadCoordinator both = new ReloadCoordinator(List.of(
                ReloadCoordinator.Step.of("profiles", () -> {
                    order.add("profiles");
                    throw new IllegalStateException("profiles file vanished");
                }),
                ReloadCoordinator.Step.of(templates)));
        edit("service.tpl", "  type: NodePort", "  type: LoadBalancer");
        assertThat(both.reloadAll()).containsExactly(Map.entry("profiles", false), Map.entry("templates", true));
        assertThat(order).containsExactly("profiles");
        assertThat(templates.get().files().get("service.tpl")).contains("type: LoadBalancer");
    }

    /** The real signal: the handler runs and the JVM survives SIGHUP. */
    @Test
    void sighupTriggersTheReload() throws Exception {
        CountDownLatch reloaded = new CountDownLatch(1);
        new SighupTrigger().onReload(reloaded::countDown);
        Process kill = new ProcessBuilder("kill", "-s", "HUP", String.valueOf(ProcessHandle.current().pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> reloaded.getCount() == 0);
    }

    private void edit(String name, String from, String to) throws IOException {
        Path file = scratch.resolve(name);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
