package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * validateAndComplete, table by table. Unless a row says otherwise the profiles are the admin
 * guide's example (alice: [*]; jsmith: max-cpus=3; pat: posit-power-users) and the resources are
 * the guide's example. Limits are written {@code type=value} separated by commas.
 */
class JobValidationTest {

    private static final String IMAGE = "r-session:3.5.0";

    @TempDir
    Path dir;

    private final FakeGroups groups = new FakeGroups().member("pat", "posit-power-users").member("bea", "bioinformatics");

    private UserPolicy guidePolicy() throws Exception {
        return UserPolicy.load(ClusterInfoTest.guide("launcher.kubernetes.profiles.conf"),
                ClusterInfoTest.guide("launcher.kubernetes.resources.conf"), groups);
    }

    private UserPolicy policy(String profiles, String resources) throws Exception {
        Path p = Files.writeString(dir.resolve("profiles.conf"), profiles.replace('|', '\n'));
        Path r = Files.writeString(dir.resolve("resources.conf"), resources.replace('|', '\n'));
        return UserPolicy.load(p, r, groups);
    }

    private static JobRequest job(String image, String profile, String limits, String constraints) {
        List<RequestedLimit> requested = new ArrayList<>();
        for (String item : split(limits)) {
            String[] kv = item.split("=", 2);
            requested.add(new RequestedLimit(kv[0], kv[1]));
        }
        List<PlacementRequest> placement = new ArrayList<>();
        for (String item : split(constraints)) {
            String[] kv = item.split("=", 2);
            placement.add(new PlacementRequest(kv[0], kv[1]));
        }
        return new JobRequest(Optional.ofNullable(image), profile == null ? "" : profile, requested, placement);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : List.of(list.split(","));
    }

    private static String limits(CompletedJob job) {
        return job.limits().stream().map(l -> l.type() + "=" + l.value()).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "defaults fill every limit;          alice;  ;            ;                       cpuCount=1,CPU Request=0.5,memory=512,Memory Request=256",
            "requested limit within max;         alice;  ;            cpuCount=2;             cpuCount=2,CPU Request=0.5,memory=512,Memory Request=256",
            "fractional cpus;                    alice;  ;            cpuCount=1.5,memory=1024.0; cpuCount=1.5,CPU Request=0.5,memory=1024,Memory Request=256",
            "user section raises max;            jsmith; ;            cpuCount=3;             cpuCount=3,CPU Request=0.5,memory=512,Memory Request=256",
            "explicit requests kept;             alice;  ;            CPU Request=1,Memory Request=500; cpuCount=1,CPU Request=1,memory=512,Memory Request=500",
            "blank value means not set;          alice;  ;            cpuCount=;              cpuCount=1,CPU Request=0.5,memory=512,Memory Request=256",
            "group defaults and gpus within max; pat;    ;            NVIDIA GPUs=2,AMD GPUs=3; cpuCount=4,CPU Request=0.5,memory=4096,Memory Request=256,NVIDIA GPUs=2,AMD GPUs=3",
            "explicit zero gpus are kept;        pat;    ;            NVIDIA GPUs=0;          cpuCount=4,CPU Request=0.5,memory=4096,Memory Request=256,NVIDIA GPUs=0",
            "resource profile sets limits;       alice;  small;       ;                       cpuCount=1,CPU Request=0.5,memory=512,Memory Request=256",
            "resource profile, same values sent; alice;  small;       cpuCount=1.0,memory=512; cpuCount=1,CPU Request=0.5,memory=512,Memory Request=256",
            "gpu resource profile;               pat;    default-gpu; ;                       cpuCount=1,CPU Request=0.5,memory=4096,Memory Request=256,NVIDIA GPUs=1",
            "custom named explicitly;            alice;  custom;      cpuCount=2;             cpuCount=2,CPU Request=0.5,memory=512,Memory Request=256",
    })
    void completesLimits(String name, String user, String profile, String requested, String expected) throws Exception {
        CompletedJob job = guidePolicy().validateAndComplete(user, job(IMAGE, profile, requested, null));
        assertThat(limits(job)).isEqualTo(expected);
        assertThat(job.resourceProfile()).isEqualTo(profile == null ? "custom" : profile);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "ratio derives requests;            cpu-request-ratio=0.5|memory-request-ratio=0.25; cpuCount=3,memory=1000; cpuCount=3,CPU Request=1.5,memory=1000,Memory Request=250",
            "ratio applies to default limits;   default-cpus=2|default-mem-mb=100|cpu-request-ratio=0.5|memory-request-ratio=0.5; ; cpuCount=2,CPU Request=1,memory=100,Memory Request=50",
            "ratio rounds down to millicores;   cpu-request-ratio=0.333; cpuCount=1; cpuCount=1,CPU Request=0.333",
            "ratio rounds memory down to MB;    memory-request-ratio=0.3; memory=1001; memory=1001,Memory Request=300",
            "explicit request beats ratio;      cpu-request-ratio=0.5; cpuCount=4,CPU Request=3; cpuCount=4,CPU Request=3",
            "default request beats ratio;       cpu-request-ratio=0.5|default-cpus-request=0.25; cpuCount=4; cpuCount=4,CPU Request=0.25",
            "ratio 1 leaves requests to k8s;    cpu-request-ratio=1.0; cpuCount=4; cpuCount=4",
            "default request lowered to limit;  default-cpus-request=2|default-mem-mb-request=800; cpuCount=1,memory=500; cpuCount=1,CPU Request=1,memory=500,Memory Request=500",
            "derived request lowered to max;    cpu-request-ratio=0.5|max-cpus-request=1|max-mem-mb-request=100|memory-request-ratio=0.5; cpuCount=4,memory=1000; cpuCount=4,CPU Request=1,memory=1000,Memory Request=100",
            "max without default becomes limit; max-cpus=2|max-mem-mb=300; ; cpuCount=2,memory=300",
            "nothing configured, nothing set;   allow-unknown-images=1; ; ''",
            "request without limit;             max-cpus-request=2; CPU Request=1.5; CPU Request=1.5",
            "default gpus;                      default-nvidia-gpus=1|max-nvidia-gpus=2|default-amd-gpus=1|max-amd-gpus=1; ; NVIDIA GPUs=1,AMD GPUs=1",
    })
    void completesRequests(String name, String everyone, String requested, String expected) throws Exception {
        UserPolicy policy = policy("[*]|" + everyone, "");
        assertThat(limits(policy.validateAndComplete("alice", job(IMAGE, null, requested, null)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "cpu above max;         alice; ;        cpuCount=3;      max-cpus;          3;      2;    resource limit cpuCount: requested 3, but max-cpus allows at most 2 for user alice",
            "memory above max;      alice; ;        memory=2048;     max-mem-mb;        2048;   1024; resource limit memory: requested 2048, but max-mem-mb allows at most 1024 for user alice",
            "jsmith above his max;  jsmith; ;       cpuCount=3.5;    max-cpus;          3.5;    3;    resource limit cpuCount: requested 3.5, but max-cpus allows at most 3 for user jsmith",
            "request above limit;   alice; ;        CPU Request=3;   cpuCount;          3;      1;    resource limit CPU Request: requested 3, but a request cannot exceed its limit cpuCount=1 (default-cpus)",
            "memory request above limit; alice; ;   memory=600,Memory Request=700; memory; 700; 600; resource limit Memory Request: requested 700, but a request cannot exceed its limit memory=600 (requested)",
            "no gpus for alice;     alice; ;        NVIDIA GPUs=1;   max-nvidia-gpus;   1;      0;    resource limit NVIDIA GPUs: requested 1, but max-nvidia-gpus allows none for user alice",
            "no amd gpus for alice; alice; ;        AMD GPUs=2;      max-amd-gpus;      2;      0;    resource limit AMD GPUs: requested 2, but max-amd-gpus allows none for user alice",
            "too many gpus;         pat;   ;        NVIDIA GPUs=3;   max-nvidia-gpus;   3;      2;    resource limit NVIDIA GPUs: requested 3, but max-nvidia-gpus allows at most 2 for user pat",
            "too many amd gpus;     pat;   ;        AMD GPUs=4;      max-amd-gpus;      4;      3;    resource limit AMD GPUs: requested 4, but max-amd-gpus allows at most 3 for user pat",
            "profile above max;     alice; hugemem; ;                max-cpus;          8;      2;    resource limit cpuCount: 8 from resource profile hugemem, but max-cpus allows at most 2 for user alice",
            "gpu profile, no gpus;  alice; default-gpu; ;            max-mem-mb;        4096;   1024; resource limit memory: 4096 from resource profile default-gpu, but max-mem-mb allows at most 1024 for user alice",
            "profile conflict;      alice; small;   memory=1024;     mem-mb of resource profile small; 1024; 512; resource limit memory: requested 1024, but resource profile small sets mem-mb=512 (choose resource profile custom to set limits yourself)",
            "unknown profile;       alice; tiny;    ;                resource-profiles; tiny;   default, small, default-gpu, hugemem; resource profile tiny does not exist: resource-profiles allows default, small, default-gpu, hugemem",
            "unsupported type;      alice; ;        cpuTime=60;      resource limit type; cpuTime; cpuCount, CPU Request, memory, Memory Request, NVIDIA GPUs, AMD GPUs; resource limit type cpuTime is not supported by this cluster (supported: cpuCount, CPU Request, memory, Memory Request, NVIDIA GPUs, AMD GPUs)",
            "bad number;            alice; ;        cpuCount=two;    cpuCount;          two;    a number >= 0; resource limit cpuCount: bad value 'two', expected a number >= 0",
            "negative number;       alice; ;        memory=-1;       memory;            -1;     a number >= 0; resource limit memory: bad value '-1', expected a number >= 0",
            "fractional gpus;       pat;   ;        NVIDIA GPUs=1.5; NVIDIA GPUs;       1.5;    a whole number >= 0; resource limit NVIDIA GPUs: bad value '1.5', expected a whole number >= 0",
            "limit twice;           alice; ;        cpuCount=1,cpuCount=2; cpuCount;    2;      one value; resource limit cpuCount is given more than once",
    })
    void refusesLimitsNamingSettingRequestedAndAllowed(String name, String user, String profile, String requested,
                                                       String setting, String value, String allowed, String message)
            throws Exception {
        UserPolicy policy = guidePolicy();
        assertThatThrownBy(() -> policy.validateAndComplete(user, job(IMAGE, profile, requested, null)))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo(message);
                    assertThat(v.setting()).isEqualTo(setting);
                    assertThat(v.requested()).isEqualTo(value);
                    assertThat(v.allowed()).isEqualTo(allowed);
                });
    }

    @Test
    void aDefaultAboveTheMaximumIsReportedAsTheAdministratorsDoing() throws Exception {
        UserPolicy policy = policy("[*]|default-cpus=4|max-cpus=2", "");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, null, null, null)))
                .hasMessage("resource limit cpuCount: 4 from default-cpus (the job did not set it), but max-cpus allows"
                        + " at most 2 for user alice");
    }

    @Test
    void anExplicitRequestAboveTheMaximumRequestIsRefused() throws Exception {
        UserPolicy policy = policy("[*]|max-cpus-request=1|max-mem-mb-request=100", "");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, null, "cpuCount=4,CPU Request=2", null)))
                .hasMessage("resource limit CPU Request: requested 2, but max-cpus-request allows at most 1 for user alice");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, null, "Memory Request=101", null)))
                .hasMessage("resource limit Memory Request: requested 101, but max-mem-mb-request allows at most 100 for user alice");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "listed image;               alice; r-session:3.4.2;   r-session:3.4.2",
            "unknown image allowed;      pat;   my/own:image;      my/own:image",
            "preview for power users;    pat;   r-session:preview; r-session:preview",
    })
    void acceptsImages(String name, String user, String image, String expected) throws Exception {
        assertThat(guidePolicy().validateAndComplete(user, job(image, null, null, null)).image()).isEqualTo(expected);
    }

    @Test
    void refusesAnImageOutsideTheList() throws Exception {
        UserPolicy policy = guidePolicy();
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job("r-session:preview", null, null, null)))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo("container image r-session:preview is not allowed for user alice:"
                            + " allow-unknown-images is 0 and container-images allows r-session:3.4.2, r-session:3.5.0");
                    assertThat(v.setting()).isEqualTo("allow-unknown-images");
                    assertThat(v.requested()).isEqualTo("r-session:preview");
                    assertThat(v.allowed()).isEqualTo("r-session:3.4.2, r-session:3.5.0");
                });
    }

    @Test
    void usesTheDefaultImageWhichIsAlwaysAllowed() throws Exception {
        UserPolicy policy = policy("[*]|container-images=a|default-container-image=b|allow-unknown-images=0", "");
        assertThat(policy.validateAndComplete("alice", job(null, null, null, null)).image()).isEqualTo("b");
        assertThat(policy.validateAndComplete("alice", job("  ", null, null, null)).image()).isEqualTo("b");
        assertThat(policy.validateAndComplete("alice", job("b", null, null, null)).image()).isEqualTo("b");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job("c", null, null, null)))
                .hasMessage("container image c is not allowed for user alice: allow-unknown-images is 0 and"
                        + " container-images allows a, b");
    }

    private static JobRequest withInitContainers(String image, JobRequest.InitContainerImage... inits) {
        JobRequest base = job(image, null, null, null);
        return new JobRequest(base.image(), base.resourceProfile(), base.limits(), base.placementConstraints(), List.of(inits));
    }

    @Test
    void initContainerImagesObeyTheJobImagesRule() throws Exception {
        UserPolicy policy = guidePolicy();
        // alice: container-images r-session:3.4.2, r-session:3.5.0, allow-unknown-images=0
        assertThat(policy.validateAndComplete("alice", withInitContainers(IMAGE, new JobRequest.InitContainerImage("prepare", "r-session:3.4.2")))
                .image()).isEqualTo(IMAGE);
        assertThatThrownBy(() -> policy.validateAndComplete("alice", withInitContainers(IMAGE,
                new JobRequest.InitContainerImage("prepare", "r-session:3.4.2"), new JobRequest.InitContainerImage("fix-perms", "busybox:1.36"))))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo("init container fix-perms: container image busybox:1.36 is not allowed for user alice:"
                            + " allow-unknown-images is 0 and container-images allows r-session:3.4.2, r-session:3.5.0");
                    assertThat(v.setting()).isEqualTo("allow-unknown-images");
                    assertThat(v.requested()).isEqualTo("busybox:1.36");
                });
        // pat may run unknown images, in init containers too
        assertThat(policy.validateAndComplete("pat", withInitContainers(IMAGE, new JobRequest.InitContainerImage("fix-perms", "busybox:1.36")))
                .image()).isEqualTo(IMAGE);
    }

    @Test
    void anInitContainerMayUseTheDefaultImageButHasNoDefaultOfItsOwn() throws Exception {
        UserPolicy policy = policy("[*]|container-images=a|default-container-image=b|allow-unknown-images=0", "");
        assertThat(policy.validateAndComplete("alice", withInitContainers("a", new JobRequest.InitContainerImage("prepare", "b"))).image())
                .isEqualTo("a");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", withInitContainers("a", new JobRequest.InitContainerImage("prepare", " "))))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> assertThat(v.getMessage())
                        .isEqualTo("init container prepare names no container image"));
    }

    @Test
    void aJobWithoutImageNeedsADefault() throws Exception {
        assertThatThrownBy(() -> guidePolicy().validateAndComplete("alice", job(null, null, null, null)))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo("the job names no container image and no default-container-image"
                            + " is configured for user alice");
                    assertThat(v.setting()).isEqualTo("default-container-image");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "enumerated value;     region=us;          region=us",
            "other value;          region=eu;          region=eu",
            "free-form any value;  node=worker-7;      node=worker-7",
            "several;              region=eu,node=n1;  region=eu,node=n1",
            "none;                 '';                 ''",
    })
    void acceptsAllowedPlacementConstraints(String name, String requested, String expected) throws Exception {
        CompletedJob job = guidePolicy().validateAndComplete("alice", job(IMAGE, null, null, requested));
        assertThat(job.placementConstraints().stream().map(PlacementRequest::toString).collect(Collectors.joining(",")))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "value not listed;  region=asia;        placement constraint region=asia is not allowed for user alice: placement-constraints allows node (any value), region:us, region:eu",
            "name not listed;   zone=a;             placement constraint zone=a is not allowed for user alice: placement-constraints allows node (any value), region:us, region:eu",
            "empty free-form;   node=;              placement constraint node= is not allowed for user alice: placement-constraints allows node (any value), region:us, region:eu",
            "name twice;        region=us,region=eu; placement constraint region is given more than once",
    })
    void refusesOtherPlacementConstraints(String name, String requested, String message) throws Exception {
        UserPolicy policy = guidePolicy();
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, null, null, requested)))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo(message);
                    assertThat(v.setting()).isEqualTo("placement-constraints");
                });
    }

    @Test
    void refusesPlacementConstraintsWhenNoneAreConfigured() throws Exception {
        UserPolicy policy = policy("[*]|max-cpus=1", "");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, null, null, "region=us")))
                .hasMessage("placement constraint region=us is not allowed for user alice: placement-constraints allows none");
    }

    @Test
    void aResourceProfileAddsItsPlacementConstraints() throws Exception {
        UserPolicy policy = policy("[*]|placement-constraints=zone:a,zone:b,tier|max-nvidia-gpus=1",
                "[gpu]|cpus=2|mem-mb=100|nvidia-gpus=1|placement-constraints=accelerator:t4");
        CompletedJob job = policy.validateAndComplete("alice", job(IMAGE, "gpu", null, "zone=b"));
        assertThat(job.placementConstraints()).containsExactly(new PlacementRequest("zone", "b"),
                new PlacementRequest("accelerator", "t4"));
        assertThat(limits(job)).isEqualTo("cpuCount=2,memory=100,NVIDIA GPUs=1");
    }

    @Test
    void aResourceProfileNeedsGpuRightsLikeAnyJob() throws Exception {
        UserPolicy policy = policy("[*]|max-cpus=4", "[gpu]|cpus=2|mem-mb=100|nvidia-gpus=1");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, "gpu", null, null)))
                .hasMessage("resource limit NVIDIA GPUs: 1 from resource profile gpu, but max-nvidia-gpus allows none"
                        + " for user alice");
    }

    @Test
    void aJobCannotContradictItsResourceProfilesPlacement() throws Exception {
        UserPolicy policy = policy("[*]|placement-constraints=accelerator:t4,accelerator:a100",
                "[gpu]|cpus=2|mem-mb=100|placement-constraints=accelerator:t4");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, "gpu", null, "accelerator=a100")))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo("placement constraint accelerator=a100 conflicts with resource"
                            + " profile gpu, which places jobs on accelerator=t4");
                    assertThat(v.setting()).isEqualTo("placement-constraints of resource profile gpu");
                });
    }

    @Test
    void aResourceProfileRequestIsExpanded() throws Exception {
        UserPolicy policy = policy("[*]|allow-unknown-images=1", "[half]|cpus=2|cpus-request=1|mem-mb=100|mem-mb-request=50");
        assertThat(limits(policy.validateAndComplete("alice", job(IMAGE, "half", null, null))))
                .isEqualTo("cpuCount=2,CPU Request=1,memory=100,Memory Request=50");
    }

    @Test
    void resourceProfileAccessFollowsTheUsersGroups() throws Exception {
        UserPolicy policy = UserPolicy.load(ClusterInfoTest.guide("resource-access.profiles.conf"),
                ClusterInfoTest.guide("launcher.kubernetes.resources.conf"), groups);
        assertThat(limits(policy.validateAndComplete("alice", job(IMAGE, "small", null, null))))
                .isEqualTo("cpuCount=1,memory=512");
        assertThat(policy.validateAndComplete("bea", job(IMAGE, "hugemem", null, null)).resourceProfile())
                .isEqualTo("hugemem");
        assertThat(limits(policy.validateAndComplete("pat", job(IMAGE, null, "cpuCount=16", null))))
                .isEqualTo("cpuCount=16");
        assertThatThrownBy(() -> policy.validateAndComplete("alice", job(IMAGE, "hugemem", null, null)))
                .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                    assertThat(v.getMessage()).isEqualTo("resource profile hugemem is not available to user alice:"
                            + " resource-profiles allows default, small");
                    assertThat(v.setting()).isEqualTo("resource-profiles");
                    assertThat(v.allowed()).isEqualTo("default, small");
                });
        for (String profile : new String[] {"", "custom"}) {
            assertThatThrownBy(() -> policy.validateAndComplete("bea", job(IMAGE, profile, "cpuCount=1", null)))
                    .isInstanceOfSatisfying(PolicyViolation.class, v -> {
                        assertThat(v.getMessage()).isEqualTo("resource profile custom (the job's own limits) is not"
                                + " allowed for user bea: allow-custom-resources is 0; choose one of the resource"
                                + " profiles default, small, default-gpu, hugemem");
                        assertThat(v.setting()).isEqualTo("allow-custom-resources");
                        assertThat(v.requested()).isEqualTo("custom");
                        assertThat(v.allowed()).isEqualTo("0");
                    });
        }
    }

    @Test
    void carriesTheRatiosAndOverridesForTheJobContext() throws Exception {
        Files.writeString(dir.resolve("aliases.json"), "[{\"ip\": \"10.0.0.1\"}]");
        UserPolicy policy = policy("[*]|cpu-request-ratio=0.5|memory-request-ratio=0.75|"
                + "job-json-overrides=\"/spec/template/spec/hostAliases\":\"aliases.json\"", "");
        CompletedJob job = policy.validateAndComplete("alice", job(IMAGE, null, null, null));
        assertThat(job.cpuRequestRatio()).isEqualByComparingTo("0.5");
        assertThat(job.memoryRequestRatio()).isEqualByComparingTo("0.75");
        assertThat(job.jobJsonOverrides()).singleElement().satisfies(o -> {
            assertThat(o.pointer()).isEqualTo("/spec/template/spec/hostAliases");
            assertThat(o.value().toString()).isEqualTo("[{\"ip\":\"10.0.0.1\"}]");
        });
    }
}
