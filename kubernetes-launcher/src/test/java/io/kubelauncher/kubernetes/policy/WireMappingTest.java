package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.WireJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Golden Cluster Info JSON for users of the admin guide's examples, and the Job round trip. */
class WireMappingTest {

    private final JsonMapper json = WireJson.newMapper();
    private final FakeGroups groups = new FakeGroups().member("pat", "posit-power-users").member("bea", "bioinformatics");

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "alice,  launcher.kubernetes.profiles.conf, alice.json",
            "jsmith, launcher.kubernetes.profiles.conf, jsmith.json",
            "pat,    launcher.kubernetes.profiles.conf, pat.json",
            "alice,  resource-access.profiles.conf,     alice-resource-access.json",
    })
    void clusterInfoMatchesTheGoldenJson(String user, String profiles, String golden) throws Exception {
        UserPolicy policy = UserPolicy.load(ClusterInfoTest.guide(profiles),
                ClusterInfoTest.guide("launcher.kubernetes.resources.conf"), groups);
        String actual = json.writeValueAsString(WireMapping.clusterInfo(policy.clusterInfoFor(user), List.of(), false));
        JsonNode expected = json.readTree(Files.readString(
                Path.of(getClass().getResource("/cluster-info/" + golden).toURI())));
        assertThat(json.readTree(actual)).isEqualTo(expected);
    }

    @Test
    void aJobGoesThroughThePolicyAndBack() throws Exception {
        UserPolicy policy = UserPolicy.load(ClusterInfoTest.guide("launcher.kubernetes.profiles.conf"),
                ClusterInfoTest.guide("launcher.kubernetes.resources.conf"), groups);
        Job job = Job.builder().user("alice").name("session")
                .container(new Container("r-session:3.4.2", 1000, 1000, List.of(20)))
                .resourceLimits(List.of(ResourceLimit.requested("cpuCount", "2")))
                .placementConstraints(List.of(new PlacementConstraint("region", "eu")))
                .build();
        JobRequest request = WireMapping.jobRequest(job);
        assertThat(request).isEqualTo(new JobRequest(Optional.of("r-session:3.4.2"), "",
                List.of(new RequestedLimit("cpuCount", "2")), List.of(new PlacementRequest("region", "eu"))));
        Job completed = WireMapping.completed(job, policy.validateAndComplete("alice", request));
        assertThat(completed.container()).isEqualTo(new Container("r-session:3.4.2", 1000, 1000, List.of(20)));
        assertThat(completed.resourceProfile()).isEqualTo("custom");
        assertThat(completed.resourceLimits()).containsExactly(ResourceLimit.requested("cpuCount", "2"),
                ResourceLimit.requested("CPU Request", "0.5"), ResourceLimit.requested("memory", "512"),
                ResourceLimit.requested("Memory Request", "256"));
        assertThat(completed.placementConstraints()).containsExactly(new PlacementConstraint("region", "eu"));
        assertThat(completed.name()).isEqualTo("session");
    }

    @Test
    void aJobWithoutContainerGetsTheDefaultImage() throws Exception {
        Path profiles = Files.createTempFile("profiles", ".conf");
        Files.writeString(profiles, "[*]\ndefault-container-image=r:4\n");
        UserPolicy policy = UserPolicy.load(profiles, Path.of("/nonexistent/resources.conf"), groups);
        Job job = Job.builder().user("alice").build();
        Job completed = WireMapping.completed(job, policy.validateAndComplete("alice", WireMapping.jobRequest(job)));
        assertThat(completed.container()).isEqualTo(new Container("r:4", null, null, List.of()));
        Files.delete(profiles);
    }
}
