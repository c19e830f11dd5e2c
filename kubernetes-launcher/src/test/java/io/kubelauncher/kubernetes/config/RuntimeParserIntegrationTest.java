package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.api.options.ConfigFileLocator;
import io.kubelauncher.api.options.OptionsParser;
import io.kubelauncher.api.options.ParsedOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's option parser (file over command line, file:line origins) feeding this reader. */
class RuntimeParserIntegrationTest {

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

    @Test
    void theFileWinsOverTheCommandLineAndDefaultsFillTheRest() throws Exception {
        Files.writeString(dir.resolve("launcher.kubernetes.conf"),
                "api-url=https://k8s:6443\nauth-token=t\nthread-pool-size=6\nfetch-limit=50\n");
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
        Path file = Files.writeString(dir.resolve("launcher.kubernetes.conf"),
                "api-url=https://k8s:6443\nauth-token=t\n# comment\nwatch-timeout-seconds=soon\n");
        assertThatThrownBy(() -> parse(List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4: watch-timeout-seconds: bad number 'soon': expected a whole number");
    }
}
