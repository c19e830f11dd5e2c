package io.kubelauncher.kubernetes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProfilesFileTest {

    @TempDir
    Path dir;

    static Stream<Arguments> everyKey() {
        return Stream.of(
                Arguments.of("container-images", "r-session:3.4.2, r-session:3.5.0,,", List.of("r-session:3.4.2", "r-session:3.5.0")),
                Arguments.of("default-container-image", "r-session:3.5.0", "r-session:3.5.0"),
                Arguments.of("default-container-image", "\"r-session:3.5.0\"", "r-session:3.5.0"),
                Arguments.of("allow-unknown-images", "0", false),
                Arguments.of("allow-unknown-images", "1", true),
                Arguments.of("allow-unknown-images", "TRUE", true),
                Arguments.of("placement-constraints", "node,region:us, region:eu",
                        List.of(PlacementConstraintOption.freeForm("node"), PlacementConstraintOption.of("region", "us"),
                                PlacementConstraintOption.of("region", "eu"))),
                Arguments.of("placement-constraints", "eks.amazonaws.com/compute-type:fargate",
                        List.of(PlacementConstraintOption.of("eks.amazonaws.com/compute-type", "fargate"))),
                Arguments.of("default-cpus", "1", new BigDecimal("1")),
                Arguments.of("default-cpus-request", "0.5", new BigDecimal("0.5")),
                Arguments.of("default-mem-mb", "512", new BigDecimal("512")),
                Arguments.of("default-mem-mb-request", "256.5", new BigDecimal("256.5")),
                Arguments.of("max-cpus", "2", new BigDecimal("2")),
                Arguments.of("max-cpus-request", "1.5", new BigDecimal("1.5")),
                Arguments.of("max-mem-mb", "1024", new BigDecimal("1024")),
                Arguments.of("max-mem-mb-request", "0.0", new BigDecimal("0.0")),
                Arguments.of("cpu-request-ratio", "0.5", new BigDecimal("0.5")),
                Arguments.of("memory-request-ratio", "1.0", new BigDecimal("1.0")),
                Arguments.of("default-nvidia-gpus", "1", 1),
                Arguments.of("default-amd-gpus", "0", 0),
                Arguments.of("max-nvidia-gpus", "2", 2),
                Arguments.of("max-amd-gpus", "3", 3),
                Arguments.of("resource-profiles", "default, small", List.of("default", "small")),
                Arguments.of("allow-custom-resources", "0", false),
                Arguments.of("job-json-overrides", "", List.of()));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("everyKey")
    void parsesEveryKey(String key, String raw, Object expected) throws Exception {
        ProfilesFile file = ProfilesFile.parse("p.conf", dir, "[*]\n" + key + "=" + raw + "\n");
        ProfileKey<?> profileKey = ProfileKey.named(key).orElseThrow();
        assertThat(file.sections()).hasSize(1);
        assertThat(file.sections().get(0).get(profileKey).map(Object.class::cast)).contains(expected);
        assertThat(file.sections().get(0).lineOf(profileKey)).hasValue(2);
    }

    @Test
    void knowsExactlyTheTwentyOneKeysOfTheAdminGuide() {
        assertThat(ProfileKey.all()).extracting(ProfileKey::name).containsExactly(
                "container-images", "default-container-image", "allow-unknown-images", "placement-constraints",
                "default-cpus", "default-cpus-request", "default-mem-mb", "default-mem-mb-request", "max-cpus",
                "max-cpus-request", "max-mem-mb", "max-mem-mb-request", "job-json-overrides", "cpu-request-ratio",
                "memory-request-ratio", "default-nvidia-gpus", "default-amd-gpus", "max-nvidia-gpus", "max-amd-gpus",
                "resource-profiles", "allow-custom-resources");
    }

    @Test
    void readsTheAdminGuideExample() throws Exception {
        ProfilesFile file = ProfilesFile.read(resource("launcher.kubernetes.profiles.conf"));
        assertThat(file.sections()).extracting(ProfileSection::selector).containsExactly(
                new SectionSelector(SectionSelector.Kind.EVERYONE, "*"),
                new SectionSelector(SectionSelector.Kind.GROUP, "posit-power-users"),
                new SectionSelector(SectionSelector.Kind.USER, "jsmith"));
        assertThat(file.sections()).extracting(ProfileSection::line).containsExactly(1, 11, 22);
        assertThat(file.sections().get(1).get(ProfileKey.MAX_MEM_MB)).contains(new BigDecimal("20480"));
        assertThat(file.orderWarnings()).isEmpty();
    }

    @Test
    void readsJsonOverridesWithTheirValueFiles() throws Exception {
        ProfilesFile file = ProfilesFile.read(resource("json-overrides.profiles.conf"));
        List<JsonOverride> overrides = file.sections().get(0).get(ProfileKey.JOB_JSON_OVERRIDES).orElseThrow();
        assertThat(overrides).hasSize(1);
        assertThat(overrides.get(0).pointer()).isEqualTo("/spec/template/spec/hostAliases");
        assertThat(overrides.get(0).file()).isEqualTo(resource("kube-host-aliases"));
        assertThat(overrides.get(0).value().get(1).get("hostnames").get(0).asString()).isEqualTo("db02");
    }

    @Test
    void readsSeveralOverridesAndAbsolutePaths() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{\"x\": 1}");
        Files.writeString(dir.resolve("b.json"), "\"text\"");
        ProfilesFile file = ProfilesFile.parse("p", dir, "[*]\njob-json-overrides=\"/a/b\":\"" + a
                + "\" , \"/metadata/annotations/x~1y\":\"b.json\"\n");
        assertThat(file.sections().get(0).get(ProfileKey.JOB_JSON_OVERRIDES).orElseThrow())
                .extracting(JsonOverride::pointer, o -> o.value().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/a/b", "{\"x\":1}"),
                        org.assertj.core.groups.Tuple.tuple("/metadata/annotations/x~1y", "\"text\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key        | [*]\\nmax-gpus=1       | p:2: unknown key max-gpus in section [*] (known keys: container-images, default-container-image, allow-unknown-images, placement-constraints, default-cpus, default-cpus-request, default-mem-mb, default-mem-mb-request, max-cpus, max-cpus-request, max-mem-mb, max-mem-mb-request, job-json-overrides, cpu-request-ratio, memory-request-ratio, default-nvidia-gpus, default-amd-gpus, max-nvidia-gpus, max-amd-gpus, resource-profiles, allow-custom-resources)",
            "bad number         | [*]\\nmax-cpus=two     | p:2: max-cpus: bad number 'two'",
            "negative number    | [*]\\nmax-cpus=-1      | p:2: max-cpus: bad number '-1': must not be negative",
            "exponent           | [*]\\nmax-mem-mb=1e3   | p:2: max-mem-mb: bad number '1e3'",
            "empty number       | [*]\\ndefault-cpus=   | p:2: default-cpus: missing number",
            "fractional gpus    | [*]\\nmax-nvidia-gpus=1.5 | p:2: max-nvidia-gpus: bad number '1.5': expected a whole number",
            "bad boolean        | [*]\\nallow-unknown-images=maybe | p:2: allow-unknown-images: bad boolean 'maybe': use 1 or 0",
            "ratio zero         | [*]\\ncpu-request-ratio=0 | p:2: cpu-request-ratio: bad ratio '0': must be greater than 0.0 and at most 1.0",
            "ratio above one    | [*]\\nmemory-request-ratio=1.5 | p:2: memory-request-ratio: bad ratio '1.5': must be greater than 0.0 and at most 1.0",
            "group without name | [@]\\nmax-cpus=1      | p:1: section [@] needs a group name, e.g. [@posit-power-users]",
            "constraint no name | [*]\\nplacement-constraints=:us | p:2: placement-constraints: placement constraint ':us' has no name",
            "constraint empty value | [*]\\nplacement-constraints=region: | p:2: placement-constraints: placement constraint 'region:' has an empty value: write name:value, or just name for a free-form constraint",
            "constraint twice   | [*]\\nplacement-constraints=a:1,a:1 | p:2: placement-constraints: placement constraint 'a:1' is listed twice",
            "unterminated quote | [*]\\ndefault-container-image=\"r | p:2: default-container-image: unterminated quoted string \"r",
            "override no quotes | [*]\\njob-json-overrides=/a:/b | p:2: job-json-overrides: bad override: expected a quoted JSON pointer at column 1 of /a:/b; write \"/json/pointer\":\"/path/to/file.json\" pairs separated by commas",
            "override pointer   | [*]\\njob-json-overrides=\"spec\":\"x\" | p:2: job-json-overrides: bad override pointer \"spec\": a JSON pointer starts with /",
            "override tilde     | [*]\\njob-json-overrides=\"/a~2\":\"x\" | p:2: job-json-overrides: bad override pointer \"/a~2\": ~ must be followed by 0 (for ~) or 1 (for /)",
            "override empty ptr | [*]\\njob-json-overrides=\"\":\"x\" | p:2: job-json-overrides: bad override pointer \"\": it would replace the whole Job; point at a member such as \"/spec/template/spec/hostAliases\"",
            "override comma     | [*]\\njob-json-overrides=\"/a\":\"x\", | p:2: job-json-overrides: bad override: trailing comma; write \"/json/pointer\":\"/path/to/file.json\" pairs separated by commas",
    })
    void reportsBadValuesWithFileAndLine(String name, String text, String message) {
        assertThatThrownBy(() -> ProfilesFile.parse("p", dir, text.replace("\\n", "\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }

    @Test
    void readsATrailingCommentAfterAValue() throws Exception {
        ProfilesFile file = ProfilesFile.parse("p", dir, "[u]\nmax-cpus=2 # two\n");
        assertThat(file.sections().get(0).get(ProfileKey.MAX_CPUS)).contains(new BigDecimal("2"));
    }

    @Test
    void reportsAnUnreadableOverrideFile() {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> ProfilesFile.parse("p", dir, "[*]\n\njob-json-overrides=\"/a\":\"missing.json\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("p:3: job-json-overrides: unreadable override file " + missing + ": NoSuchFileException "
                        + missing);
    }

    @Test
    void reportsAnOverrideFileThatIsNotJson() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"a\": ");
        assertThatThrownBy(() -> ProfilesFile.parse("p", dir, "[*]\njob-json-overrides=\"/a\":\"bad.json\"\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("p:2: job-json-overrides: override file " + dir.resolve("bad.json")
                        + " is not valid JSON: ");
        Files.writeString(dir.resolve("two.json"), "{} {}");
        assertThatThrownBy(() -> ProfilesFile.parse("p", dir, "[*]\njob-json-overrides=\"/a\":\"two.json\"\n"))
                .hasMessageStartingWith("p:2: job-json-overrides: override file " + dir.resolve("two.json")
                        + " is not valid JSON: ");
    }

    @Test
    void bytesThatAreNotUtf8AreHarmlessInACommentAndNamedAtTheirLineInAValue() throws Exception {
        byte[] latin1 = "# r\u00e9glages\n[*]\nmax-cpus=2\ndefault-container-image=caf\u00e9\nmax-mem-mb=1\u00b0\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.conf"), latin1);
        assertThatThrownBy(() -> ProfilesFile.read(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.isUnreadable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo(file + ":5: max-mem-mb: bad number '1\ufffd'");
                });
    }

    @Test
    void aMissingFileIsEmptyButAnUnreadableOneIsAnError() throws Exception {
        assertThat(ProfilesFile.read(dir.resolve("absent.conf")).sections()).isEmpty();
        assertThatThrownBy(() -> ProfilesFile.read(dir))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.isUnreadable()).isTrue();
                    assertThat(e.getMessage()).startsWith(dir + ": cannot read file: ");
                });
    }

    @Test
    void warnsWhereFileOrderAndPrecedenceDisagree() throws Exception {
        ProfilesFile file = ProfilesFile.parse("p", dir, String.join("\n",
                "[jsmith]", "max-cpus=3", "[@staff]", "max-cpus=4", "default-cpus=1", "[*]", "max-cpus=2", "[bob]", "[@other]",
                "max-mem-mb=1"));
        assertThat(file.orderWarnings()).extracting(ConfigProblem::toString).containsExactly(
                "p:3: section [@staff] comes after the more specific [jsmith] (line 1): for a user matching both, the"
                        + " more specific section wins and [@staff]'s default-cpus, max-cpus do not apply, although the"
                        + " file is read top to bottom; move [@staff] above them to make the order and the precedence agree",
                "p:6: section [*] comes after the more specific [jsmith] (line 1), [@staff] (line 3): for a user"
                        + " matching both, the more specific section wins and [*]'s max-cpus do not apply, although the"
                        + " file is read top to bottom; move [*] above them to make the order and the precedence agree",
                "p:9: section [@other] comes after the more specific [jsmith] (line 1): for a user matching both, the"
                        + " more specific section wins and [@other]'s max-mem-mb do not apply, although the file is read"
                        + " top to bottom; move [@other] above them to make the order and the precedence agree");
    }

    @Test
    void conventionalOrderGivesNoWarning() throws Exception {
        ProfilesFile file = ProfilesFile.parse("p", dir, "[*]\nmax-cpus=1\n[@a]\nmax-cpus=2\n[@b]\nmax-cpus=3\n[u]\nmax-cpus=4\n[v]\nmax-cpus=5\n");
        assertThat(file.orderWarnings()).isEmpty();
    }

    @Test
    void keepsEmptySectionsForTheResolverToSkip() throws Exception {
        ProfilesFile file = ProfilesFile.parse("p", dir, "[alice]\n[*]\nmax-cpus=1\n");
        assertThat(file.sections()).extracting(ProfileSection::isEmpty).containsExactly(true, false);
        assertThat(file.orderWarnings()).isEmpty();
        assertThat(file.sections().get(0).get(ProfileKey.MAX_CPUS)).isEqualTo(Optional.empty());
    }

    static Path resource(String name) throws Exception {
        return Path.of(ProfilesFileTest.class.getResource("/admin-guide/" + name).toURI());
    }
}
