package io.kubelauncher.kubernetes.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/rstudio-kubernetes-launcher}, the executable the Launcher starts: the JVM options it
 * passes, read through a stand-in {@code java} that prints them, and what the JVM does with the ones
 * that keep its own output off stdout (the protocol channel).
 */
class LauncherScriptTest {

    @TempDir
    Path dir;

    /** The script installed beside a jar, with JAVA_HOME pointing at a java that prints its arguments. */
    private List<String> jvmArguments(String javaOpts, String... args) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("kubelauncher.root", ".."));
        Path install = Files.createDirectories(dir.resolve("install"));
        Path script = Files.copy(root.resolve("bin/rstudio-kubernetes-launcher"), install.resolve("rstudio-kubernetes-launcher"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (!Files.exists(install.resolve("rstudio-kubernetes-launcher.jar"))) {
            Files.writeString(install.resolve("rstudio-kubernetes-launcher.jar"), "");
        }
        Path javaHome = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
        Path java = Files.writeString(javaHome.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS", javaOpts);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void theJvmsOwnOutputIsSentToStderrBeforeTheAdministratorsOptions() throws Exception {
        List<String> plugin = jvmArguments("-Xmx512m -Xlog:gc:file=/var/log/gc.log", "--config-file=/etc/rstudio/launcher.kubernetes.conf");

        assertThat(plugin).startsWith("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");
        assertThat(plugin).containsSubsequence("-Xlog:all=warning:stderr", "-Xmx512m", "-Xlog:gc:file=/var/log/gc.log", "-jar");
        assertThat(plugin).endsWith("-jar", plugin.get(plugin.size() - 2), "--config-file=/etc/rstudio/launcher.kubernetes.conf");
        // the long-running plugin keeps the full JIT: output throughput drops by a third with C1 alone (BENCHMARKS.md)
        assertThat(plugin).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void thePluginsJitOptionsComeBeforeTheAdministratorsSoTheirsWin() throws Exception {
        List<String> plugin = jvmArguments("-XX:InlineSmallCode=2500", "--config-file=/etc/rstudio/launcher.kubernetes.conf");

        assertThat(plugin).containsSubsequence("-XX:InlineSmallCode=1000", "-XX:Tier4InvocationThreshold=15000", "-XX:InlineSmallCode=2500",
                "-jar");
        assertThat(jvmArguments("", "--validate-templates")).noneMatch(option -> option.startsWith("-XX:Tier4")
                || option.startsWith("-XX:InlineSmallCode"));
    }

    @Test
    void anAdminCommandStartsFastAndKeepsTheSameOutputRule() throws Exception {
        List<String> command = jvmArguments("", "--validate-templates");

        assertThat(command).startsWith("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr")
                .contains("-XX:TieredStopAtLevel=1").endsWith("--validate-templates");
    }

    @Test
    void aClassDataArchiveBesideTheJarIsUsedWhileItIsNewerThanTheJar() throws Exception {
        jvmArguments("", "--version");
        Path install = dir.resolve("install");
        Path archive = install.resolve("rstudio-kubernetes-launcher.jsa");
        Files.writeString(archive, "");
        Path jar = install.resolve("rstudio-kubernetes-launcher.jar");
        java.nio.file.attribute.FileTime jarTime = Files.getLastModifiedTime(jar);

        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(jarTime.toMillis() + 60_000));
        assertThat(jvmArguments("", "--config-file=x")).contains("-XX:SharedArchiveFile=" + archive);
        // a command makes its own, or has no use for it
        assertThat(jvmArguments("", "--create-cds-archive")).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));

        // the jar was upgraded since: the archive describes other classes
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(jarTime.toMillis() - 60_000));
        assertThat(jvmArguments("", "--config-file=x")).noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
    }

    /**
     * What the options promise, checked against this JDK: it accepts every one of them (a mistyped or
     * removed -XX option would stop the plugin from starting at all), and output printed by the VM
     * itself lands on stderr.
     */
    @Test
    void withTheseOptionsTheVmPrintsNothingOnStdout() throws Exception {
        List<String> arguments = jvmArguments("", "--config-file=x");
        List<String> options = arguments.subList(0, arguments.indexOf("-jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process process = new ProcessBuilder(command).start();
        byte[] stderr = process.getErrorStream().readAllBytes();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String vm = new String(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(vm).isZero();
        assertThat(stdout).isEmpty();
        assertThat(vm).contains("DisplayVMOutputToStderr", "openjdk version").containsPattern("InlineSmallCode\\s+= 1000\\s")
                .containsPattern("Tier4InvocationThreshold\\s+= 15000\\s").containsPattern("MetaspaceSize\\s+= 67108864\\s");
    }
}
