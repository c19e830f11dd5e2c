package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.kubernetes.config.ProfilesFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Set;
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
}
