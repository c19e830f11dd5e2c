package io.kubelauncher.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The demo's verdict when the plugin does not work: a plugin that exits at once never answers
 * Bootstrap, so the demo must stop after it, name the failed checks and exit non-zero.
 */
class DemoMainTest {

    @Test
    void aPluginThatNeverAnswersFailsTheDemoNamingTheCheck(@TempDir Path work) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new DemoMain(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--work-dir", work.toString(), "--patience-seconds", "30", "--", "sh", "-c", "echo broken >&2; exit 3");
        String transcript = bytes.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(transcript).isEqualTo(1);
        // the plugin is gone either before the Bootstrap frame is written or before it could answer
        assertThat(transcript).containsPattern("FAIL +Bootstrap: completed: (the plugin exited with code 3 without answering"
                + " Bootstrap|cannot write to the plugin's stdin)")
                .contains("plugin: clean exit: exit code 3")
                .doesNotContain("== 2. ")
                .containsPattern("FAILED: \\d+ of \\d+ checks: Bootstrap: completed, plugin: clean exit");
        assertThat(work.resolve("etc/launcher.kubernetes.conf")).exists();
        assertThat(Files.readString(work.resolve("etc/launcher.kubernetes.conf"))).contains("kubernetes-namespace=rstudio");
        assertThat(Files.readString(work.resolve("plugin-stderr.log"))).isEqualTo("broken\n");
    }

    @Test
    void thePluginCommandIsRequired() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new DemoMain(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        command.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

        assertThat(command.execute()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'PLUGIN_COMMAND'");
    }
}
