package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.kubernetes.config.PlacementConstraintOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden Cluster Info answers for users of the admin guide's own example files. */
class ClusterInfoTest {

    private static final List<PlacementConstraintOption> GUIDE_CONSTRAINTS = List.of(
            PlacementConstraintOption.freeForm("node"), PlacementConstraintOption.of("region", "us"),
            PlacementConstraintOption.of("region", "eu"));

    private static final List<ClusterInfo.ResourceProfileInfo> ALL_PROFILES = List.of(
            profile("default", "Default", "1", "4096"),
            profile("small", "small", "1", "512"),
            new ClusterInfo.ResourceProfileInfo("default-gpu", "default-gpu", List.of(limit("cpuCount", "1"),
                    limit("memory", "4096"), limit("NVIDIA GPUs", "1")), List.of()),
            profile("hugemem", "Huge Memory", "8", "262144"));

    private final FakeGroups groups = new FakeGroups()
            .member("pat", "posit-power-users", "staff")
            .member("bea", "bioinformatics")
            .member("jsmith", "staff");

    static Path guide(String name) throws Exception {
        return Path.of(ClusterInfoTest.class.getResource("/admin-guide/" + name).toURI());
    }

    private UserPolicy policy(String profiles) throws Exception {
        return UserPolicy.load(guide(profiles), guide("launcher.kubernetes.resources.conf"), groups);
    }

    @Test
    void anOrdinaryUserGetsTheEveryoneSection() throws Exception {
        assertThat(policy("launcher.kubernetes.profiles.conf").clusterInfoFor("alice")).isEqualTo(new ClusterInfo(
                List.of("r-session:3.4.2", "r-session:3.5.0"), Optional.empty(), false, GUIDE_CONSTRAINTS,
                List.of(info("cpuCount", "1", "2"), info("CPU Request", "0.5", null), info("memory", "512", "1024"),
                        info("Memory Request", "256", null)),
                ALL_PROFILES, true));
    }

    @Test
    void jsmithGetsThreeCpus() throws Exception {
        assertThat(policy("launcher.kubernetes.profiles.conf").clusterInfoFor("jsmith")).isEqualTo(new ClusterInfo(
                List.of("r-session:3.4.2", "r-session:3.5.0"), Optional.empty(), false, GUIDE_CONSTRAINTS,
                List.of(info("cpuCount", "1", "3"), info("CPU Request", "0.5", null), info("memory", "512", "1024"),
                        info("Memory Request", "256", null)),
                ALL_PROFILES, true));
    }

    @Test
    void aPowerUserGetsMoreOfEverythingAndGpus() throws Exception {
        assertThat(policy("launcher.kubernetes.profiles.conf").clusterInfoFor("pat")).isEqualTo(new ClusterInfo(
                List.of("r-session:3.4.2", "r-session:3.5.0", "r-session:preview"), Optional.empty(), true,
                GUIDE_CONSTRAINTS,
                List.of(info("cpuCount", "4", "20"), info("CPU Request", "0.5", null), info("memory", "4096", "20480"),
                        info("Memory Request", "256", null), info("NVIDIA GPUs", "0", "2"), info("AMD GPUs", "0", "3")),
                ALL_PROFILES, true));
    }

    @Test
    void resourceProfilesAreRestrictedByGroup() throws Exception {
        UserPolicy policy = policy("resource-access.profiles.conf");
        List<ClusterInfo.LimitInfo> noLimits = List.of(info("cpuCount", null, null), info("CPU Request", null, null),
                info("memory", null, null), info("Memory Request", null, null));
        assertThat(policy.clusterInfoFor("alice")).isEqualTo(new ClusterInfo(List.of(), Optional.empty(), true,
                List.of(), noLimits, ALL_PROFILES.subList(0, 2), false));
        assertThat(policy.clusterInfoFor("bea")).isEqualTo(new ClusterInfo(List.of(), Optional.empty(), true,
                List.of(), noLimits, ALL_PROFILES, false));
        assertThat(policy.clusterInfoFor("pat")).isEqualTo(new ClusterInfo(List.of(), Optional.empty(), true,
                List.of(), noLimits, ALL_PROFILES, true));
    }

    private static ClusterInfo.LimitInfo info(String type, String defaultValue, String max) {
        return new ClusterInfo.LimitInfo(type, Optional.ofNullable(defaultValue), Optional.ofNullable(max));
    }

    private static RequestedLimit limit(String type, String value) {
        return new RequestedLimit(type, value);
    }

    private static ClusterInfo.ResourceProfileInfo profile(String name, String display, String cpus, String mem) {
        return new ClusterInfo.ResourceProfileInfo(name, display, List.of(limit("cpuCount", cpus), limit("memory", mem)),
                List.of());
    }
}
