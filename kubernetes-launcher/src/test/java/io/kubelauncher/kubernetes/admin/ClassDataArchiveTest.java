package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child JVM {@link ClassDataArchive} starts, and what it says when that JVM cannot run. (The whole command: reliability's ClassDataArchiveTest.) */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ClassDataArchive archive(List<String> java) {
        return new ClassDataArchive(java, dir.resolve(ClassDataArchive.FILE_NAME), List.of("--config-file=/etc/rstudio/launcher.kubernetes.conf"),
                System.getProperty("user.name"), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theChildIsThePluginWithTheDumpAtExitAndItsOutputRules() {
        List<String> command = archive(List.of("/usr/bin/java", "-cp", "/opt/plugin.jar", "io.kubelauncher.kubernetes.Main"))
                .command(dir.resolve("work/a.jsa"));

        assertThat(command).containsExactly("/usr/bin/java", "-XX:ArchiveClassesAtExit=" + dir.resolve("work/a.jsa"),
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=error:stderr",
                "-cp", "/opt/plugin.jar", "io.kubelauncher.kubernetes.Main",
                "--config-file=/etc/rstudio/launcher.kubernetes.conf", "--heartbeat-interval-seconds=0");
    }

    @Test
    void aChildThatExitsWithoutAnsweringIsReportedAndLeavesNothing() throws Exception {
        // "true" exits at once, answering nothing
        int code = archive(List.of("/bin/true")).create();

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the class-data archive was not created",
                "the plugin exited with status 0");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }
}
