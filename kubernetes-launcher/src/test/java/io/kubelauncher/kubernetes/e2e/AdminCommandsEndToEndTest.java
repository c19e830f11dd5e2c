package io.kubelauncher.kubernetes.e2e;

import io.kubelauncher.kubernetes.e2e.PluginCommand.Result;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin commands through the real executable, as an administrator types them: exit status,
 * what goes to stdout and stderr, and where the files land. The config directory is this test's
 * own ({@code RSTUDIO_CONFIG_DIR}), so nothing of the machine's {@code /etc/rstudio} leaks in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandsEndToEndTest {

    /** Not shaped like a JWT or a bearer header: only its registration with the redactor can hide it. */
    private static final String TOKEN = "kl-admin-e2e-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    private SimulatedCluster cluster;

    @TempDir
    Path dir;

    private Path etc;
    private Map<String, String> environment;

    @BeforeAll
    void startCluster() {
        cluster = SimulatedCluster.builder().namespace("rstudio").token(TOKEN).start();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void configDir() throws IOException {
        etc = Files.createDirectories(dir.resolve("etc"));
        environment = Map.of("RSTUDIO_CONFIG_DIR", etc.toString(), "XDG_CONFIG_DIRS", dir.resolve("xdg").toString());
    }

    private Result run(String... args) {
        Result result = PluginCommand.run(List.of(args), environment);
        assertThat(result.stdout() + result.stderr()).as("the token never shows").doesNotContain(TOKEN);
        return result;
    }

    /** launcher.kubernetes.conf for the SimulatedCluster, with these extra lines. */
    private void writeConfig(String... extra) throws IOException {
        Path token = Files.writeString(etc.resolve("kubernetes.launcher.token"), TOKEN + "\n");
        Files.writeString(etc.resolve("launcher.kubernetes.profiles.conf"),
                "[*]\ndefault-container-image=busybox:1.36\nmax-cpus=2\n");
        String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(List.of(
                "api-url=" + cluster.apiUrl(),
                "auth-token-path=" + token,
                "certificate-authority=" + ca,
                "kubernetes-namespace=rstudio",
                "server-user=root",
                "scratch-path=" + dir.resolve("scratch"),
                "logging-dir=" + dir.resolve("logs")));
        lines.addAll(List.of(extra));
        Files.write(etc.resolve("launcher.kubernetes.conf"), lines);
    }

    @Test
    void helpVersionAndUsageErrors() {
        Result help = run("--help");
        assertThat(help.exitCode()).as("%s", help).isZero();
        assertThat(help.stdout()).contains("Usage: rstudio-kubernetes-launcher", "--generate-templates",
                "--validate-templates", "--verbose", "--diff-templates", "--scratch-path=PATH", "--dry-run=JOB.json",
                "--user=NAME", "--server", "--smoke-test", "Exit status:");

        Result version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("rstudio-kubernetes-launcher ").contains("Launcher Plugin API 3.7.0");

        Result two = run("--generate-templates", "--diff-templates");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.stderr()).startsWith("give one command at a time");
        assertThat(run("--verbose").stderr()).startsWith("--verbose goes with --validate-templates");
        assertThat(run("--server", "--generate-templates").exitCode()).isEqualTo(2);
    }

    @Test
    void templateCommandsBeforeAnyConfigExists() throws IOException {
        Path scratch = dir.resolve("new/scratch");

        Result generated = run("--generate-templates", "--scratch-path", scratch.toString());
        assertThat(generated.exitCode()).as("%s", generated).isZero();
        assertThat(generated.stdout()).contains("Wrote " + scratch.resolve("job.tpl"), "Wrote " + scratch.resolve("service.tpl"));
        assertThat(Files.readString(scratch.resolve("job.tpl"))).startsWith("# Version: 2.5.0");
        assertThat(generated.stderr()).isEmpty();

        Files.writeString(scratch.resolve("job.tpl"), Files.readString(scratch.resolve("job.tpl"))
                .replace("restartPolicy: Never", "restartPolicy: OnFailure")
                .replace("        user: {{ toYaml .Job.user }}\n", ""));
        Result again = run("--generate-templates", "--scratch-path=" + scratch);
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains(scratch.resolve("job.tpl") + " already exists; left unchanged");
        assertThat(Files.readString(scratch.resolve("job.tpl"))).contains("OnFailure");

        Result validated = run("--validate-templates", "--scratch-path", scratch.toString());
        assertThat(validated.exitCode()).as("%s", validated).isEqualTo(1);
        assertThat(validated.stdout()).contains("Validating templates in " + scratch,
                "job.tpl:63: [hard-coded value] spec.template.spec.restartPolicy must be Never, found 'OnFailure'",
                "[required piece]", "user", "service.tpl: OK");
        assertThat(validated.stderr()).contains("2 problems found in the templates in " + scratch);

        Result diff = run("--diff-templates", "--scratch-path", scratch.toString());
        assertThat(diff.exitCode()).as("%s", diff).isEqualTo(1);
        assertThat(diff.stdout()).contains("-      restartPolicy: Never", "+      restartPolicy: OnFailure",
                "-        user: {{ toYaml .Job.user }}", "service.tpl: no changes");
    }

    @Test
    void validateReportsSyntaxErrorsByLineAndVerbosePrintsTheYaml() throws IOException {
        Path scratch = dir.resolve("scratch");
        assertThat(run("--generate-templates", "--scratch-path", scratch.toString()).exitCode()).isZero();

        Result clean = run("--validate-templates", "--verbose", "--scratch-path", scratch.toString());
        assertThat(clean.exitCode()).as("%s", clean).isZero();
        assertThat(clean.stdout()).contains("--- job.tpl rendered for the test job:", "kind: Job",
                "--- service.tpl rendered for the test job:", "All templates are valid.");

        Path job = scratch.resolve("job.tpl");
        Files.writeString(job, Files.readString(job).replace("backoffLimit: 0", "backoffLimit: {{ .Job.nope | nosuchfunction }}"));
        Result broken = run("--validate-templates", "--scratch-path", scratch.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stdout()).contains("job.tpl:25: [functions and syntax]", "nosuchfunction");

        Files.writeString(job, Files.readString(job).replace("backoffLimit: {{ .Job.nope | nosuchfunction }}", "backoffLimit: 0"));
        Path service = scratch.resolve("service.tpl");
        Files.writeString(service, Files.readString(service).replace("spec:\n", "spec:\n  selector: [unclosed\n"));
        Result badYaml = run("--validate-templates", "--scratch-path", scratch.toString());
        assertThat(badYaml.exitCode()).as("%s", badYaml).isEqualTo(1);
        assertThat(badYaml.stdout()).contains("job.tpl: OK", "service.tpl:", "[valid YAML]");
    }

    @Test
    void diffTemplatesSaysSoWhenDiffIsMissing() throws IOException {
        Path scratch = dir.resolve("scratch");
        assertThat(run("--generate-templates", "--scratch-path", scratch.toString()).exitCode()).isZero();
        // A PATH with what the wrapper script needs, but no diff.
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("bash", "dirname", "readlink")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        environment = Map.of("RSTUDIO_CONFIG_DIR", etc.toString(), "PATH", tools.toString(),
                "JAVA_HOME", System.getProperty("java.home"));

        Result diff = run("--diff-templates", "--scratch-path", scratch.toString());

        assertThat(diff.exitCode()).as("%s", diff).isEqualTo(2);
        assertThat(diff.stderr()).contains("--diff-templates needs the diff command, and there is none on the PATH",
                "apt-get install diffutils");
    }

    @Test
    void theConfigsScratchPathWinsOverTheCommandLine() throws IOException {
        writeConfig();
        Result generated = run("--generate-templates", "--scratch-path", dir.resolve("elsewhere").toString());
        assertThat(generated.exitCode()).as("%s", generated).isZero();
        assertThat(dir.resolve("scratch/job.tpl")).exists();
        assertThat(dir.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void anIncompleteConfigStillGivesItsScratchPathAndSaysWhatIsMissing() throws IOException {
        Files.writeString(etc.resolve("launcher.kubernetes.conf"), "scratch-path=" + dir.resolve("from-config") + "\n");
        Result generated = run("--generate-templates");
        assertThat(generated.exitCode()).as("%s", generated).isZero();
        assertThat(dir.resolve("from-config/service.tpl")).exists();
        assertThat(generated.stderr()).contains("warning:", "api-url");
    }

    @Test
    void dryRunPrintsTheObjectsOrNamesTheProblem() throws IOException {
        writeConfig("use-templating=1");
        assertThat(run("--generate-templates").exitCode()).isZero();
        Path job = Files.writeString(dir.resolve("job.json"),
                "{\"name\": \"Report\", \"command\": \"echo hi\", \"exposedPorts\": [{\"targetPort\": 8787, \"protocol\": \"TCP\"}]}\n");

        Result planned = run("--dry-run", job.toString(), "--user", "alice");
        assertThat(planned.exitCode()).as("%s", planned).isZero();
        assertThat(planned.stdout()).contains("kind: \"Job\"", "image: \"busybox:1.36\"", "user: \"alice\"",
                "kind: \"Service\"", "# Not sent to Kubernetes.");

        Result server = run("--dry-run", job.toString(), "--user", "alice", "--server");
        assertThat(server.exitCode()).as("%s", server).isZero();
        assertThat(server.stdout()).contains(": accepted by the API server", "nothing was created");
        assertThat(cluster.client().batch().v1().jobs().inNamespace("rstudio").list().getItems()).isEmpty();

        Path greedy = Files.writeString(dir.resolve("greedy.json"), "{\"name\": \"Big\", \"command\": \"true\","
                + " \"resourceLimits\": [{\"type\": \"cpuCount\", \"value\": \"8\"}]}");
        Result refused = run("--dry-run", greedy.toString(), "--user", "alice");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).startsWith("The plugin would refuse this job: ").contains("8");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"name\": \"x\",\n  \"command\" \"true\"\n}\n");
        Result bad = run("--dry-run", broken.toString(), "--user", "alice");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).startsWith(broken + ":3:");
    }

    @Test
    void dryRunAndSmokeTestNeedACompleteConfig() {
        Result noConfig = run("--smoke-test");
        assertThat(noConfig.exitCode()).isEqualTo(1);
        assertThat(noConfig.stderr()).startsWith("rstudio-kubernetes-launcher: ").contains("api-url");
    }

    @Test
    void smokeTestRunsAJobOnTheClusterAndDeletesIt() throws IOException {
        writeConfig();
        Result smoke = run("--smoke-test");
        assertThat(smoke.exitCode()).as("%s", smoke).isZero();
        assertThat(smoke.stdout()).contains("Connecting to the API server", "Submitting a test job", "Deleted job",
                "PASS:");
        assertThat(cluster.client().batch().v1().jobs().inNamespace("rstudio").list().getItems()).isEmpty();
    }
}
