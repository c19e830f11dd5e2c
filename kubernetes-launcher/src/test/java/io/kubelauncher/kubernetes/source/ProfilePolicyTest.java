package io.kubelauncher.kubernetes.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.policy.GroupResolver;
import io.kubelauncher.kubernetes.policy.UserPolicy;
import io.kubelauncher.kubernetes.render.Admission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The profiles in the wire's terms: golden Cluster Info JSON for users of the admin guide's own
 * example files, submitted jobs completed or refused with Error 2, and Config Reload outcomes.
 */
class ProfilePolicyTest {

    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "pat", Set.of("posit-power-users"), "bea", Set.of("bioinformatics"));

    private static final GroupResolver GROUPS = new GroupResolver() {
        @Override
        public Set<String> groupsOf(String user) {
            return MEMBERS.getOrDefault(user, Set.of());
        }

        @Override
        public boolean groupExists(String group) {
            return Set.of("posit-power-users", "bioinformatics").contains(group);
        }
    };

    private final JsonMapper json = WireJson.newMapper();

    @TempDir
    Path dir;

    private static Path guide(String name) throws Exception {
        return Path.of(ProfilePolicyTest.class.getResource("/admin-guide/" + name).toURI());
    }

    private static ProfilePolicy guidePolicy(String profiles) throws Exception {
        return new ProfilePolicy(UserPolicy.load(guide(profiles), guide("launcher.kubernetes.resources.conf"), GROUPS));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "alice,  launcher.kubernetes.profiles.conf, alice.json",
            "jsmith, launcher.kubernetes.profiles.conf, jsmith.json",
            "pat,    launcher.kubernetes.profiles.conf, pat.json",
            "alice,  resource-access.profiles.conf,     alice-resource-access.json",
            "bea,    resource-access.profiles.conf,     bea-resource-access.json",
            "pat,    resource-access.profiles.conf,     pat-resource-access.json",
    })
    void clusterInfoMatchesTheGoldenJson(String user, String profiles, String golden) throws Exception {
        String actual = json.writeValueAsString(guidePolicy(profiles).clusterInfo(RequestUser.of(user)));
        JsonNode expected = json.readTree(Files.readString(
                Path.of(getClass().getResource("/cluster-info/" + golden).toURI())));
        assertThat(json.readTree(actual)).isEqualTo(expected);
    }

    @Test
    void aJobGoesThroughThePolicyAndBack() throws Exception {
        Job job = Job.builder().user("alice").name("session")
                .container(new Container("r-session:3.4.2", 1000, 1000, List.of(20)))
                .resourceLimits(List.of(ResourceLimit.requested("cpuCount", "2")))
                .placementConstraints(List.of(new PlacementConstraint("region", "eu")))
                .build();
        Admission admission = guidePolicy("launcher.kubernetes.profiles.conf").admit(RequestUser.of("alice"), job);
        Job completed = admission.job();
        assertThat(completed.container()).isEqualTo(new Container("r-session:3.4.2", 1000, 1000, List.of(20)));
        assertThat(completed.resourceProfile()).isEqualTo("custom");
        assertThat(completed.resourceLimits()).containsExactly(ResourceLimit.requested("cpuCount", "2"),
                ResourceLimit.requested("CPU Request", "0.5"), ResourceLimit.requested("memory", "512"),
                ResourceLimit.requested("Memory Request", "256"));
        assertThat(completed.placementConstraints()).containsExactly(new PlacementConstraint("region", "eu"));
        assertThat(completed.name()).isEqualTo("session");
        assertThat(admission.cpuRequestRatio()).isEqualByComparingTo("1");
        assertThat(admission.overrides()).isEmpty();
    }

    @Test
    void aChosenResourceProfileIsExpanded() throws Exception {
        Job job = Job.builder().user("bea").container(Container.of("img")).resourceProfile("hugemem").build();
        Job completed = guidePolicy("resource-access.profiles.conf").admit(RequestUser.of("bea"), job).job();
        assertThat(completed.resourceProfile()).isEqualTo("hugemem");
        assertThat(completed.resourceLimits()).containsExactly(ResourceLimit.requested("cpuCount", "8"),
                ResourceLimit.requested("memory", "262144"));
    }

    @Test
    void aJobWithoutContainerOrWithABlankImageGetsTheDefaultImage() throws Exception {
        Path profiles = Files.writeString(dir.resolve("profiles.conf"), "[*]\ndefault-container-image=r:4\n");
        ProfilePolicy policy = new ProfilePolicy(UserPolicy.load(profiles, dir.resolve("none.conf"), GROUPS));
        Job bare = Job.builder().user("alice").build();
        assertThat(policy.admit(RequestUser.of("alice"), bare).job().container())
                .isEqualTo(new Container("r:4", null, null, List.of()));
        Job blank = Job.builder().user("alice").container(new Container(" ", 7, null, List.of())).build();
        assertThat(policy.admit(RequestUser.of("alice"), blank).job().container())
                .isEqualTo(new Container("r:4", 7, null, List.of()));
    }

    @Test
    void carriesRatiosAndOverridesToRendering() throws Exception {
        Files.writeString(dir.resolve("aliases.json"), "[{\"ip\": \"10.0.0.1\"}]");
        Path profiles = Files.writeString(dir.resolve("profiles.conf"), "[*]\ncpu-request-ratio=0.5\n"
                + "memory-request-ratio=0.25\njob-json-overrides=\"/spec/template/spec/hostAliases\":\"aliases.json\"\n");
        ProfilePolicy policy = new ProfilePolicy(UserPolicy.load(profiles, dir.resolve("none.conf"), GROUPS));
        Admission admission = policy.admit(RequestUser.of("alice"),
                Job.builder().user("alice").container(Container.of("img")).build());
        assertThat(admission.cpuRequestRatio()).isEqualByComparingTo("0.5");
        assertThat(admission.memoryRequestRatio()).isEqualByComparingTo("0.25");
        assertThat(admission.overrides()).singleElement().satisfies(o -> {
            assertThat(o.pointer()).isEqualTo("/spec/template/spec/hostAliases");
            assertThat(o.value().toString()).isEqualTo("[{\"ip\":\"10.0.0.1\"}]");
            assertThat(o.origin()).isEqualTo(dir.resolve("aliases.json").toString());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "too many cpus   | r-session:3.5.0   | cpuCount=3          | | resource limit cpuCount: requested 3, but max-cpus allows at most 2 for user alice",
            "image           | r-session:preview |                     | | container image r-session:preview is not allowed for user alice: allow-unknown-images is 0 and container-images allows r-session:3.4.2, r-session:3.5.0",
            "constraint      | r-session:3.5.0   |                     | region=asia | placement constraint region=asia is not allowed for user alice: placement-constraints allows node (any value), region:us, region:eu",
            "gpus            | r-session:3.5.0   | NVIDIA GPUs=1       | | resource limit NVIDIA GPUs: requested 1, but max-nvidia-gpus allows none for user alice",
    })
    void aViolationIsAnInvalidRequestNamingTheSetting(String name, String image, String limit, String constraint,
                                                       String message) throws Exception {
        Job.Builder job = Job.builder().user("alice").container(Container.of(image));
        if (limit != null) {
            String[] kv = limit.split("=");
            job.resourceLimits(List.of(ResourceLimit.requested(kv[0], kv[1])));
        }
        if (constraint != null) {
            String[] kv = constraint.split("=");
            job.placementConstraints(List.of(new PlacementConstraint(kv[0], kv[1])));
        }
        ProfilePolicy policy = guidePolicy("launcher.kubernetes.profiles.conf");
        assertThatThrownBy(() -> policy.admit(RequestUser.of("alice"), job.build()))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void anInitContainerWithAnImageOutsideTheListIsAnInvalidRequestNamingIt() throws Exception {
        Job job = Job.builder().user("alice").container(Container.of("r-session:3.5.0"))
                .initContainers(List.of(new InitContainer("fix-perms", "busybox:1.36", "chown 1500 /home/alice", null, List.of(), List.of(), List.of())))
                .build();
        ProfilePolicy policy = guidePolicy("launcher.kubernetes.profiles.conf");
        assertThatThrownBy(() -> policy.admit(RequestUser.of("alice"), job))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("init container fix-perms: container image busybox:1.36 is not allowed for user alice:"
                            + " allow-unknown-images is 0 and container-images allows r-session:3.4.2, r-session:3.5.0");
                });
        // admitted, the init containers are the job's own
        Job listed = job.toBuilder().initContainers(List.of(new InitContainer("prepare", "r-session:3.4.2", "true", null, List.of(),
                List.of(), List.of()))).build();
        assertThat(policy.admit(RequestUser.of("alice"), listed).job().initContainers()).isEqualTo(listed.initContainers());
    }

    /** The metadata's init containers run in the user's pod as the Launcher's do: the image list binds them too. */
    @Test
    void anInitContainerAddedThroughTheJobMetadataObeysTheImageRules() throws Exception {
        ProfilePolicy policy = guidePolicy("launcher.kubernetes.profiles.conf");
        Job job = Job.builder().user("alice").container(Container.of("r-session:3.5.0"))
                .metadata(Map.of("pod", Map.of("initContainers", List.of(
                        Map.of("name", "prepare", "image", "r-session:3.4.2"),
                        Map.of("name", "miner", "image", "evil/miner:latest", "command", List.of("mine"))))))
                .build();
        assertThatThrownBy(() -> policy.admit(RequestUser.of("alice"), job))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).isEqualTo("init container miner (metadata.pod.initContainers[1]): container image"
                            + " evil/miner:latest is not allowed for user alice: allow-unknown-images is 0 and container-images allows"
                            + " r-session:3.4.2, r-session:3.5.0");
                });
        Job noImage = job.toBuilder().metadata(Map.of("pod", Map.of("initContainers", List.of(Map.of("command", List.of("true")))))).build();
        assertThatThrownBy(() -> policy.admit(RequestUser.of("alice"), noImage))
                .hasMessage("init container metadata.pod.initContainers[0] names no container image");
        Job allowed = job.toBuilder().metadata(Map.of("pod", Map.of("initContainers", List.of(Map.of("name", "prepare", "image", "r-session:3.4.2")))))
                .build();
        assertThat(policy.admit(RequestUser.of("alice"), allowed).job().metadata()).isEqualTo(allowed.metadata());
    }

    @Test
    void reloadAnswersWithTheConfigReloadOutcomes() throws Exception {
        Path profiles = Files.writeString(dir.resolve("profiles.conf"), "[*]\nmax-cpus=2\n");
        ProfilePolicy policy = new ProfilePolicy(UserPolicy.load(profiles, dir.resolve("none.conf"), GROUPS));
        Files.writeString(profiles, "[*]\nmax-cpus=4\n");
        assertThat(policy.reload()).isEqualTo(ConfigReloadResult.success());
        assertThat(policy.clusterInfo(RequestUser.of("alice")).resourceLimits().get(0).maxValue()).isEqualTo("4");

        Files.writeString(profiles, "[*]\nmax-cpus=lots\n");
        assertThat(policy.reload()).isEqualTo(new ConfigReloadResult(ConfigReloadResult.Outcome.VALIDATION_ERROR,
                profiles + ":2: max-cpus: bad number 'lots'"));
        assertThat(policy.clusterInfo(RequestUser.of("alice")).resourceLimits().get(0).maxValue())
                .as("the old policy stays").isEqualTo("4");

        Files.delete(profiles);
        Files.createDirectory(profiles);
        ConfigReloadResult unreadable = policy.reload();
        assertThat(unreadable.outcome()).isEqualTo(ConfigReloadResult.Outcome.LOAD_ERROR);
        assertThat(unreadable.outcome().errorType()).isEqualTo(1);
        assertThat(unreadable.message()).startsWith(profiles + ": cannot read file: ");
    }
}
