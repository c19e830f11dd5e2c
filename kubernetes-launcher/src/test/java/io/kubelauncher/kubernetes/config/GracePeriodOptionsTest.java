package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code launch-failure-grace-seconds} and {@code stop-grace-period-seconds}. */
class GracePeriodOptionsTest {

    private static KubernetesConfig read(String... options) throws ConfigException {
        TestOptions source = TestOptions.of(options);
        source.commandLine("api-url", "https://k8s.example.com:6443");
        source.commandLine("auth-token", "t0ken");
        return KubernetesConfig.from(source, Path.of("/etc/rstudio"), new HostEnvironment(Map.of(), Path.of("/nonexistent"), 2));
    }

    @Test
    void defaultToFiveMinutesAndThirtySeconds() throws Exception {
        KubernetesConfig config = read();
        assertThat(config.launchFailureGrace()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.stopGracePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.describe()).contains("launch-failure-grace-seconds = 300 (default)", "stop-grace-period-seconds = 30 (default)");
    }

    @Test
    void takeWholeSecondsIncludingZero() throws Exception {
        KubernetesConfig config = read("launch-failure-grace-seconds", "45", "stop-grace-period-seconds", "0");
        assertThat(config.launchFailureGrace()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.stopGracePeriod()).isZero();
        assertThat(config.describe()).contains("launch-failure-grace-seconds = 45 (command line --launch-failure-grace-seconds)");
    }

    @Test
    void aBadValueNamesTheOptionAndWhereItCameFrom() {
        assertThatThrownBy(() -> read("stop-grace-period-seconds", "-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("command line --stop-grace-period-seconds: stop-grace-period-seconds: bad number '-1': must be between 0 and 31536000");
    }
}
