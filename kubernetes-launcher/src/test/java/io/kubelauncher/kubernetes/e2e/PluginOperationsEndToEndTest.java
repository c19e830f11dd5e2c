package io.kubelauncher.kubernetes.e2e;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelauncher.kubernetes.privilege.Account;
import io.kubelauncher.kubernetes.privilege.LibcIdentity;
import io.kubelauncher.kubernetes.privilege.ThrowawayUser;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an administrator lives with once the plugin runs: its log file in {@code logging-dir} (with
 * one line per request at debug level and never the token), reloading profiles and templates on
 * the Launcher's Config Reload request and on SIGHUP, and the switch to {@code server-user}.
 */
class PluginOperationsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Not shaped like a JWT or a bearer header: only its registration with the redactor can hide it. */
    private static final String TOKEN = "kl-ops-e2e-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    @TempDir
    Path dir;

    private SimulatedCluster cluster;
    private LauncherClient launcher;
    private String tokenPermissions = "rw-------";

    @BeforeEach
    void startCluster() {
        cluster = SimulatedCluster.builder().namespace("rstudio").token(TOKEN).watchTimeout(Duration.ofSeconds(30)).start();
    }

    @AfterEach
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
        cluster.close();
    }

    private Path profiles() {
        return dir.resolve("launcher.kubernetes.profiles.conf");
    }

    private Path logFile() {
        return dir.resolve("logs/rstudio-kubernetes-launcher.log");
    }

    private LauncherClient startPlugin(String serverUser, List<String> classPath, String... extra) throws IOException {
        Path token = Files.writeString(dir.resolve("kubernetes.launcher.token"), TOKEN + "\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString(tokenPermissions));
        Files.writeString(profiles(), "[*]\ndefault-container-image=busybox:1.36\nmax-mem-mb=4096\n");
        String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(List.of(
                "api-url=" + cluster.apiUrl(),
                "auth-token-path=" + token,
                "certificate-authority=" + ca,
                "kubernetes-namespace=rstudio",
                "server-user=" + serverUser,
                "scratch-path=" + dir.resolve("scratch"),
                "logging-dir=" + dir.resolve("logs"),
                "profile-config=" + profiles(),
                "watch-timeout-seconds=10"));
        lines.addAll(List.of(extra));
        Path conf = Files.write(dir.resolve("launcher.kubernetes.conf"), lines);
        List<String> args = List.of("--config-file=" + conf, "--plugin-name=Kubernetes", "--heartbeat-interval-seconds=0");
        List<String> command = classPath.isEmpty() ? PluginCommand.of(args)
                : LauncherClient.javaCommand("io.kubelauncher.kubernetes.Main",
                        List.of("-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, classPath)), args);
        return LauncherClient.start(command);
    }

    private Message submit(String user, String name) {
        ObjectNode job = launcher.objectNode();
        job.put("name", name).put("command", "true");
        Message submitted = launcher.submitJob(user, job);
        assertThat(submitted.isError()).as("%s\n%s", submitted, launcher.stderr()).isFalse();
        return submitted;
    }

    private Map<String, String> podAnnotationsOf(String jobName) {
        List<Job> jobs = cluster.client().batch().v1().jobs().inNamespace("rstudio").list().getItems();
        return jobs.stream().map(j -> j.getSpec().getTemplate().getMetadata().getAnnotations())
                .filter(a -> jobName.equals(a.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Kubernetes job named " + jobName));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void logsToLoggingDirWithRequestLinesAndNeverTheToken() throws Exception {
        tokenPermissions = "rw-r--r--";
        launcher = startPlugin("root", List.of(), "enable-debug-logging=1");
        Message bootstrap = launcher.bootstrap();
        assertThat(bootstrap.isError()).as("%s\n%s", bootstrap, launcher.stderr()).isFalse();

        // A job named like the token: the debug request line would carry it, were it not redacted.
        submit("alice", TOKEN);
        submit("alice", "Ordinary");
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).contains(0);

        String log = Files.readString(logFile());
        assertThat(log).contains("rstudio-kubernetes-launcher", "started;",
                "kubernetes.launcher.token is readable by every user on this machine",
                "Bootstrap [] ok in", "Submit Job [user=alice name=[REDACTED]] ok in",
                "Submit Job [user=alice name=Ordinary] ok in", "API requests sent");
        assertThat(log).as("the log file").doesNotContain(TOKEN);
        assertThat(launcher.stderr()).as("stderr").doesNotContain(TOKEN).doesNotContain("Submit Job");
    }

    @Test
    void withoutDebugLoggingThereAreNoRequestLines() throws Exception {
        launcher = startPlugin("root", List.of());
        assertThat(launcher.bootstrap().isError()).isFalse();
        submit("alice", "Quiet");
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).contains(0);
        assertThat(Files.readString(logFile())).contains("started;").doesNotContain("Submit Job").doesNotContain("DEBUG");
    }

    @Test
    void configReloadAndSighupKeepTheOldStateWhenTheNewFilesAreInvalid() throws Exception {
        launcher = startPlugin("root", List.of(), "use-templating=1");
        assertThat(launcher.bootstrap().isError()).as("%s", launcher.stderr()).isFalse();
        Path jobTpl = dir.resolve("scratch/job.tpl");
        String userLine = "        user: {{ toYaml .Job.user }}\n";

        // A broken template: refused, the old one stays in use.
        edit(jobTpl, userLine, userLine + "        cost-center: {{ costCenter .Job.user }}\n");
        Message refused = launcher.configReload("alice");
        assertThat(refused.get("errorType").asInt()).as("%s", refused).isEqualTo(2);
        assertThat(refused.get("errorMessage").asString()).startsWith("templates: ")
                .contains("job.tpl:40", "function \"costCenter\" not defined").doesNotContain("profiles:");
        submit("alice", "With the old template");
        assertThat(podAnnotationsOf("With the old template")).containsEntry("user", "alice").doesNotContainKey("cost-center");

        // Fixed: the new template is used.
        edit(jobTpl, "{{ costCenter .Job.user }}", "{{ printf \"cc-%s\" .Job.user | quote }}");
        Message accepted = launcher.configReload("alice");
        assertThat(accepted.get("errorType").asInt()).as("%s", accepted).isZero();
        submit("alice", "With the new template");
        assertThat(podAnnotationsOf("With the new template")).containsEntry("cost-center", "cc-alice");

        // Broken profiles: refused with file:line, the old limits stay.
        edit(profiles(), "max-mem-mb=4096", "max-mem-mb=lots");
        Message badProfiles = launcher.configReload("alice");
        assertThat(badProfiles.get("errorType").asInt()).as("%s", badProfiles).isIn(1, 2);
        assertThat(badProfiles.get("errorMessage").asString()).startsWith("profiles: ")
                .contains(profiles() + ":3");
        ObjectNode tooBig = launcher.objectNode();
        tooBig.put("name", "Too big").put("command", "true").putArray("resourceLimits").addObject()
                .put("type", "memory").put("value", "5000");
        assertThat(launcher.submitJob("alice", tooBig).isError()).as("the old max-mem-mb=4096 still applies").isTrue();

        // SIGHUP, as `kill -s SIGHUP $(pidof rstudio-kubernetes-launcher)`: the profiles are fixed with a
        // new limit and taken; the template loses its version comment and is refused.
        edit(profiles(), "max-mem-mb=lots", "max-mem-mb=8192");
        edit(jobTpl, "# Version: 2.5.0", "# no version");
        launcher.signal("HUP");
        await().atMost(WAIT).until(() -> occurrences(Files.readString(logFile()), "The templates were not reloaded") == 2);
        assertThat(launcher.submitJob("alice", tooBig).isError()).as("the new max-mem-mb=8192 applies").isFalse();
        submit("alice", "After a refused SIGHUP");
        assertThat(podAnnotationsOf("After a refused SIGHUP")).containsEntry("cost-center", "cc-alice");

        // SIGHUP with the template fixed again: everything reloads, the new template is used.
        edit(jobTpl, "# no version", "# Version: 2.5.0");
        edit(jobTpl, "{{ printf \"cc-%s\" .Job.user | quote }}", "\"after-sighup\"");
        launcher.signal("HUP");
        await().atMost(WAIT).until(() -> Files.readString(logFile()).contains("Reloaded [profiles, templates]"));
        submit("alice", "After SIGHUP");
        assertThat(podAnnotationsOf("After SIGHUP")).containsEntry("cost-center", "after-sighup");

        String log = Files.readString(logFile());
        assertThat(log).contains("The templates were not reloaded; the previous templates stay in use",
                "The profiles were not reloaded; the previous profiles stay in use", "SIGHUP received");
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).contains(0);
    }

    @Test
    void aConfigErrorStopsTheStartWithFileAndLineOnStderr() throws Exception {
        launcher = startPlugin("root", List.of(), "fetch-limit=lots");
        assertThat(launcher.waitForExit(WAIT)).contains(1);
        assertThat(launcher.stderr()).contains("rstudio-kubernetes-launcher: ",
                dir.resolve("launcher.kubernetes.conf") + ":10", "fetch-limit").doesNotContain(TOKEN);
        assertThat(launcher.messages()).isEmpty();
    }

    /** Rather than serve as root, the plugin refuses to start when server-user does not exist. */
    @Test
    void startedAsRootWithAnUnknownServerUserItRefusesToStart() throws Exception {
        assumeTrue(new LibcIdentity().effectiveUid() == 0, "only root drops privileges");
        launcher = startPlugin("no-such-user-kl", List.of());
        assertThat(launcher.waitForExit(WAIT)).contains(1);
        assertThat(launcher.stderr()).contains("rstudio-kubernetes-launcher: server-user 'no-such-user-kl' does not exist");
        assertThat(logFile()).doesNotExist();
    }

    /**
     * Started as root with a throwaway server-user: it reads the root-only token first, creates the
     * scratch path and the logging directory for that user, then serves as that user.
     */
    @Test
    void startedAsRootItServesAsServerUser() throws Exception {
        LibcIdentity posix = new LibcIdentity();
        assumeTrue(posix.effectiveUid() == 0, "the privilege drop can only be tested as root (CI runs as root)");
        Account user = ThrowawayUser.ensure(posix);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean packaged = !System.getProperty("kubelauncher.pluginCommand", "").isEmpty();
        launcher = startPlugin(user.name(), packaged ? List.of() : readableClassPath());

        Message bootstrap = launcher.bootstrap();
        assertThat(bootstrap.isError()).as("%s\n%s", bootstrap, launcher.stderr()).isFalse();
        submit("alice", "As server-user");

        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(launcher.process().pid()), "status"));
        String uid = Integer.toString(user.uid());
        assertThat(status).contains("Uid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid);
        assertThat(Files.getAttribute(dir.resolve("scratch"), "unix:uid")).isEqualTo(user.uid());
        assertThat(Files.getAttribute(logFile(), "unix:uid")).isEqualTo(user.uid());
        assertThat(Files.getAttribute(dir.resolve("kubernetes.launcher.token"), "unix:uid")).as("read as root").isEqualTo(0);
        assertThat(Files.readString(logFile())).contains("running as server-user " + user.name());
        launcher.closeStdin();
        assertThat(launcher.waitForExit(WAIT)).contains(0);
    }

    /**
     * This JVM's class path as server-user can read it after the drop: the JVM opens jars lazily, and
     * the local Maven repository usually sits in root's private home. Jars are hard-linked (copied
     * across file systems) into the test's own folder.
     */
    private List<String> readableClassPath() throws IOException {
        Path jars = Files.createDirectories(dir.resolve("classpath"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.isRegularFile(source)) {
                entries.add(entry);
                continue;
            }
            Path target = jars.resolve((n++) + "-" + source.getFileName());
            try {
                Files.createLink(target, source);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(source, target);
            }
            entries.add(target.toString());
        }
        Files.setPosixFilePermissions(jars, PosixFilePermissions.fromString("rwxr-xr-x"));
        return entries;
    }
}
