package io.kubelauncher.kubernetes.e2e;

import io.kubelauncher.testkit.demo.Check;
import io.kubelauncher.testkit.demo.Checklist;
import io.kubelauncher.testkit.demo.Demo;
import io.kubelauncher.testkit.demo.DemoSettings;
import io.kubelauncher.testkit.demo.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/demo} in CI: the same scenes against the plugin's classes (its own JVM, started as
 * {@code io.kubelauncher.kubernetes.Main}), or against the packaged plugin when
 * {@code -Dkubelauncher.pluginCommand=bin/rstudio-kubernetes-launcher} is set. Every check the demo
 * shows a newcomer must pass.
 */
class DemoTest {

    @Test
    void everyCheckOfTheDemoPasses(@TempDir Path workDirectory) {
        Checklist checks = new Demo(DemoSettings.of(PluginCommand.of(List.of(), List.of()), workDirectory),
                new Transcript(new PrintStream(System.out, true, StandardCharsets.UTF_8), Clock.systemUTC()),
                Clock.systemUTC()).run();

        assertThat(checks.failures()).as("failed checks (the transcript above shows what happened)").isEmpty();
        assertThat(checks.checks()).extracting(Check::name).contains("bootstrap", "cluster info: alice",
                "cluster info: bob", "batch job: output streamed", "batch job: Finished, exit code 0",
                "session: port published as a NodePort", "session: network info", "session: stdin reached the process",
                "privacy: bob's job hidden from alice", "policy: over-limit job refused", "kill: session Killed",
                "bad image: friendly status message", "bad image: Failed after the grace period", "plugin: clean exit",
                "statuses: only forward", "protocol: every frame well-formed");
    }
}
