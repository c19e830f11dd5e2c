package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.options.OptionSource;
import io.kubelauncher.api.options.OptionValue;
import io.kubelauncher.kubernetes.config.HostEnvironment;
import io.kubelauncher.kubernetes.config.KubernetesConfig;
import io.kubelauncher.kubernetes.logging.SecretRedactor;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command as the plugin's main runs it, from a real configuration, against the
 * SimulatedCluster over HTTPS with a bearer token; the token shows up in no output.
 */
class AdminCommandsTest {

    @TempDir
    Path tmp;

    private SimulatedCluster cluster;
    private KubernetesConfig config;
    private Path scratch;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private AdminCommands commands;

    @BeforeEach
    void setUp() throws Exception {
        cluster = SimulatedCluster.builder().start();
        scratch = tmp.resolve("scratch");
        Path token = Files.writeString(tmp.resolve("token"), cluster.token() + "\n");
        Path profiles = Files.writeString(tmp.resolve("profiles.conf"), "[*]\ndefault-container-image=busybox:1.36\n");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("api-url", cluster.apiUrl());
        options.put("auth-token-path", token.toString());
        options.put("certificate-authority", Base64.getEncoder().encodeToString(
                cluster.caCertificatePem().getBytes(StandardCharsets.UTF_8)));
        options.put("kubernetes-namespace", cluster.namespace());
        options.put("scratch-path", scratch.toString());
        options.put("logging-dir", tmp.resolve("log").toString());
        options.put("profile-config", profiles.toString());
        options.put("use-templating", "1");
        config = KubernetesConfig.from(new MapOptions(options), tmp, new HostEnvironment(Map.of(), tmp.resolve("no-sa"), 2));
        SecretRedactor redactor = new SecretRedactor();
        commands = new AdminCommands(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), redactor, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void templateCommandsOnAFreshScratchPath() {
        assertThat(commands.generateTemplates(scratch)).isZero();
        assertThat(commands.validateTemplates(scratch, false)).as(text(out)).isZero();
        assertThat(commands.diffTemplates(scratch, System.getenv("PATH"))).isZero();
        assertThat(text(out)).contains("Wrote " + scratch.resolve("job.tpl"), "All templates are valid.",
                "job.tpl: no changes");
    }

    @Test
    void dryRunAndSmokeTestAgainstTheCluster() throws Exception {
        commands.generateTemplates(scratch);
        Path job = Files.writeString(tmp.resolve("job.json"), "{\"name\": \"Report\", \"user\": \"alice\","
                + " \"command\": \"echo hello\", \"exposedPorts\": [{\"targetPort\": 8080}]}");

        assertThat(commands.dryRun(config, job, Optional.empty(), true)).as(text(err)).isZero();
        assertThat(commands.smokeTest(config)).as(text(out)).isZero();

        assertThat(text(out)).contains("image: \"busybox:1.36\"", "# Job report-", "accepted by the API server",
                "PASS: the plugin can reach the cluster");
        assertThat(text(out) + text(err)).doesNotContain(cluster.token());
    }

    @Test
    void smokeTestWithoutTemplatesChecksTheClusterThenSaysWhatIsMissing() {
        assertThat(commands.smokeTest(config)).isEqualTo(1);
        assertThat(text(out)).contains("Connected: Kubernetes", "create jobs.batch: allowed",
                "FAIL: cannot build the test job: ", "job.tpl");
    }

    @Test
    void aRefusedTokenIsReportedWithoutShowingIt() throws Exception {
        commands.generateTemplates(scratch);
        Files.writeString(tmp.resolve("token"), "not-the-right-token-at-all\n");
        assertThat(commands.smokeTest(config)).isEqualTo(1);
        assertThat(text(out)).contains("FAIL: the API server does not accept the token (HTTP 401)")
                .doesNotContain("not-the-right-token-at-all");
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Options as the Launcher's command line would give them. */
    private record MapOptions(Map<String, String> values) implements OptionSource {
        @Override
        public Optional<OptionValue> get(String name) {
            return Optional.ofNullable(values.get(name)).map(v -> new OptionValue(name, v, "command line --" + name));
        }

        @Override
        public Set<String> names() {
            return values.keySet();
        }
    }
}
