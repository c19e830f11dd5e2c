package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.kubernetes.config.ProfilesFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;
import io.kubelauncher.kubernetes.config.JsonOverride;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SDK's precedence (API reference 12), case by case; {@code |} in a file stands for a line break. */
class ProfileResolverTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // case; file; user; groups (space separated); expected max-cpus ("-" = default 0)
            "nothing configured; [*]|default-cpus=1; alice; ; -",
            "everyone; [*]|max-cpus=2; alice; ; 2",
            "group beats everyone; [*]|max-cpus=2|[@g]|max-cpus=4; alice; g; 4",
            "group section for others; [*]|max-cpus=2|[@g]|max-cpus=4; alice; h; 2",
            "user beats group; [*]|max-cpus=2|[@g]|max-cpus=4|[alice]|max-cpus=8; alice; g; 8",
            "user section for others; [*]|max-cpus=2|[bob]|max-cpus=8; alice; ; 2",
            "user beats group placed after it; [alice]|max-cpus=8|[@g]|max-cpus=4; alice; g; 8",
            "user beats everyone placed after it; [alice]|max-cpus=8|[*]|max-cpus=2; alice; ; 8",
            "later of two matching groups wins; [@g]|max-cpus=4|[@h]|max-cpus=6; alice; g h; 6",
            "later of two matching groups wins, reversed; [@h]|max-cpus=6|[@g]|max-cpus=4; alice; g h; 4",
            "non-matching later group does not count; [@g]|max-cpus=4|[@h]|max-cpus=6; alice; g; 4",
            "group without the key keeps everyone's; [*]|max-cpus=2|[@g]|default-cpus=1; alice; g; 2",
            "quirk: matching user section without the key hides later everyone; [alice]|default-cpus=1|[*]|max-cpus=2; alice; ; -",
            "quirk: matching group without the key hides later everyone; [@g]|default-cpus=1|[*]|max-cpus=2; alice; g; -",
            "quirk does not apply to non-members; [@g]|default-cpus=1|[*]|max-cpus=2; alice; ; 2",
            "empty matching user section hides nothing; [alice]|[*]|max-cpus=2; alice; ; 2",
            "quirk: matching user section hides a later group; [alice]|default-cpus=1|[@g]|max-cpus=4; alice; g; -",
            "group then everyone then group; [@g]|max-cpus=4|[*]|max-cpus=2|[@h]|max-cpus=6; alice; g h; 6",
            "later matching group without the key keeps the earlier group's; [@g]|max-cpus=4|[@h]|default-cpus=1; alice; g h; 4",
            "three matching groups, the middle one sets it; [@g]|default-cpus=1|[@h]|max-cpus=6|[@i]|default-mem-mb=1; alice; g h i; 6",
            "three matching groups, the last two set it; [@g]|max-cpus=3|[@h]|max-cpus=6|[@i]|max-cpus=9; alice; g i; 9",
            "user first, then two matching groups; [alice]|max-cpus=8|[@g]|max-cpus=4|[@h]|max-cpus=6; alice; g h; 8",
            "three levels in reverse order; [alice]|max-cpus=8|[@g]|max-cpus=4|[*]|max-cpus=2; alice; g; 8",
            "three levels in reverse order, not the user; [alice]|max-cpus=8|[@g]|max-cpus=4|[*]|max-cpus=2; bob; g; 4",
            "everyone after a user section for someone else; [bob]|max-cpus=8|[*]|max-cpus=2; alice; ; 2",
            "empty matching group section hides nothing; [@g]|[*]|max-cpus=2; alice; g; 2",
            "quirk: everyone between two matching groups stays hidden; [@g]|default-cpus=1|[*]|max-cpus=2|[@h]|default-mem-mb=1; alice; g h; -",
            "quirk: a later group hidden by the user section; [*]|max-cpus=2|[alice]|default-cpus=1|[@g]|max-cpus=4; alice; g; 2",
    })
    void resolvesMaxCpus(String name, String file, String user, String groups, String expected) throws Exception {
        ProfilesFile profiles = ProfilesFile.parse("p", Path.of("."), file.replace('|', '\n'));
        Set<String> memberOf = groups == null ? Set.of() : Set.of(groups.trim().split(" +"));
        UserProfile profile = new ProfileResolver(profiles).resolve(user, memberOf);
        assertThat(profile.maxCpus()).isEqualByComparingTo(expected.equals("-") ? BigDecimal.ZERO : new BigDecimal(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "every key from different sections; [*]|default-cpus=1|max-cpus=2|[@g]|max-cpus=3|[alice]|default-mem-mb=100",
    })
    void resolvesEachKeyIndependently(String name, String file) throws Exception {
        ProfilesFile profiles = ProfilesFile.parse("p", Path.of("."), file.replace('|', '\n'));
        UserProfile profile = new ProfileResolver(profiles).resolve("alice", Set.of("g"));
        assertThat(profile.defaultCpus()).isEqualByComparingTo("1");
        assertThat(profile.maxCpus()).isEqualByComparingTo("3");
        assertThat(profile.defaultMemMb()).isEqualByComparingTo("100");
    }

    @org.junit.jupiter.api.Test
    void appliesTheAdminGuideDefaultsWhenNothingIsSet() throws Exception {
        UserProfile profile = new ProfileResolver(ProfilesFile.empty("p")).resolve("alice", Set.of());
        assertThat(profile).isEqualTo(new UserProfile(java.util.List.of(), java.util.Optional.empty(), true,
                java.util.List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, java.util.List.of(), BigDecimal.ONE, BigDecimal.ONE,
                0, 0, 0, 0, java.util.Optional.empty(), true));
    }

    @org.junit.jupiter.api.Test
    void resolvesEveryKeyFromTheMatchingSection() throws Exception {
        ProfilesFile profiles = ProfilesFile.parse("p", Path.of("."), String.join("\n", "[*]", "max-cpus=1", "[alice]",
                "container-images=a,b", "default-container-image=a", "allow-unknown-images=0", "placement-constraints=zone:x,node",
                "default-cpus=1", "default-cpus-request=0.5", "default-mem-mb=512", "default-mem-mb-request=256",
                "max-cpus=2", "max-cpus-request=1", "max-mem-mb=1024", "max-mem-mb-request=600", "cpu-request-ratio=0.5",
                "memory-request-ratio=0.25", "default-nvidia-gpus=1", "default-amd-gpus=2", "max-nvidia-gpus=3",
                "max-amd-gpus=4", "resource-profiles=small", "allow-custom-resources=0", "job-json-overrides="));
        UserProfile profile = new ProfileResolver(profiles).resolve("alice", Set.of());
        assertThat(profile).isEqualTo(new UserProfile(java.util.List.of("a", "b"), java.util.Optional.of("a"), false,
                java.util.List.of(io.kubelauncher.kubernetes.config.PlacementConstraintOption.of("zone", "x"),
                        io.kubelauncher.kubernetes.config.PlacementConstraintOption.freeForm("node")),
                new BigDecimal("1"), new BigDecimal("0.5"), new BigDecimal("512"), new BigDecimal("256"),
                new BigDecimal("2"), new BigDecimal("1"), new BigDecimal("1024"), new BigDecimal("600"), java.util.List.of(),
                new BigDecimal("0.5"), new BigDecimal("0.25"), 1, 2, 3, 4, java.util.Optional.of(java.util.List.of("small")),
                false));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "conventional order agrees; [*]|max-cpus=2|[@g]|max-cpus=4|[alice]|max-cpus=8; g; ''",
            "user before everyone; [alice]|max-cpus=8|[*]|max-cpus=2|default-cpus=1; ; default-cpus,max-cpus",
            "same value either way; [alice]|max-cpus=2|[*]|max-cpus=2; ; ''",
            "group before everyone, member; [@g]|max-cpus=4|[*]|max-cpus=2; g; max-cpus",
            "group before everyone, not a member; [@g]|max-cpus=4|[*]|max-cpus=2; ; ''",
    })
    void reportsWhereLaterWinsWouldDisagree(String name, String file, String groups, String expected) throws Exception {
        ProfilesFile profiles = ProfilesFile.parse("p", Path.of("."), file.replace('|', '\n'));
        Set<String> memberOf = groups == null ? Set.of() : Set.of(groups.trim().split(" +"));
        ProfileResolver.Resolution resolution = new ProfileResolver(profiles).resolveWithDisagreements("alice", memberOf);
        assertThat(String.join(",", resolution.disagreements())).isEqualTo(expected);
    }

    @TempDir
    Path dir;

    /** Each of the 21 keys as the resolved profile holds it, written plainly for the table below. */
    private static final Map<String, Function<UserProfile, Object>> FIELD = Map.ofEntries(
            Map.entry("container-images", UserProfile::containerImages),
            Map.entry("default-container-image", UserProfile::defaultContainerImage),
            Map.entry("allow-unknown-images", UserProfile::allowUnknownImages),
            Map.entry("placement-constraints", UserProfile::placementConstraints),
            Map.entry("default-cpus", UserProfile::defaultCpus),
            Map.entry("default-cpus-request", UserProfile::defaultCpusRequest),
            Map.entry("default-mem-mb", UserProfile::defaultMemMb),
            Map.entry("default-mem-mb-request", UserProfile::defaultMemMbRequest),
            Map.entry("max-cpus", UserProfile::maxCpus),
            Map.entry("max-cpus-request", UserProfile::maxCpusRequest),
            Map.entry("max-mem-mb", UserProfile::maxMemMb),
            Map.entry("max-mem-mb-request", UserProfile::maxMemMbRequest),
            Map.entry("job-json-overrides", p -> p.jobJsonOverrides().stream().map(JsonOverride::pointer).toList()),
            Map.entry("cpu-request-ratio", UserProfile::cpuRequestRatio),
            Map.entry("memory-request-ratio", UserProfile::memoryRequestRatio),
            Map.entry("default-nvidia-gpus", UserProfile::defaultNvidiaGpus),
            Map.entry("default-amd-gpus", UserProfile::defaultAmdGpus),
            Map.entry("max-nvidia-gpus", UserProfile::maxNvidiaGpus),
            Map.entry("max-amd-gpus", UserProfile::maxAmdGpus),
            Map.entry("resource-profiles", UserProfile::resourceProfiles),
            Map.entry("allow-custom-resources", UserProfile::allowCustomResources));

    private static String shown(Object value) {
        return value instanceof BigDecimal d ? (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString())
                : String.valueOf(value);
    }

    /**
     * Every key of the admin guide's table: its default when no section sets it, the value of
     * {@code [*]} for a user in no group, and the value of a later {@code [@g]} for a member.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            // key;                  default;        [*] value;       [@g] value;      for everyone;       for members of g
            "container-images;        [];             a, b;            c;               [a, b];             [c]",
            "default-container-image; Optional.empty; a;               b;               Optional[a];        Optional[b]",
            "allow-unknown-images;    true;           0;               1;               false;              true",
            "placement-constraints;   [];             zone:a,node;     region:eu;       [zone:a, node];     [region:eu]",
            "default-cpus;            0;              1;               2.5;             1;                  2.5",
            "default-cpus-request;    0;              0.5;             1;               0.5;                1",
            "default-mem-mb;          0;              512;             4096;            512;                4096",
            "default-mem-mb-request;  0;              256;             1024;            256;                1024",
            "max-cpus;                0;              2;               20;              2;                  20",
            "max-cpus-request;        0;              1;               10;              1;                  10",
            "max-mem-mb;              0;              1024;            20480;           1024;               20480",
            "max-mem-mb-request;      0;              512;             10240;           512;                10240",
            "job-json-overrides;      [];             '\"/a\":\"x.json\"'; '\"/b\":\"x.json\",\"/c\":\"x.json\"'; [/a]; '[/b, /c]'",
            "cpu-request-ratio;       1;              0.5;             0.25;            0.5;                0.25",
            "memory-request-ratio;    1;              0.75;            1.0;             0.75;               1",
            "default-nvidia-gpus;     0;              1;               2;               1;                  2",
            "default-amd-gpus;        0;              1;               2;               1;                  2",
            "max-nvidia-gpus;         0;              1;               4;               1;                  4",
            "max-amd-gpus;            0;              1;               3;               1;                  3",
            "resource-profiles;       Optional.empty; small, default;  big;             '[small, default]'; '[big]'",
            "allow-custom-resources;  true;           0;               1;               false;              true",
    })
    void everyKeyHasItsDefaultAndFollowsThePrecedence(String key, String defaultValue, String everyone, String group,
                                                      String forEveryone, String forMembers) throws Exception {
        Files.writeString(dir.resolve("x.json"), "{}");
        Function<UserProfile, Object> field = FIELD.get(key);
        assertThat(FIELD).hasSize(21);
        ProfilesFile empty = ProfilesFile.parse("p", dir, "[*]\n[@g]\n");
        assertThat(shown(field.apply(new ProfileResolver(empty).resolve("alice", Set.of("g")))))
                .isEqualTo(defaultValue);
        ProfilesFile file = ProfilesFile.parse("p", dir, "[*]\n" + key + "=" + everyone + "\n[@g]\n" + key + "=" + group
                + "\n");
        ProfileResolver resolver = new ProfileResolver(file);
        assertThat(shown(field.apply(resolver.resolve("alice", Set.of())))).isEqualTo(wrapOptional(key, forEveryone));
        assertThat(shown(field.apply(resolver.resolve("alice", Set.of("g"))))).isEqualTo(wrapOptional(key, forMembers));
    }

    /** resource-profiles is an Optional list; the table writes just the list when it is set. */
    private static String wrapOptional(String key, String expected) {
        return key.equals("resource-profiles") ? "Optional[" + expected + "]" : expected;
    }
}
