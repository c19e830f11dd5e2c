package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.options.ConfigFileLocator;
import io.kubelauncher.api.options.OptionException;
import io.kubelauncher.api.options.OptionSource;
import io.kubelauncher.api.options.OptionsParser;
import io.kubelauncher.api.options.ParsedOptions;
import io.kubelauncher.api.options.OptionValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random files never crash a reader, and every error points at a line of the file. */
class ReaderPropertiesTest {

    private static final Path NO_DIR = Path.of("/nonexistent-kl-dir");

    @Property(tries = 2000)
    void profilesReaderFailsOnlyWithFileLineErrors(@ForAll("iniText") String text) {
        checkErrors(text, () -> ProfilesFile.parse("p.conf", NO_DIR, text));
    }

    @Property(tries = 2000)
    void resourcesReaderFailsOnlyWithFileLineErrors(@ForAll("iniText") String text) {
        checkErrors(text, () -> ResourceProfilesFile.parse("p.conf", text));
    }

    @Property(tries = 500)
    void arbitraryCharactersNeverCrashAReader(@ForAll("noise") String text) {
        checkErrors(text, () -> ProfilesFile.parse("p.conf", NO_DIR, text));
        checkErrors(text, () -> ResourceProfilesFile.parse("p.conf", text));
    }

    @Property(tries = 1000)
    void validProfileFilesAlwaysRead(@ForAll("validProfiles") String text) throws Exception {
        ProfilesFile file = ProfilesFile.parse("p.conf", NO_DIR, text);
        assertThat(file.sections()).isNotEmpty();
    }

    @Property(tries = 1000)
    void mainConfigFailsOnlyNamingTheOptionsOrigin(@ForAll("options") Map<String, String> values) {
        OptionSource options = new OptionSource() {
            @Override
            public Optional<OptionValue> get(String name) {
                return Optional.ofNullable(values.get(name)).map(v -> new OptionValue(name, v, "f.conf:" + name.length()));
            }

            @Override
            public Set<String> names() {
                return values.keySet();
            }
        };
        try {
            KubernetesConfig.from(options, Path.of("/etc/rstudio"), new HostEnvironment(Map.of(), NO_DIR, 1));
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                assertThat(problem.origin()).matches("f\\.conf:\\d+|api-url|auth-token-path");
                if (problem.origin().startsWith("f.conf")) {
                    assertThat(values.keySet()).anyMatch(name -> problem.origin().equals("f.conf:" + name.length()));
                }
            }
        }
    }

    private Path configDir;

    /** One directory for all tries (jqwik has no per-try temporary directory), removed at the end. */
    private Path configDir() {
        if (configDir == null) {
            try {
                configDir = Files.createTempDirectory("kl-main-config");
                configDir.toFile().deleteOnExit();
                configDir.resolve("launcher.kubernetes.conf").toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configDir;
    }

    @Property(tries = 300)
    void aRandomMainConfigFileFailsOnlyWithItsFileAndLine(@ForAll("mainConfigText") String text) throws IOException {
        Path file = Files.writeString(configDir().resolve("launcher.kubernetes.conf"), text, StandardCharsets.UTF_8);
        int lines = Math.max(1, text.lines().toList().size());
        String fileLine = java.util.regex.Pattern.quote(file.toString()) + ":(\\d+)";
        Map<String, String> env = Map.of("RSTUDIO_CONFIG_DIR", configDir().toString());
        try {
            ParsedOptions options = new OptionsParser("kubernetes", KubernetesConfig.pluginOptionNames(),
                    new ConfigFileLocator(env, NO_DIR)).parse(List.of());
            for (String warning : options.warnings()) {
                assertThat(warning).matches(fileLine + ": .+");
            }
            KubernetesConfig.from(options, configDir(), new HostEnvironment(env, NO_DIR, 1));
        } catch (OptionException e) {
            assertThat(e.getMessage()).matches("(?s)" + fileLine + ": .+");
            assertThat(lineOf(e.getMessage(), fileLine)).isBetween(1, lines);
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                if (!problem.origin().equals("api-url") && !problem.origin().equals("auth-token-path")) {
                    assertThat(problem.origin()).matches(fileLine);
                    assertThat(lineOf(problem.origin(), fileLine)).isBetween(1, lines);
                }
                assertThat(problem.message()).isNotBlank();
            }
        }
    }

    private static int lineOf(String text, String fileLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(fileLine).matcher(text);
        assertThat(m.lookingAt()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void checkErrors(String text, Reader reader) {
        int lines = text.split("\n", -1).length;
        try {
            reader.read();
        } catch (ConfigException e) {
            assertThat(e.problems()).isNotEmpty();
            for (ConfigProblem problem : e.problems()) {
                assertThat(problem.origin()).matches("p\\.conf:\\d+");
                int line = Integer.parseInt(problem.origin().substring("p.conf:".length()));
                assertThat(line).isBetween(1, lines);
                assertThat(problem.message()).isNotBlank();
            }
        }
    }

    @FunctionalInterface
    private interface Reader {
        Object read() throws ConfigException;
    }

    @Provide
    Arbitrary<String> iniText() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(ProfileKey.all().stream().map(ProfileKey::name).collect(Collectors.toList())),
                Arbitraries.of("name", "cpus", "cpus-request", "mem-mb", "mem-mb-request", "nvidia-gpus", "amd-gpus"),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "2.5", "-1", "1e3", "yes", "maybe", "", "a,b", "node,region:us", "x:", ":y",
                        "\"quoted\"", "\"open", "\"/a\":\"b\"", "\"/a~2\":\"b\"", "1 # c", "r:4.1, r:4.2", "1024"),
                Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("[*]", "[@]", "[]", "[@staff]", "[alice]", "[custom]", "[small]", "[a", "# c", "; c", "",
                        "[*] x=1"),
                Combinators.combine(key, value).as((k, v) -> k + "=" + v),
                Combinators.combine(key, value).as((k, v) -> k + " = " + v + " "),
                Arbitraries.strings().ofMaxLength(10));
        return line.list().ofMaxSize(25).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().all().ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> validProfiles() {
        Arbitrary<String> header = Arbitraries.of("[*]", "[@staff]", "[@bio]", "[alice]", "[bob]");
        Arbitrary<String> setting = Arbitraries.oneOf(
                Arbitraries.of("max-cpus", "default-cpus", "max-mem-mb", "default-mem-mb-request")
                        .flatMap(k -> Arbitraries.bigDecimals().between(java.math.BigDecimal.ZERO,
                                java.math.BigDecimal.valueOf(100_000)).ofScale(2).map(v -> k + "=" + v.toPlainString())),
                Arbitraries.of("allow-unknown-images", "allow-custom-resources")
                        .flatMap(k -> Arbitraries.of("0", "1", "true", "off").map(v -> k + "=" + v)),
                Arbitraries.integers().between(0, 8).map(n -> "max-nvidia-gpus=" + n),
                Arbitraries.doubles().between(0.01, 1.0).ofScale(2).map(r -> "cpu-request-ratio=" + r),
                Arbitraries.of("node", "region:us", "zone:a").list().ofMinSize(1).uniqueElements()
                        .map(l -> "placement-constraints=" + String.join(",", l)));
        Arbitrary<String> section = Combinators.combine(header,
                        setting.list().ofMinSize(1).ofMaxSize(5).uniqueElements(s -> s.substring(0, s.indexOf('='))))
                .as((h, s) -> h + "\n" + String.join("\n", s));
        return section.list().ofMinSize(1).ofMaxSize(5).uniqueElements(s -> s.substring(0, s.indexOf('\n')))
                .map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> mainConfigText() {
        List<String> names = new java.util.ArrayList<>(KubernetesConfig.pluginOptionNames());
        for (io.kubelauncher.api.options.StandardOption option : io.kubelauncher.api.options.StandardOption.values()) {
            names.add(option.optionName());
        }
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "-3", "0.5", "24.5", "1e3", "https://k:6443", "ftp://x", "rstudio", "Bad_NS",
                        "", "yes", "aGVsbG8=", "/tmp", "/nonexistent/t", "DEBUG", "9", "x # c"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> line = Arbitraries.oneOf(
                Combinators.combine(name, value).as((n, v) -> n + "=" + v),
                Combinators.combine(name, value).as((n, v) -> "  " + n + " = " + v + "  "),
                Arbitraries.of("", "# comment", "[section]", "[", "[]", "=x", "api-url", "\uFEFFfetch-limit=1"),
                Arbitraries.strings().ofMaxLength(16));
        return line.list().ofMaxSize(20).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<Map<String, String>> options() {
        List<String> names = new java.util.ArrayList<>(KubernetesConfig.pluginOptionNames());
        for (io.kubelauncher.api.options.StandardOption option : io.kubelauncher.api.options.StandardOption.values()) {
            names.add(option.optionName());
        }
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "-3", "24.5", "https://k:6443", "ftp://x", "rstudio", "Bad_NS", "", "yes",
                        "aGVsbG8=", "/tmp", "DEBUG", "9"),
                Arbitraries.strings().ofMaxLength(12));
        return Arbitraries.maps(Arbitraries.of(names), value).ofMaxSize(10);
    }
}
