package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.InitContainer;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.Mount;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Launcher's init containers from Submit Job to the Kubernetes Job, on {@link SimulatedCluster}. */
class InitContainersSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(1);

    private static Job.Builder sessionWith(InitContainer... initContainers) {
        return Job.builder().name("Session").user("alice").command("cat prepared.txt")
                .mounts(List.of(new Mount("/home/alice", false, new MountSource.Host("/srv/home/alice"))))
                .initContainers(List.of(initContainers));
    }

    @Test
    void withTheBuiltinSpecClusterInfoOffersThemAndTheSubmittedJobsPodHasThem() {
        KubernetesJobSource source = cluster.plugin().newSource().start();
        assertThat(source.clusterInfo(ALICE).supportsInitContainers()).isTrue();

        Job submitted = source.submit(ALICE, sessionWith(
                new InitContainer("prepare", "busybox:1.36", "echo prepared >", null, List.of("prepared.txt"),
                        List.of(new Mount("/home/alice", false, new MountSource.Host("/srv/home/alice")),
                                new Mount("/skel", true, new MountSource.Host("/etc/skel"))),
                        List.of(new Env("GREETING", "hello"))),
                new InitContainer("check", "busybox:1.36", null, "/bin/test", List.of("-s", "prepared.txt"), List.of(), List.of())).build());

        PodSpec pod = cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(submitted.id()).get()
                .getSpec().getTemplate().getSpec();
        assertThat(pod.getInitContainers()).extracting(Container::getName).containsExactly("prepare", "check");
        assertThat(pod.getInitContainers().get(0).getArgs()).containsExactly("-c", "echo prepared > prepared.txt");
        assertThat(pod.getInitContainers().get(0).getVolumeMounts()).extracting(m -> m.getName() + ":" + m.getMountPath())
                .containsExactly("mount0:/home/alice", "mount1:/skel");
        assertThat(pod.getVolumes()).extracting(Volume::getName).containsExactly("mount0", "mount1");
        assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("rs-launcher-container");
        // and the job the Launcher reads back still has them
        assertThat(source.job(submitted.id()).orElseThrow().initContainers()).extracting(InitContainer::name).containsExactly("prepare", "check");
    }

    @Test
    void withAnOlderVendorTemplateClusterInfoDoesNotOfferThemAndSubmitRefusesThemBeforeCreatingAnything(@TempDir Path scratch)
            throws Exception {
        InProcessPlugin plugin = cluster.plugin();
        KubernetesJobSource source = plugin.newSource().templates(FixtureTemplates.copy("posit-default-2.4.0", scratch)).start();
        assertThat(source.clusterInfo(ALICE).supportsInitContainers()).isFalse();

        assertThatThrownBy(() -> source.submit(ALICE, sessionWith(new InitContainer("prepare", "busybox:1.36", "true", null, List.of(),
                List.of(), List.of())).build()))
                .isInstanceOfSatisfying(PluginException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).startsWith("the job has init containers (prepare), but ");
                });
        assertThat(plugin.metrics().counts()).doesNotContainKey("POST jobs");
    }

    @Test
    void theInitContainersRunFirstInOrderAndTheJobFindsWhatTheyLeftInThePod() throws Exception {
        InProcessPlugin plugin = cluster.plugin();
        KubernetesJobSource source = plugin.newSource().start();
        Job submitted = source.submit(ALICE, sessionWith(
                new InitContainer("prepare", "busybox:1.36", "sleep 0.2; echo prepared >", null, List.of("prepared.txt"), List.of(), List.of()),
                new InitContainer("check", "busybox:1.36", null, "/bin/sh", List.of("-c", "test -s prepared.txt && echo checked >> prepared.txt"),
                        List.of(), List.of())).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> plugin.status(submitted.id()) == JobStatus.FINISHED);
        assertThat(source.job(submitted.id()).orElseThrow().exitCode()).isZero();
        assertThat(plugin.output(submitted.id())).isEqualTo("prepared\nchecked\n");
    }

    @Test
    void aFailingInitContainerFailsTheJobNamingItAndTheJobNeverRuns() {
        InProcessPlugin plugin = cluster.plugin();
        KubernetesJobSource source = plugin.newSource().start();
        Job submitted = source.submit(ALICE, sessionWith(
                new InitContainer("prepare", "busybox:1.36", "exit 4", null, List.of(), List.of(), List.of())).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> plugin.status(submitted.id()) == JobStatus.FAILED);
        Job failed = source.job(submitted.id()).orElseThrow();
        assertThat(failed.statusMessage()).isEqualTo("Init container prepare failed with exit code 4, so the job did not start");
        assertThat(failed.exitCode()).isNull();
        assertThat(plugin.publisher().published.stream().filter(j -> j.id().equals(submitted.id())).map(Job::status))
                .doesNotContain(JobStatus.RUNNING, JobStatus.FINISHED);
    }
}
