package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.kubernetes.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadTest {

    @TempDir
    Path dir;

    private Path profiles;
    private Path resources;
    private final FakeGroups groups = new FakeGroups().member("alice", "staff");

    @BeforeEach
    void files() throws Exception {
        profiles = Files.writeString(dir.resolve("profiles.conf"), "[*]\nmax-cpus=2\n");
        resources = Files.writeString(dir.resolve("resources.conf"), "[small]\ncpus=1\nmem-mb=512\n");
    }

    private static String maxCpus(UserPolicy policy) {
        return policy.clusterInfoFor("alice").resourceLimits().get(0).maxValue().orElse("-");
    }

    @Test
    void aValidChangeTakesEffect() throws Exception {
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        Files.writeString(profiles, "[*]\nmax-cpus=2\n[@staff]\nmax-cpus=6\nresource-profiles=big\n");
        Files.writeString(resources, "[big]\ncpus=6\nmem-mb=512\n");
        ReloadResult result = policy.reload();
        assertThat(result).isEqualTo(new ReloadResult(ReloadResult.Outcome.RELOADED, ""));
        assertThat(result.errorType()).isZero();
        assertThat(maxCpus(policy)).isEqualTo("6");
        assertThat(policy.clusterInfoFor("alice").resourceProfiles()).extracting(ClusterInfo.ResourceProfileInfo::name)
                .containsExactly("big");
    }

    @Test
    void anInvalidChangeKeepsTheOldPolicyAndSaysWhy() throws Exception {
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        Files.writeString(profiles, "[*]\nmax-cpus=6\nmax-cpu=7\n");
        ReloadResult result = policy.reload();
        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.VALIDATION_ERROR);
        assertThat(result.errorType()).isEqualTo(2);
        assertThat(result.message()).startsWith(profiles + ":3: unknown key max-cpu in section [*]");
        assertThat(maxCpus(policy)).isEqualTo("2");
    }

    @Test
    void aBadResourcesFileKeepsBothOldFiles() throws Exception {
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        Files.writeString(profiles, "[*]\nmax-cpus=6\n");
        Files.writeString(resources, "[small]\ncpus=1\n");
        ReloadResult result = policy.reload();
        assertThat(result).isEqualTo(new ReloadResult(ReloadResult.Outcome.VALIDATION_ERROR,
                resources + ":1: resource profile [small] is missing the required key mem-mb"));
        assertThat(maxCpus(policy)).as("the valid new profiles file is not half-applied").isEqualTo("2");
    }

    @Test
    void anUnreadableFileIsALoadError() throws Exception {
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        Files.delete(profiles);
        Files.createDirectory(profiles);
        ReloadResult result = policy.reload();
        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.LOAD_ERROR);
        assertThat(result.errorType()).isEqualTo(1);
        assertThat(result.message()).startsWith(profiles + ": cannot read file: ");
        assertThat(maxCpus(policy)).isEqualTo("2");
    }

    @Test
    void deletedFilesMeanNoPolicy() throws Exception {
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        Files.delete(profiles);
        Files.delete(resources);
        assertThat(policy.reload().succeeded()).isTrue();
        assertThat(maxCpus(policy)).isEqualTo("-");
        assertThat(policy.clusterInfoFor("alice").resourceProfiles()).isEmpty();
    }

    @Test
    void unknownGroupsAndResourceProfilesFailTheLoad() throws Exception {
        Files.writeString(profiles, "[*]\nresource-profiles=small,custom\n[@nobody-group]\nmax-cpus=1\n"
                + "[alice]\nresource-profiles=small,large\n");
        assertThatThrownBy(() -> UserPolicy.load(profiles, resources, groups))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.getMessage()).isEqualTo(String.join("\n",
                        profiles + ":3: unknown group nobody-group in section [@nobody-group]: the system's name service"
                                + " has no such group",
                        profiles + ":6: resource-profiles: unknown resource profile large (" + resources
                                + " defines small)")));
    }

    @Test
    void startUpFailsOnAnInvalidFile() throws Exception {
        Files.writeString(profiles, "max-cpus=1\n");
        assertThatThrownBy(() -> UserPolicy.load(profiles, resources, groups))
                .hasMessage(profiles + ":1: key max-cpus is outside any section: keys must follow a [section] header");
    }

    @Test
    void jobsSeeTheReloadedPolicy() throws Exception {
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        JobRequest job = new JobRequest(Optional.of("img"), "", List.of(new RequestedLimit("cpuCount", "4")), List.of());
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job)).isInstanceOf(PolicyViolation.class);
        Files.writeString(profiles, "[*]\nmax-cpus=4\n");
        assertThat(policy.reload().succeeded()).isTrue();
        assertThat(policy.validateAndComplete("alice", job).limits()).containsExactly(new RequestedLimit("cpuCount", "4"));
    }
}
