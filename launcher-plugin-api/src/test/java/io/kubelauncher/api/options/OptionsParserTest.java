package io.kubelauncher.api.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsParserTest {

    @TempDir
    Path dir;

    private OptionsParser parser(Map<String, String> env) {
        return new OptionsParser("kubernetes", Set.of("api-url", "fetch-limit"),
                new ConfigFileLocator(env, dir.resolve("etc")));
    }

    private Path write(String relative, String... lines) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    void acceptsBothCommandLineForms() {
        ParsedOptions options = parser(Map.of()).parse(List.of("--heartbeat-interval-seconds=8",
                "--scratch-path", "/tmp/s", "--api-url", "https://k8s:6443", "--enable-debug-logging"));
        assertThat(options.get("heartbeat-interval-seconds").orElseThrow())
                .isEqualTo(new OptionValue("heartbeat-interval-seconds", "8", "command line --heartbeat-interval-seconds"));
        assertThat(options.get("scratch-path").orElseThrow().value()).isEqualTo("/tmp/s");
        assertThat(options.get("api-url").orElseThrow().value()).isEqualTo("https://k8s:6443");
        assertThat(options.get("enable-debug-logging").orElseThrow().value()).isEqualTo("1");
        assertThat(options.warnings()).isEmpty();
        assertThat(options.configFile()).isEmpty();
    }

    @Test
    void booleanOptionsTakeEveryAcceptedSpelling() {
        for (String text : List.of("1", "0", "true", "FALSE", "yes", "No", "on", "off")) {
            ParsedOptions options = parser(Map.of()).parse(List.of("--unprivileged", text, "--plugin-name=k"));
            assertThat(options.get("unprivileged").orElseThrow().value()).isEqualTo(text);
            assertThat(options.get("plugin-name").orElseThrow().value()).isEqualTo("k");
        }
        assertThat(LauncherOptions.from(parser(Map.of()).parse(List.of("--unprivileged=off")),
                LauncherOptions.Defaults.forPlugin("kubernetes")).unprivileged()).contains(false);
    }

    @Test
    void warnsAboutUnknownOptionsAndNeverFails() {
        ParsedOptions options = parser(Map.of()).parse(List.of("--new-launcher-flag=1", "--other", "x",
                "stray", "--thread-pool-size=3"));
        assertThat(options.names()).containsExactly("thread-pool-size");
        assertThat(options.warnings()).containsExactly(
                "command line --new-launcher-flag: unknown option, ignored",
                "command line --other: unknown option, ignored",
                "command line: argument \"stray\" ignored (options are --name=value or --name value)");
    }

    @Test
    void theConfigFileWinsOverTheCommandLine() throws IOException {
        Path conf = write("etc/launcher.kubernetes.conf", "# comment", "thread-pool-size=6  # six",
                "", "  api-url = https://a  ");
        ParsedOptions options = parser(Map.of()).parse(List.of("--thread-pool-size=2",
                "--heartbeat-interval-seconds=8"));
        assertThat(options.configFile()).contains(conf);
        assertThat(options.get("thread-pool-size").orElseThrow())
                .isEqualTo(new OptionValue("thread-pool-size", "6", conf + ":2"));
        assertThat(options.get("heartbeat-interval-seconds").orElseThrow().value()).isEqualTo("8");
        assertThat(options.get("api-url").orElseThrow())
                .isEqualTo(new OptionValue("api-url", "https://a", conf + ":4"));
        LauncherOptions standard = LauncherOptions.from(options, LauncherOptions.Defaults.forPlugin("kubernetes"));
        assertThat(standard.threadPoolSize()).isEqualTo(6);
        assertThat(standard.heartbeatIntervalSeconds()).isEqualTo(8);
        assertThat(standard.scratchPath()).isEqualTo(Path.of("/var/lib/rstudio-launcher/kubernetes"));
        assertThat(standard.runtimeOptions().maxMessageSize()).isEqualTo(5 * 1024 * 1024);
    }

    @Test
    void searchesRstudioConfigDirThenXdgThenEtc() throws IOException {
        write("etc/launcher.kubernetes.conf", "fetch-limit=1");
        Path xdg = write("xdg2/rstudio/launcher.kubernetes.conf", "fetch-limit=2");
        Map<String, String> env = Map.of("XDG_CONFIG_DIRS", dir.resolve("xdg1") + ":" + dir.resolve("xdg2"));
        assertThat(parser(env).parse(List.of()).configFile()).contains(xdg);
        Path rstudio = write("rs/launcher.kubernetes.conf", "fetch-limit=3");
        Map<String, String> both = Map.of("RSTUDIO_CONFIG_DIR", dir.resolve("rs").toString(),
                "XDG_CONFIG_DIRS", dir.resolve("xdg2").toString());
        assertThat(parser(both).parse(List.of()).get("fetch-limit").orElseThrow().value()).isEqualTo("3");
        assertThat(parser(both).parse(List.of()).configFile()).contains(rstudio);
    }

    @Test
    void theSearchPathIsRstudioConfigDirThenEachXdgDirThenEtc() {
        assertThat(new ConfigFileLocator(Map.of("RSTUDIO_CONFIG_DIR", "/a", "XDG_CONFIG_DIRS", "/b::/c:")).searchPath())
                .containsExactly(Path.of("/a"), Path.of("/b/rstudio"), Path.of("/c/rstudio"), Path.of("/etc/rstudio"));
        assertThat(new ConfigFileLocator(Map.of("RSTUDIO_CONFIG_DIR", " ")).searchPath())
                .containsExactly(Path.of("/etc/rstudio"));
    }

    @Test
    void noFileAnywhereMeansNoConfigFile() {
        ParsedOptions options = parser(Map.of("RSTUDIO_CONFIG_DIR", dir.resolve("none").toString()))
                .parse(List.of("--fetch-limit=3"));
        assertThat(options.configFile()).isEmpty();
        assertThat(options.get("fetch-limit").orElseThrow().value()).isEqualTo("3");
    }

    @Test
    void anExplicitConfigFileMustExist() throws IOException {
        Path conf = write("custom.conf", "fetch-limit=9");
        assertThat(parser(Map.of()).parse(List.of("--config-file", conf.toString()))
                .get("fetch-limit").orElseThrow().value()).isEqualTo("9");
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of("--config-file=/nope/x.conf")))
                .isInstanceOf(OptionException.class)
                .hasMessage("command line --config-file: config file /nope/x.conf does not exist");
    }

    @Test
    void invalidStandardValuesNameWhereTheyCameFrom() throws IOException {
        Path conf = write("etc/launcher.kubernetes.conf", "", "log-level=7");
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of()))
                .hasMessage(conf + ":2: invalid value \"7\" for log-level: expected OFF, ERROR, WARNING, INFO, DEBUG or 0-4");
        Files.delete(conf);
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of("--heartbeat-interval-seconds", "-1")))
                .hasMessage("command line --heartbeat-interval-seconds: invalid value \"-1\" for "
                        + "heartbeat-interval-seconds: expected a non-negative integer");
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of("--enable-debug-logging=maybe")))
                .hasMessageContaining("expected 1, 0, true, false, yes, no, on or off");
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of("--scratch-path")))
                .hasMessage("command line --scratch-path: missing value");
    }

    @Test
    void malformedConfigLinesAreErrorsWithFileAndLine() throws IOException {
        Path conf = write("etc/launcher.kubernetes.conf", "fetch-limit=1", "just words");
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of()))
                .hasMessage(conf + ":2: expected name=value, got \"just words\"");
        Files.write(conf, List.of("fetch-limit=1", "fetch-limit=2"));
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of()))
                .hasMessage(conf + ":2: option fetch-limit is already set at " + conf + ":1");
        Files.write(conf, List.of("colour=blue"));
        assertThat(parser(Map.of()).parse(List.of()).warnings())
                .containsExactly(conf + ":1: unknown option colour, ignored");
    }

    @Test
    void debugLoggingRaisesTheLogLevel() {
        LauncherOptions options = LauncherOptions.from(parser(Map.of()).parse(List.of("--enable-debug-logging=1",
                "--log-level=error")), LauncherOptions.Defaults.forPlugin("kubernetes"));
        assertThat(options.logLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(LauncherOptions.from(parser(Map.of()).parse(List.of("--log-level=3")),
                LauncherOptions.Defaults.forPlugin("k")).logLevel()).isEqualTo(LogLevel.INFO);
    }

    private LauncherOptions standard(List<String> args) {
        return LauncherOptions.from(parser(Map.of()).parse(args), LauncherOptions.Defaults.forPlugin("kubernetes"));
    }

    @Test
    void jobExpiryHoursDefaultsToADay() {
        assertThat(standard(List.of()).jobExpiry()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest(name = "job-expiry-hours={0}")
    @CsvSource({
            "0,         PT0S",
            "24,        PT24H",
            "0.5,       PT30M",
            "1.25,      PT1H15M",
            ".25,       PT15M",
            "2.,        PT2H",
            "0.0001,    PT0.36S",
            "1000000,   PT1000000H",
    })
    void jobExpiryHoursTakesFractionsInTheFileAndOnTheCommandLine(String hours, String expected) throws IOException {
        Duration duration = Duration.parse(expected);
        assertThat(standard(List.of("--job-expiry-hours", hours)).jobExpiry()).isEqualTo(duration);
        assertThat(standard(List.of("--job-expiry-hours=" + hours)).jobExpiry()).isEqualTo(duration);
        Path conf = write("etc/launcher.kubernetes.conf", "job-expiry-hours = " + hours + "  # fractional");
        ParsedOptions options = parser(Map.of()).parse(List.of("--job-expiry-hours=7"));
        assertThat(options.get("job-expiry-hours").orElseThrow().origin()).isEqualTo(conf + ":1");
        assertThat(LauncherOptions.from(options, LauncherOptions.Defaults.forPlugin("kubernetes")).jobExpiry())
                .as("the file wins over the command line").isEqualTo(duration);
    }

    @ParameterizedTest(name = "job-expiry-hours={0}")
    @CsvSource(delimiter = '|', value = {
            "-1      | invalid value \"-1\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            "+1      | invalid value \"+1\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            "1e3     | invalid value \"1e3\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            "0,5     | invalid value \"0,5\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            "half    | invalid value \"half\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
            ".       | invalid value \".\" for job-expiry-hours: expected a non-negative number such as 24 or 0.5",
    })
    void badJobExpiryHoursNameWhereTheyCameFrom(String hours, String message) throws IOException {
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of("--job-expiry-hours", hours)))
                .isInstanceOf(OptionException.class)
                .hasMessage("command line --job-expiry-hours: " + message);
        Path conf = write("etc/launcher.kubernetes.conf", "", "job-expiry-hours=" + hours);
        assertThatThrownBy(() -> parser(Map.of()).parse(List.of()))
                .isInstanceOf(OptionException.class)
                .hasMessage(conf + ":2: " + message);
    }

    @Test
    void jobExpiryHoursHasAnUpperBound() {
        assertThatThrownBy(() -> standard(List.of("--job-expiry-hours=1000000.5")))
                .isInstanceOf(OptionException.class)
                .hasMessage("command line --job-expiry-hours: job-expiry-hours must be at most 1000000 hours,"
                        + " got 1000000.5");
        assertThatThrownBy(() -> standard(List.of("--job-expiry-hours=99999999999999999999999")))
                .hasMessageContaining("must be at most 1000000 hours");
    }
}
