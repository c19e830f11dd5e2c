package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.api.options.LauncherOptions;
import io.kubelauncher.api.options.LogLevel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KubernetesConfigTest {

    private static final Path CONFIG_DIR = Path.of("/etc/rstudio");

    @TempDir
    Path dir;

    private HostEnvironment host;
    private String caPem;

    @BeforeEach
    void setUp() throws Exception {
        host = new HostEnvironment(Map.of(), dir.resolve("no-service-account"), 3);
        caPem = Files.readString(Path.of(getClass().getResource("/test-ca.crt").toURI()));
    }

    private KubernetesConfig read(TestOptions options) throws ConfigException {
        return KubernetesConfig.from(options, CONFIG_DIR, host);
    }

    private static TestOptions required(String... more) {
        TestOptions options = TestOptions.of(more);
        options.commandLine("api-url", "https://k8s.example.com:6443");
        options.commandLine("auth-token", "t0ken");
        return options;
    }

    @Test
    void appliesTheAdminGuideDefaults() throws Exception {
        KubernetesConfig config = read(required());
        assertThat(config.serverUser()).isEqualTo("rstudio-server");
        assertThat(config.threadPoolSize()).isEqualTo(6); // 3 CPUs x 2
        assertThat(config.enableDebugLogging()).isFalse();
        assertThat(config.scratchPath()).isEqualTo(Path.of("/var/lib/rstudio-launcher/Kubernetes"));
        // the cluster name jobs carry when the Launcher gives no plugin-name
        assertThat(config.launcher().pluginName()).isEqualTo("Kubernetes");
        assertThat(config.loggingDir()).isEqualTo(Path.of("/var/log/rstudio/launcher"));
        assertThat(config.jobExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(config.profileConfig()).isEqualTo(Path.of("/etc/rstudio/launcher.kubernetes.profiles.conf"));
        assertThat(config.resourcesConfig()).isEqualTo(Path.of("/etc/rstudio/launcher.kubernetes.resources.conf"));
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://k8s.example.com:6443"));
        assertThat(config.authToken()).isEqualTo(new TokenSource.Inline("t0ken"));
        assertThat(config.kubernetesNamespace()).isEqualTo("rstudio");
        assertThat(config.sharedProcessNamespace()).isTrue();
        assertThat(config.verifySslCerts()).isTrue();
        assertThat(config.certificateAuthorityPem()).isEmpty();
        assertThat(config.watchTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(config.fetchLimit()).isEqualTo(500);
        assertThat(config.useTemplating()).isFalse();
        assertThat(config.stdinAnnotation()).isTrue();
        assertThat(config.launcher()).isEqualTo(new LauncherOptions("Kubernetes", "rstudio-server", false,
                Path.of("/var/lib/rstudio-launcher/Kubernetes"), 5, Duration.ofHours(24), Optional.empty(), 6,
                Path.of("/var/log/rstudio/launcher"), Optional.empty(), LogLevel.WARNING, 5_242_880,
                Path.of("/usr/lib/rstudio-server/bin/rsandbox"), Optional.empty(), 60));
        assertThat(config.inCluster()).isFalse();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void typesEveryOptionOfTheAdminGuide() throws Exception {
        Path file = ProfilesFileTest.resource("launcher.kubernetes.conf");
        TestOptions options = TestOptions.file(file);
        KubernetesConfig config = read(options);
        assertThat(config.serverUser()).isEqualTo("launcher-svc");
        assertThat(config.threadPoolSize()).isEqualTo(6);
        assertThat(config.enableDebugLogging()).isTrue();
        assertThat(config.launcher().logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.scratchPath()).isEqualTo(Path.of("/srv/launcher/scratch"));
        assertThat(config.loggingDir()).isEqualTo(Path.of("/srv/launcher/logs"));
        assertThat(config.jobExpiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.profileConfig()).isEqualTo(Path.of("/srv/launcher/profiles.conf"));
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://192.168.99.100:8443"));
        assertThat(config.authToken()).isEqualTo(new TokenSource.Inline("secret-token"));
        assertThat(config.kubernetesNamespace()).isEqualTo("jobs");
        assertThat(config.sharedProcessNamespace()).isFalse();
        assertThat(config.verifySslCerts()).isTrue();
        assertThat(config.watchTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.fetchLimit()).isEqualTo(100);
        assertThat(config.useTemplating()).isTrue();
    }

    @Test
    void describesEveryOptionWithItsOrigin() throws Exception {
        Path serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), "pod-token");
        Files.writeString(serviceAccount.resolve("ca.crt"), caPem);
        host = new HostEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"),
                serviceAccount, 2);
        Path file = Files.writeString(dir.resolve("k.conf"), "job-expiry-hours=0.25\nfetch-limit=20\n");
        KubernetesConfig config = read(TestOptions.file(file).commandLine("use-templating", "1"));
        assertThat(config.describe()).containsExactly(
                "server-user = rstudio-server (default)",
                "thread-pool-size = 4 (default)",
                "enable-debug-logging = 0 (default)",
                "scratch-path = /var/lib/rstudio-launcher/Kubernetes (default)",
                "logging-dir = /var/log/rstudio/launcher (default)",
                "job-expiry-hours = 0.25 (" + file + ":1)",
                "profile-config = /etc/rstudio/launcher.kubernetes.profiles.conf (default)",
                "api-url = https://10.96.0.1:443 (pod)",
                "auth-token-path = " + serviceAccount.resolve("token") + " (pod)",
                "kubernetes-namespace = rstudio (default)",
                "shared-process-namespace = 1 (default)",
                "verify-ssl-certs = 1 (default)",
                "certificate-authority = <certificate> (pod)",
                "watch-timeout-seconds = 180 (default)",
                "fetch-limit = 20 (" + file + ":2)",
                "use-templating = 1 (command line --use-templating)",
                "launch-failure-grace-seconds = 300 (default)",
                "stop-grace-period-seconds = 30 (default)",
                "stdin-annotation = 1 (default)");
        assertThat(read(required()).describe()).contains("auth-token = <redacted> (command line --auth-token)");
    }

    @Test
    void typesTheLauncherOptions() throws Exception {
        KubernetesConfig config = read(required("plugin-name", "Kubernetes2", "heartbeat-interval-seconds", "0",
                "log-level", "info", "max-message-size", "10485760", "plugin-metrics-interval-seconds", "15",
                "unprivileged", "yes", "launcher-config-file", "/etc/rstudio/launcher.conf", "config-file", "/x.conf",
                "rsandbox-path", "/usr/lib/rstudio-server/bin/rsandbox"));
        assertThat(config.launcher()).isEqualTo(new LauncherOptions("Kubernetes2", "rstudio-server", false,
                Path.of("/var/lib/rstudio-launcher/Kubernetes2"), 0, Duration.ofHours(24), Optional.of(Path.of("/etc/rstudio/launcher.conf")),
                6, Path.of("/var/log/rstudio/launcher"), Optional.of(true), LogLevel.INFO, 10_485_760,
                Path.of("/usr/lib/rstudio-server/bin/rsandbox"), Optional.of(Path.of("/x.conf")), 15));
        assertThat(config.scratchPath()).isEqualTo(Path.of("/var/lib/rstudio-launcher/Kubernetes2"));
        assertThat(config.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "job-expiry-hours, 0, PT0S",
            "job-expiry-hours, 1.25, PT1H15M",
            "job-expiry-hours, 48, PT48H",
            "watch-timeout-seconds, 1, PT1S",
    })
    void readsDurations(String option, String value, String expected) throws Exception {
        KubernetesConfig config = read(required(option, value));
        Duration actual = option.equals("job-expiry-hours") ? config.jobExpiry() : config.watchTimeout();
        assertThat(actual).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1, true", "0, false", "true, true", "FALSE, false", "yes, true", "no, false", "on, true", "off, false"})
    void readsBooleansInEveryAcceptedSpelling(String raw, boolean expected) throws Exception {
        assertThat(read(required("use-templating", raw)).useTemplating()).isEqualTo(expected);
    }

    @Test
    void readsTheStdinAnnotationOption() throws Exception {
        Path file = Files.writeString(dir.resolve("k.conf"), "api-url=https://k8s\nauth-token=x\nstdin-annotation=0\n");
        KubernetesConfig config = read(TestOptions.file(file));
        assertThat(config.stdinAnnotation()).isFalse();
        assertThat(config.describe()).contains("stdin-annotation = 0 (" + file + ":3)");
        assertThat(config.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, OFF", "1, ERROR", "2, WARNING", "3, INFO", "4, DEBUG", "Debug, DEBUG"})
    void readsLogLevels(String raw, LogLevel expected) throws Exception {
        assertThat(read(required("log-level", raw)).launcher().logLevel()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "thread-pool-size       | 5000     | command line --thread-pool-size: thread-pool-size: bad number '5000': must be between 0 and 4096",
            "thread-pool-size       | four     | command line --thread-pool-size: invalid value \"four\" for thread-pool-size: expected a non-negative integer",
            "enable-debug-logging   | 2        | command line --enable-debug-logging: invalid value \"2\" for enable-debug-logging: expected 1, 0, true, false, yes, no, on or off",
            "job-expiry-hours       | -1       | command line --job-expiry-hours: invalid value \"-1\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            "job-expiry-hours       | soon     | command line --job-expiry-hours: invalid value \"soon\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            "job-expiry-hours       | 1000001  | command line --job-expiry-hours: job-expiry-hours must be at most 1000000 hours, got 1000001",
            "kubernetes-namespace   | R_Studio | command line --kubernetes-namespace: kubernetes-namespace: bad namespace 'R_Studio': a Kubernetes namespace is at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
            "shared-process-namespace | sure   | command line --shared-process-namespace: shared-process-namespace: bad boolean 'sure': use 1 or 0",
            "verify-ssl-certs       | 10       | command line --verify-ssl-certs: verify-ssl-certs: bad boolean '10': use 1 or 0",
            "watch-timeout-seconds  | 0        | command line --watch-timeout-seconds: watch-timeout-seconds: bad number '0': must be between 1 and 31536000",
            "fetch-limit            | -5       | command line --fetch-limit: fetch-limit: bad number '-5': must be between 1 and 2147483647",
            "use-templating         | enabled  | command line --use-templating: use-templating: bad boolean 'enabled': use 1 or 0",
            "stdin-annotation       | hidden   | command line --stdin-annotation: stdin-annotation: bad boolean 'hidden': use 1 or 0",
            "server-user            | ''       | command line --server-user: server-user: empty value: expected a user name",
            "scratch-path           | ''       | command line --scratch-path: scratch-path: empty value: expected a path",
            "log-level              | 7        | command line --log-level: invalid value \"7\" for log-level: expected OFF, ERROR, WARNING, INFO, DEBUG or 0-4",
            "heartbeat-interval-seconds | -1   | command line --heartbeat-interval-seconds: invalid value \"-1\" for heartbeat-interval-seconds: expected a non-negative integer",
            "max-message-size       | 10       | command line --max-message-size: max-message-size must be between 64 and 2147483583 bytes, got 10",
            "scratch-path           | a\u0000b | command line --scratch-path: scratch-path: bad path 'a\u0000b': Nul character not allowed",
            "plugin-name            | a/b      | command line --plugin-name: plugin-name: bad plugin name 'a/b': it names a directory, so it cannot contain '/' or control characters",
            "certificate-authority  | %%%      | command line --certificate-authority: certificate-authority: not valid base64 (Illegal base64 character 25): give the Base64-encoded PEM certificate, e.g. the certificate-authority-data of a kubeconfig",
            "certificate-authority  | aGVsbG8= | command line --certificate-authority: certificate-authority: no PEM certificate (-----BEGIN CERTIFICATE-----) found",
    })
    void reportsBadValuesNamingOptionAndOrigin(String option, String value, String message) {
        assertThatThrownBy(() -> read(required(option, value)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://host          | api-url: bad URL 'ftp://host': expected http:// or https://",
            "https://            | api-url: bad URL 'https://': Expected scheme-specific part",
            "k8s.example.com     | api-url: bad URL 'k8s.example.com': expected http:// or https://",
            "https://h/x?y=1     | api-url: bad URL 'https://h/x?y=1': the base URL takes no ?query or #fragment",
    })
    void rejectsBadApiUrls(String url, String message) {
        TestOptions options = TestOptions.of("api-url", url, "auth-token", "t");
        assertThatThrownBy(() -> read(options)).hasMessage("command line --api-url: " + message);
    }

    @Test
    void keepsAnApiUrlPathAndDropsTrailingSlashes() throws Exception {
        TestOptions options = TestOptions.of("api-url", "http://proxy:8080/k8s//", "auth-token", "t");
        assertThat(read(options).apiUrl()).isEqualTo(URI.create("http://proxy:8080/k8s"));
    }

    @Test
    void reportsFileLineOriginsAndEveryProblemAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("launcher.kubernetes.conf"),
                "api-url=https://k8s\nauth-token=x\n\nfetch-limit=lots\nuse-templating=2\n");
        assertThatThrownBy(() -> read(TestOptions.file(file)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::toString)
                        .containsExactly(file + ":4: fetch-limit: bad number 'lots': expected a whole number",
                                file + ":5: use-templating: bad boolean '2': use 1 or 0"));
    }

    @Test
    void theFileWinsOverTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("launcher.kubernetes.conf"),
                "api-url=https://k8s\nauth-token=x\nthread-pool-size=6\n");
        TestOptions options = TestOptions.file(file).commandLine("thread-pool-size", "2")
                .commandLine("heartbeat-interval-seconds", "8");
        KubernetesConfig config = read(options);
        assertThat(config.threadPoolSize()).isEqualTo(6);
        assertThat(config.launcher().heartbeatIntervalSeconds()).isEqualTo(8);
    }

    @Test
    void missingRequiredOptionsAreNamed() {
        assertThatThrownBy(() -> read(TestOptions.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        new ConfigProblem("api-url", "the required option api-url is not set: give the Kubernetes API base"
                                + " URL, e.g. api-url=https://192.168.99.100:8443, in launcher.kubernetes.conf (inside a pod"
                                + " it is derived from KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT)"),
                        new ConfigProblem("auth-token-path", "the required option auth-token-path (or auth-token) is not"
                                + " set: give the file holding the job-launcher service account's token, e.g."
                                + " auth-token-path=/etc/rstudio/kubernetes.launcher.token, in launcher.kubernetes.conf"
                                + " (inside a pod the service account token is used)")));
        assertThatThrownBy(() -> read(TestOptions.of("auth-token", "x", "api-url", "  ")))
                .hasMessageStartingWith("api-url: the required option api-url is not set");
    }

    @Test
    void readsTheTokenFromAuthTokenPath() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "abc\n");
        KubernetesConfig config = read(TestOptions.of("api-url", "https://k", "auth-token-path", token.toString()));
        assertThat(config.authToken()).isEqualTo(new TokenSource.File(token));
        assertThat(config.authToken().open(java.time.Clock.systemUTC(), Duration.ofSeconds(1)).get()).isEqualTo("abc");
    }

    @Test
    void aMissingOrEmptyTokenFileFailsStartUp() throws Exception {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> read(TestOptions.of("api-url", "https://k", "auth-token-path", missing.toString())))
                .hasMessage("command line --auth-token-path: auth-token-path: cannot read token file " + missing
                        + ": NoSuchFileException " + missing);
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> read(TestOptions.of("api-url", "https://k", "auth-token-path", empty.toString())))
                .hasMessage("command line --auth-token-path: auth-token-path: cannot read token file " + empty
                        + ": IOException the token file " + empty + " is empty");
    }

    @Test
    void authTokenPathWinsOverAuthTokenWithAWarning() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "from-file");
        KubernetesConfig config = read(TestOptions.of("api-url", "https://k", "auth-token-path", token.toString(),
                "auth-token", "inline"));
        assertThat(config.authToken()).isEqualTo(new TokenSource.File(token));
        assertThat(config.warnings()).startsWith(new ConfigProblem("command line --auth-token",
                "auth-token is ignored because auth-token-path is also set (command line --auth-token-path)"));
    }

    @Test
    void warnsWhenTheTokenFileIsNotOwnedByTheServerUser() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "t");
        String owner = Files.getOwner(token).getName();
        KubernetesConfig config = read(TestOptions.of("api-url", "https://k", "auth-token-path", token.toString(),
                "server-user", "svc-kl"));
        assertThat(config.warnings()).containsExactly(new ConfigProblem("command line --auth-token-path",
                "auth-token-path " + token + " is owned by " + owner + ", not by the server-user svc-kl; make it owned"
                        + " by svc-kl with mode 0600"));
        assertThat(read(TestOptions.of("api-url", "https://k", "auth-token-path", token.toString(),
                "server-user", owner)).warnings()).isEmpty();
    }

    @Test
    void theInlineTokenIsNeverPrinted() throws Exception {
        assertThat(read(required()).toString()).doesNotContain("t0ken").contains("<redacted>");
    }

    @Test
    void decodesTheCertificateAuthority() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
        assertThat(read(required("certificate-authority", base64)).certificateAuthorityPem()).contains(caPem);
    }

    @Test
    void rejectsACertificateAuthorityThatIsNotACertificate() {
        String broken = caPem.replace("MIIB", "MIIC");
        String base64 = Base64.getEncoder().encodeToString(broken.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> read(required("certificate-authority", base64)))
                .hasMessageStartingWith("command line --certificate-authority: certificate-authority: bad certificate: ");
    }

    @Test
    void configuresItselfInsideAPod() throws Exception {
        Path serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), "pod-token");
        Files.writeString(serviceAccount.resolve("ca.crt"), caPem);
        host = new HostEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"),
                serviceAccount, 2);
        KubernetesConfig config = read(TestOptions.of());
        assertThat(config.inCluster()).isTrue();
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://10.96.0.1:443"));
        assertThat(config.authToken()).isEqualTo(new TokenSource.File(serviceAccount.resolve("token")));
        assertThat(config.certificateAuthorityPem()).contains(caPem);
    }

    @Test
    void explicitOptionsWinOverThePodsValues() throws Exception {
        Path serviceAccount = Files.createDirectories(dir.resolve("serviceaccount"));
        Files.writeString(serviceAccount.resolve("token"), "pod-token");
        Files.writeString(serviceAccount.resolve("ca.crt"), caPem);
        host = new HostEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443"),
                serviceAccount, 2);
        assertThat(read(TestOptions.of()).apiUrl()).isEqualTo(URI.create("https://[fd00::1]:6443"));
        KubernetesConfig config = read(TestOptions.of("api-url", "https://other:6443", "auth-token", "mine",
                "certificate-authority", Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII))));
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://other:6443"));
        assertThat(config.authToken()).isEqualTo(new TokenSource.Inline("mine"));
    }

    @Test
    void aPodWithoutItsTokenStillNeedsOne() {
        host = new HostEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"),
                dir.resolve("none"), 2);
        assertThatThrownBy(() -> read(TestOptions.of()))
                .hasMessage("auth-token-path: the required option auth-token-path (or auth-token) is not set: give the"
                        + " file holding the job-launcher service account's token, e.g."
                        + " auth-token-path=/etc/rstudio/kubernetes.launcher.token, in launcher.kubernetes.conf"
                        + " (no service account token found at " + dir.resolve("none").resolve("token") + ")");
    }

    @Test
    void warnsAboutUnknownOptionsAndDisabledVerification() throws Exception {
        KubernetesConfig config = read(required("made-up", "1", "verify-ssl-certs", "0"));
        assertThat(config.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "command line --made-up: unknown option made-up ignored",
                "command line --verify-ssl-certs: verify-ssl-certs=0: the Kubernetes API server's certificate is not"
                        + " checked; do not use this in production");
        assertThat(KubernetesConfig.pluginOptionNames()).containsExactlyInAnyOrder("profile-config", "api-url",
                "auth-token-path", "auth-token", "kubernetes-namespace", "shared-process-namespace", "verify-ssl-certs",
                "certificate-authority", "watch-timeout-seconds", "fetch-limit", "use-templating",
                "launch-failure-grace-seconds", "stop-grace-period-seconds", "stdin-annotation");
    }
}
