package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.api.options.ConfigFileLocator;
import io.kubelauncher.api.options.LogLevel;
import io.kubelauncher.api.options.OptionException;
import io.kubelauncher.api.options.OptionsParser;
import io.kubelauncher.api.options.ParsedOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runtime's option parser (search path, file over command line, FILE:LINE origins) feeding
 * this reader, as Main wires them: every option reaches the reader through real files and a real
 * command line.
 */
class RuntimeParserIntegrationTest {

    private static final String REQUIRED_URL = "api-url=https://k8s:6443";
    private static final String REQUIRED_TOKEN = "auth-token=t";

    @TempDir
    Path dir;

    private KubernetesConfig parse(List<String> args) throws ConfigException {
        Map<String, String> env = Map.of("RSTUDIO_CONFIG_DIR", dir.toString());
        ParsedOptions options = new OptionsParser("kubernetes", KubernetesConfig.pluginOptionNames(),
                new ConfigFileLocator(env, dir.resolve("etc"))).parse(args);
        assertThat(options.warnings()).isEmpty();
        Path configDir = options.configFile().map(Path::getParent).orElse(dir);
        return KubernetesConfig.from(options, configDir, new HostEnvironment(env, dir.resolve("sa"), 2));
    }

    private Path configFile(String... lines) throws Exception {
        return Files.write(dir.resolve("launcher.kubernetes.conf"), List.of(lines));
    }

    private static String described(KubernetesConfig config, String option) {
        return config.describe().stream().filter(line -> line.startsWith(option + " = ")).findFirst().orElseThrow();
    }

    @Test
    void theFileWinsOverTheCommandLineAndDefaultsFillTheRest() throws Exception {
        configFile(REQUIRED_URL, REQUIRED_TOKEN, "thread-pool-size=6", "fetch-limit=50");
        KubernetesConfig config = parse(List.of("--thread-pool-size=2", "--heartbeat-interval-seconds", "8",
                "--scratch-path", "/tmp/scratch", "--server-user=rstudio-server", "--enable-debug-logging=0"));
        assertThat(config.threadPoolSize()).isEqualTo(6);
        assertThat(config.launcher().heartbeatIntervalSeconds()).isEqualTo(8);
        assertThat(config.scratchPath()).isEqualTo(Path.of("/tmp/scratch"));
        assertThat(config.fetchLimit()).isEqualTo(50);
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://k8s:6443"));
        assertThat(config.jobExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(config.profileConfig()).isEqualTo(dir.resolve("launcher.kubernetes.profiles.conf"));
    }

    @Test
    void aBadPluginOptionIsReportedAtItsFileAndLine() throws Exception {
        Path file = configFile(REQUIRED_URL, REQUIRED_TOKEN, "# comment", "watch-timeout-seconds=soon");
        assertThatThrownBy(() -> parse(List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4: watch-timeout-seconds: bad number 'soon': expected a whole number");
    }

    @Test
    void readsTheAdminGuidesOptionsFromARealConfigFile() throws Exception {
        Files.copy(ProfilesFileTest.resource("launcher.kubernetes.conf"), dir.resolve("launcher.kubernetes.conf"));
        KubernetesConfig config = parse(List.of("--job-expiry-hours=48", "--thread-pool-size", "2"));
        assertThat(config.serverUser()).isEqualTo("launcher-svc");
        assertThat(config.threadPoolSize()).isEqualTo(6);
        assertThat(config.enableDebugLogging()).isTrue();
        assertThat(config.launcher().logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(config.scratchPath()).isEqualTo(Path.of("/srv/launcher/scratch"));
        assertThat(config.loggingDir()).isEqualTo(Path.of("/srv/launcher/logs"));
        assertThat(config.jobExpiry()).as("job-expiry-hours=0.5 in the file").isEqualTo(Duration.ofMinutes(30));
        assertThat(config.launcher().jobExpiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.profileConfig()).isEqualTo(Path.of("/srv/launcher/profiles.conf"));
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://192.168.99.100:8443"));
        assertThat(config.authToken()).isEqualTo(new TokenSource.Inline("secret-token"));
        assertThat(config.kubernetesNamespace()).isEqualTo("jobs");
        assertThat(config.sharedProcessNamespace()).isFalse();
        assertThat(config.verifySslCerts()).isTrue();
        assertThat(config.watchTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.fetchLimit()).isEqualTo(100);
        assertThat(config.useTemplating()).isTrue();
        assertThat(described(config, "job-expiry-hours"))
                .isEqualTo("job-expiry-hours = 0.5 (" + dir.resolve("launcher.kubernetes.conf") + ":7)");
    }

    @ParameterizedTest(name = "--job-expiry-hours {0}")
    @CsvSource({"0, PT0S", "0.25, PT15M", "1.5, PT1H30M", "36, PT36H"})
    void takesFractionalJobExpiryHoursFromTheCommandLine(String hours, String expected) throws Exception {
        configFile(REQUIRED_URL, REQUIRED_TOKEN);
        assertThat(parse(List.of("--job-expiry-hours", hours)).jobExpiry()).isEqualTo(Duration.parse(expected));
        assertThat(parse(List.of("--job-expiry-hours=" + hours)).jobExpiry()).isEqualTo(Duration.parse(expected));
    }

    @Test
    void aBadJobExpiryIsRefusedAtItsFileAndLine() throws Exception {
        Path file = configFile(REQUIRED_URL, REQUIRED_TOKEN, "job-expiry-hours=-0.5");
        assertThatThrownBy(() -> parse(List.of()))
                .isInstanceOf(OptionException.class)
                .hasMessage(file + ":3: invalid value \"-0.5\" for job-expiry-hours: expected a non-negative number"
                        + " such as 24 or 0.5");
        configFile(REQUIRED_URL, REQUIRED_TOKEN, "job-expiry-hours=2000000");
        assertThatThrownBy(() -> parse(List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3: job-expiry-hours must be at most 1000000 hours, got 2000000");
    }

    /**
     * Each of the admin guide's 17 options: its value from the file and from the command line, and
     * its default (or, for the required ones, the start-up error naming it) when neither gives it.
     * {dir} is the config directory.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // option               | given                         | described as                 | default
            "server-user              | svc-launcher                  | svc-launcher                 | rstudio-server",
            "thread-pool-size         | 12                            | 12                           | 4",
            "enable-debug-logging     | 1                             | 1                            | 0",
            "scratch-path             | /srv/scratch                  | /srv/scratch                 | /var/lib/rstudio-launcher/Kubernetes",
            "logging-dir              | /srv/logs                     | /srv/logs                    | /var/log/rstudio/launcher",
            "job-expiry-hours         | 0.75                          | 0.75                         | 24",
            "profile-config           | /srv/p.conf                   | /srv/p.conf                  | {dir}/launcher.kubernetes.profiles.conf",
            "api-url                  | https://k8s.example.com:6443/ | https://k8s.example.com:6443 | REQUIRED",
            "auth-token-path          | {dir}/token                   | {dir}/token                  | REQUIRED",
            "auth-token               | s3cret                        | <redacted>                   | REQUIRED",
            "kubernetes-namespace     | jobs                          | jobs                         | rstudio",
            "shared-process-namespace | 0                             | 0                            | 1",
            "verify-ssl-certs         | 0                             | 0                            | 1",
            "certificate-authority    | {ca}                          | <certificate>                | ''",
            "watch-timeout-seconds    | 60                            | 60                           | 180",
            "fetch-limit              | 100                           | 100                          | 500",
            "use-templating           | 1                             | 1                            | 0",
    })
    void everyOptionOfTheAdminGuideWithItsDefault(String option, String given, String described, String defaultValue)
            throws Exception {
        Files.writeString(dir.resolve("token"), "from-file");
        String ca = Base64.getEncoder().encodeToString(Files.readAllBytes(
                Path.of(getClass().getResource("/test-ca.crt").toURI())));
        String value = given.replace("{dir}", dir.toString()).replace("{ca}", ca);
        String shown = described.replace("{dir}", dir.toString());
        boolean credential = option.equals("auth-token") || option.equals("auth-token-path");

        List<String> lines = new ArrayList<>();
        lines.add(option + "=" + value);
        if (!option.equals("api-url")) {
            lines.add(REQUIRED_URL);
        }
        if (!credential) {
            lines.add(REQUIRED_TOKEN);
        }
        Path file = configFile(lines.toArray(String[]::new));
        assertThat(described(parse(List.of()), option)).isEqualTo(option + " = " + shown + " (" + file + ":1)");

        lines.remove(0);
        configFile(lines.toArray(String[]::new));
        assertThat(described(parse(List.of("--" + option, value)), option))
                .isEqualTo(option + " = " + shown + " (command line --" + option + ")");

        if (defaultValue.equals("REQUIRED")) {
            String named = credential ? "auth-token-path" : option;
            assertThatThrownBy(() -> parse(List.of()))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p.origin()).isEqualTo(named);
                                assertThat(p.message()).startsWith("the required option " + named);
                            }));
        } else {
            assertThat(described(parse(List.of()), option))
                    .isEqualTo(option + " = " + defaultValue.replace("{dir}", dir.toString()) + " (default)");
        }
    }

    /** What start-up prints for a bad main config: the parser's or this reader's error. */
    private String startUpError(List<String> args) {
        try {
            parse(args);
        } catch (OptionException | ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("start-up did not fail");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "bad number;             fetch-limit=lots;             {f}:1: fetch-limit: bad number 'lots': expected a whole number",
            "bad boolean;            use-templating=2;             {f}:1: use-templating: bad boolean '2': use 1 or 0",
            "bad standard boolean;   enable-debug-logging=maybe;   {f}:1: invalid value \"maybe\" for enable-debug-logging: expected 1, 0, true, false, yes, no, on or off",
            "bad standard number;    thread-pool-size=-2;          {f}:1: invalid value \"-2\" for thread-pool-size: expected a non-negative integer",
            "line without =;         verify-ssl-certs;             {f}:1: expected name=value, got \"verify-ssl-certs\"",
            "duplicate key;          auth-token=u;                 {f}:3: option auth-token is already set at {f}:1",
            "malformed section;      [extra;                       {f}:1: malformed section header \"[extra\"",
            "bad url;                api-url=k8s:6443;             {f}:1: api-url: bad URL 'k8s:6443': expected http:// or https://",
            "bad namespace;          kubernetes-namespace=R;       {f}:1: kubernetes-namespace: bad namespace 'R': a Kubernetes namespace is at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit",
            "bad certificate;        certificate-authority=aGk=;   {f}:1: certificate-authority: no PEM certificate (-----BEGIN CERTIFICATE-----) found",
            "unreadable token file;  auth-token-path=/nonexistent/kl-token; {f}:1: auth-token-path: cannot read token file /nonexistent/kl-token: NoSuchFileException /nonexistent/kl-token",
    })
    void startUpFailsOnABadMainConfigNamingFileAndLine(String name, String line, String expected) throws Exception {
        Path file = line.startsWith("api-url=") ? configFile(line, REQUIRED_TOKEN)
                : configFile(line, REQUIRED_URL, REQUIRED_TOKEN);
        assertThat(startUpError(List.of())).isEqualTo(expected.replace("{f}", file.toString()));
    }

    @Test
    void anUnknownOptionInTheFileIsAWarningAtItsLine() throws Exception {
        Path file = configFile(REQUIRED_URL, REQUIRED_TOKEN, "colour=blue");
        ParsedOptions options = new OptionsParser("kubernetes", KubernetesConfig.pluginOptionNames(),
                new ConfigFileLocator(Map.of("RSTUDIO_CONFIG_DIR", dir.toString()), dir)).parse(List.of());
        assertThat(options.warnings()).containsExactly(file + ":3: unknown option colour, ignored");
        assertThat(KubernetesConfig.from(options, dir, new HostEnvironment(Map.of(), dir.resolve("sa"), 1)).apiUrl())
                .isEqualTo(URI.create("https://k8s:6443"));
    }
}
