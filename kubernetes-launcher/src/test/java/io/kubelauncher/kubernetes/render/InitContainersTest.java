package io.kubelauncher.kubernetes.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Launcher's init containers in the {@code .Job} context and in the built-in spec. */
class InitContainersTest {

    private static final Mount HOME = new Mount("/home/alice", false, new MountSource.Nfs("nfs.example.com", "/export/home/alice"));
    private static final Mount SKEL = new Mount("/skel", true, new MountSource.Host("/etc/skel"));
    private static final Mount DATA = new Mount("/data", true, new MountSource.Host("/mnt/data"));

    private final BuiltinSpec builtin = new BuiltinSpec(JsonMapper.builder().build());

    private static Job.Builder job() {
        return Job.builder().name("Session").user("alice").command("rsession").container(io.kubelauncher.api.model.Container.of("r:4.4"));
    }

    private static InitContainer shell(String name, List<Mount> mounts) {
        return new InitContainer(name, "busybox:1.36", "cp -rn /skel/. /home/alice", null, List.of("&&", "echo ok"), mounts,
                List.of(new Env("HOME", "/home/alice")));
    }

    private static JobContext context(Job job) {
        return JobContext.of(Admission.unchanged(job), "Kubernetes", true);
    }

    @Test
    void anInitContainerMountOfTheJobsSourceSharesItsVolumeAndANewSourceGetsTheNextOne() {
        Volumes v = Volumes.of(List.of(HOME, DATA), List.of(shell("copy", List.of(SKEL, HOME)),
                new InitContainer("again", "busybox", "true", null, List.of(), List.of(new Mount("/elsewhere", false, new MountSource.Host("/etc/skel"))), List.of())));

        assertThat(v.volumes()).containsExactly(
                Map.of("name", "mount0", "nfs", Map.of("server", "nfs.example.com", "path", "/export/home/alice", "readOnly", false)),
                Map.of("name", "mount1", "hostPath", Map.of("path", "/mnt/data")),
                Map.of("name", "mount2", "hostPath", Map.of("path", "/etc/skel")));
        assertThat(v.volumeMounts()).extracting(m -> m.get("name")).containsExactly("mount0", "mount1");
        assertThat(v.initContainerMounts()).containsExactly(
                List.of(Map.of("name", "mount2", "mountPath", "/skel", "readOnly", true),
                        Map.of("name", "mount0", "mountPath", "/home/alice", "readOnly", false)),
                // the same host path read-write is still the same volume: only the mount differs
                List.of(Map.of("name", "mount2", "mountPath", "/elsewhere", "readOnly", false)));
    }

    @Test
    void theSameNfsShareReadOnlyIsAnotherVolumeBecauseKubernetesKeepsReadOnlyOnTheNfsVolume() {
        Volumes v = Volumes.of(List.of(HOME), List.of(shell("copy",
                List.of(new Mount("/ro-home", true, new MountSource.Nfs("nfs.example.com", "/export/home/alice"))))));
        assertThat(v.volumes()).hasSize(2);
        assertThat(v.initContainerMounts().get(0)).containsExactly(Map.of("name", "mount1", "mountPath", "/ro-home", "readOnly", true));
    }

    @Test
    void theContextHoldsThemInTheChartsShapeWithVolumeMountsAndTheirVolumes() {
        Map<String, Object> value = context(job().mounts(List.of(HOME)).initContainers(List.of(shell("copy", List.of(SKEL, HOME)),
                new InitContainer("wait", "postgres:16", null, "/usr/bin/pg_isready", List.of("-h", "db"), List.of(), List.of())))
                .build()).toTemplateValue(Optional.empty());

        assertThat(value.get("initContainers")).isEqualTo(List.of(
                Map.of("name", "copy", "image", "busybox:1.36", "command", "cp -rn /skel/. /home/alice", "exe", "",
                        "args", List.of("&&", "echo ok"), "environment", List.of(Map.of("name", "HOME", "value", "/home/alice")),
                        "mounts", List.of(Map.of("name", "mount1", "mountPath", "/skel", "readOnly", true),
                                Map.of("name", "mount0", "mountPath", "/home/alice", "readOnly", false))),
                Map.of("name", "wait", "image", "postgres:16", "command", "", "exe", "/usr/bin/pg_isready",
                        "args", List.of("-h", "db"), "environment", List.of(), "mounts", List.of())));
        assertThat((List<?>) value.get("volumes")).extracting(v -> (Object) ((Map<?, ?>) v).get("name")).containsExactly("mount0", "mount1");
        // the job's own container mounts only the job's mounts
        assertThat((List<?>) value.get("volumeMounts")).hasSize(1);
    }

    @Test
    void theBuiltinSpecRunsThemFirstWithTheChartsCommandForms() {
        Job job = job().mounts(List.of(HOME))
                .initContainers(List.of(shell("copy", List.of(SKEL, HOME)),
                        new InitContainer("wait", "postgres:16", null, "/usr/bin/pg_isready", List.of("-h", "db: 5432"), List.of(), List.of()),
                        new InitContainer("prepare", "example/prepare:1", null, null, List.of("--fast"), List.of(), List.of()),
                        new InitContainer("bare", "example/prepare:1", "", "", List.of(), List.of(), List.of())))
                .metadata(Map.of("pod", Map.of("initContainers", List.of(Map.of("name", "from-metadata", "image", "busybox")))))
                .build();
        PodSpec pod = builtin.job(context(job)).getSpec().getTemplate().getSpec();

        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("copy", "wait", "prepare", "bare", "from-metadata");
        Container copy = pod.getInitContainers().get(0);
        assertThat(copy.getImage()).isEqualTo("busybox:1.36");
        assertThat(copy.getCommand()).containsExactly("/bin/sh");
        assertThat(copy.getArgs()).containsExactly("-c", "cp -rn /skel/. /home/alice && echo ok");
        assertThat(copy.getEnv()).singleElement().satisfies(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("HOME=/home/alice"));
        assertThat(copy.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath, VolumeMount::getReadOnly)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mount1", "/skel", true),
                        org.assertj.core.groups.Tuple.tuple("mount0", "/home/alice", false));
        Container wait = pod.getInitContainers().get(1);
        assertThat(wait.getCommand()).containsExactly("/usr/bin/pg_isready");
        assertThat(wait.getArgs()).containsExactly("-h", "db: 5432");
        Container prepare = pod.getInitContainers().get(2);
        assertThat(prepare.getCommand()).isEmpty();
        assertThat(prepare.getArgs()).containsExactly("--fast");
        assertThat(pod.getInitContainers().get(3).getCommand()).isEmpty();
        assertThat(pod.getInitContainers().get(3).getArgs()).isEmpty();
        // the volumes the init containers mount exist in the pod, once each
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("mount0", "mount1");
        assertThat(pod.getContainers().get(0).getVolumeMounts()).extracting(VolumeMount::getName).containsExactly("mount0");
    }

    @Test
    void theyGetTheJobsCpuAndMemoryButNotItsGpus() {
        Job job = job().resourceLimits(List.of(ResourceLimit.requested("cpuCount", "2"), ResourceLimit.requested("memory", "4096"),
                        ResourceLimit.requested("CPU Request", "1"), ResourceLimit.requested("Memory Request", "2048"),
                        ResourceLimit.requested("NVIDIA GPUs", "1")))
                .initContainers(List.of(shell("copy", List.of()))).build();
        PodSpec pod = builtin.job(context(job)).getSpec().getTemplate().getSpec();

        var init = pod.getInitContainers().get(0).getResources();
        assertThat(init.getLimits()).containsOnly(Map.entry("cpu", new Quantity("2")), Map.entry("memory", new Quantity("4096M")));
        assertThat(init.getRequests()).containsOnly(Map.entry("cpu", new Quantity("1")), Map.entry("memory", new Quantity("2048M")));
        assertThat(pod.getContainers().get(0).getResources().getLimits()).containsKey("nvidia.com/gpu");
        // and nothing when the job has no limits
        assertThat(builtin.job(context(job().initContainers(List.of(shell("copy", List.of()))).build()))
                .getSpec().getTemplate().getSpec().getInitContainers().get(0).getResources()).isNull();
    }

    @Test
    void aNameKubernetesWouldRefuseIsAnInvalidRequestNamingTheInitContainer() {
        assertInvalid(job().initContainers(List.of(shell("Copy_Skel", List.of()))).build(),
                "initContainers[0]: name 'Copy_Skel' is not a valid container name");
        assertInvalid(job().initContainers(List.of(shell("a".repeat(64), List.of()))).build(), "initContainers[0]: name 'aaaa");
        assertInvalid(job().initContainers(List.of(shell("copy", List.of()), shell("copy", List.of()))).build(),
                "initContainers[1]: name 'copy' is already used by another container of the job's pod");
        assertInvalid(job().initContainers(List.of(shell("rs-launcher-container", List.of()))).build(),
                "initContainers[0]: name 'rs-launcher-container' is already used by another container of the job's pod (the job's own container)");
        assertInvalid(job().initContainers(List.of(shell("from-metadata", List.of())))
                        .metadata(Map.of("pod", Map.of("initContainers", List.of(Map.of("name", "from-metadata", "image", "busybox"))))).build(),
                "initContainers[0]: name 'from-metadata' is already used");
        assertInvalid(job().initContainers(List.of(new InitContainer("copy", " busybox", "true", null, List.of(), List.of(), List.of()))).build(),
                "initContainers[0] (copy): image ' busybox' has leading or trailing blanks");
        assertInvalid(job().initContainers(List.of(new InitContainer("copy", "", "true", null, List.of(), List.of(), List.of()))).build(),
                "initContainers[0] (copy): names no image");
    }

    @Test
    void anUnsupportedMountTypeOfAnInitContainerIsRefusedLikeTheJobsNamingTheInitContainer() {
        Job job = job().initContainers(List.of(shell("copy", List.of(new Mount("/s3", false, new MountSource.Other("s3fs", Map.of())))))).build();
        assertInvalid(job, "Init container copy: Mount /s3: mount type 's3fs' is not supported on Kubernetes");
    }

    private static void assertInvalid(Job job, String message) {
        assertThatThrownBy(() -> context(job)).isInstanceOfSatisfying(PluginException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
