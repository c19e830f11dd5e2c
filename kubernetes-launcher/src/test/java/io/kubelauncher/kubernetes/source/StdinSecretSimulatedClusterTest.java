package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cluster.PermissionCheck;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code stdin-annotation=0} on a {@link SimulatedCluster}: the stdin (in a Workbench session, its
 * TLS material) appears on neither the Job nor the pod, waits in a Secret owned by the Job, reaches
 * the container exactly once, also through an instance started after the submitting one is gone, and
 * its Secret is removed once delivered; with templating on (our default templates) and off.
 */
class StdinSecretSimulatedClusterTest {

    private static final RequestUser ALICE = RequestUser.of("alice");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STDIN = "echo from stdin\nsleep 60\n";

    @TempDir
    Path scratch;

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(2);

    /** A plugin process with stdin-annotation=0, its source started. */
    private InProcessPlugin instance(boolean templating) {
        InProcessPlugin plugin = cluster.plugin();
        InProcessPlugin.SourceBuilder source = plugin.newSource().watchTimeoutSeconds(30).stdinAnnotation(false);
        (templating ? source.templates(scratch) : source).start();
        return plugin;
    }

    private static Job session() {
        return Job.builder().name("Session").user("alice").exe("/bin/sh").stdin(STDIN).build();
    }

    private io.fabric8.kubernetes.api.model.batch.v1.Job kubernetesJob(String id) {
        return cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(id).get();
    }

    private Secret secret(String id) {
        return cluster.client().secrets().inNamespace("rstudio").withName(id + "-stdin").get();
    }

    @ParameterizedTest(name = "use-templating={0}")
    @ValueSource(booleans = {false, true})
    void theStdinIsOnNeitherJobNorPodIsDeliveredOnceAndItsSecretIsRemoved(boolean templating) throws Exception {
        // the pod waits for a node, so that the Secret can be seen before the delivery
        cluster.scenarios().delayScheduling(Duration.ofSeconds(2));
        InProcessPlugin plugin = instance(templating);
        Job submitted = plugin.source().submit(ALICE, session());

        var job = kubernetesJob(submitted.id());
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations()).doesNotContainKey(LauncherKeys.STDIN);
        assertThat(job.getMetadata().getAnnotations()).containsKey(LauncherKeys.STDIN_SECRET);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getStdin()).isTrue();
        assertThat(cluster.client().getKubernetesSerialization().asJson(job)).doesNotContain("from stdin");
        Secret secret = secret(submitted.id());
        assertThat(secret).isNotNull();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("stdin")), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(STDIN);
        assertThat(secret.getMetadata().getLabels()).containsEntry(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE);
        assertThat(secret.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(job.getMetadata().getUid()));

        await().atMost(WAIT).until(() -> plugin.status(submitted.id()) == JobStatus.RUNNING && plugin.requests("GET pods/attach") == 1);
        await().atMost(WAIT).until(() -> secret(submitted.id()) == null);
        Pod pod = cluster.client().pods().inNamespace("rstudio").withLabel(LauncherKeys.JOB_NAME, submitted.id()).list().getItems().get(0);
        assertThat(pod.getMetadata().getAnnotations()).doesNotContainKey(LauncherKeys.STDIN).containsKey(LauncherKeys.USER);
        assertThat(cluster.client().getKubernetesSerialization().asJson(pod)).doesNotContain("from stdin");

        plugin.source().control(ALICE, plugin.source().job(submitted.id()).orElseThrow(), JobOperation.STOP);
        await().atMost(WAIT).until(() -> plugin.status(submitted.id()) == JobStatus.FINISHED);
        assertThat(plugin.output(submitted.id())).isEqualTo("from stdin\n");
        plugin.close();
        assertThat(plugin.requests("GET pods/attach")).isEqualTo(1);
        assertThat(plugin.requests("GET secrets")).isZero(); // the submitting instance had the text in memory
        assertThat(plugin.requests("DELETE secrets")).isEqualTo(1);
    }

    @ParameterizedTest(name = "use-templating={0}")
    @ValueSource(booleans = {false, true})
    void anInstanceStartedAfterTheSubmitterIsGoneDeliversFromTheSecretAndTheNextDoesNotResend(boolean templating) throws Exception {
        cluster.scenarios().delayScheduling(Duration.ofSeconds(1));
        InProcessPlugin submitter = instance(templating);
        Job submitted = submitter.source().submit(ALICE, session());
        submitter.close();
        assertThat(submitter.requests("GET pods/attach")).isZero();
        assertThat(secret(submitted.id())).isNotNull();

        InProcessPlugin restarted = instance(templating);
        await().atMost(WAIT).until(() -> restarted.status(submitted.id()) == JobStatus.RUNNING);
        await().atMost(WAIT).until(() -> restarted.requests("GET pods/attach") == 1);
        await().atMost(WAIT).until(() -> secret(submitted.id()) == null);
        restarted.close();
        assertThat(restarted.requests("GET secrets")).isEqualTo(1);

        InProcessPlugin again = instance(templating);
        await().atMost(WAIT).until(() -> again.status(submitted.id()) == JobStatus.RUNNING);
        again.source().control(ALICE, again.source().job(submitted.id()).orElseThrow(), JobOperation.STOP);
        await().atMost(WAIT).until(() -> again.status(submitted.id()) == JobStatus.FINISHED);
        String output = again.output(submitted.id());
        again.close();
        assertThat(again.requests("GET pods/attach")).isZero();
        assertThat(again.requests("GET secrets")).isZero();
        assertThat(output).isEqualTo("from stdin\n");
    }

    @Test
    void aJobWithoutStdinGetsNoSecret() throws Exception {
        cluster.scenarios().delayScheduling(Duration.ofMinutes(5)); // only the Job matters here
        InProcessPlugin plugin = instance(false);
        Job submitted = plugin.source().submit(ALICE, Job.builder().name("Batch").user("alice").command("true").build());
        var job = kubernetesJob(submitted.id());
        assertThat(job.getMetadata().getAnnotations()).doesNotContainKey(LauncherKeys.STDIN_SECRET);
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations()).doesNotContainKey(LauncherKeys.STDIN);
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getStdin()).isFalse();
        assertThat(plugin.requests("POST secrets")).isZero();
    }

    @Test
    void aRefusedSecretFailsTheSubmitAndRemovesTheJob() throws Exception {
        cluster.scenarios().delayScheduling(Duration.ofMinutes(5)); // only the Job matters here
        InProcessPlugin plugin = instance(false);
        cluster.scenarios().deny("create", "secrets");
        assertThatThrownBy(() -> plugin.source().submit(ALICE, session())).isInstanceOf(PluginException.class)
                .hasMessageContaining("Kubernetes refused the Secret").hasMessageContaining("-stdin holding the job's stdin (stdin-annotation=0)")
                .hasMessageContaining("cannot create resource \"secrets\"").hasMessageContaining("the job was not started");
        await().atMost(WAIT).until(() -> cluster.client().batch().v1().jobs().inNamespace("rstudio").list().getItems().stream()
                .allMatch(j -> j.getMetadata().getDeletionTimestamp() != null));
    }

    @Test
    void bootstrapNamesTheMissingSecretPermissionOnlyWhenStdinIsKeptInSecrets() {
        cluster.scenarios().deny("get", "secrets").deny("delete", "secrets");
        KubernetesClient client = cluster.plugin().client();
        new PermissionCheck(client, "rstudio", false).verify();
        assertThatThrownBy(() -> new PermissionCheck(client, "rstudio", true).verify()).isInstanceOf(PluginException.class)
                .hasMessage("The Kubernetes service account cannot get secrets, cannot delete secrets in namespace rstudio."
                        + " Grant the job-launcher Role of the admin guide (\"Kubernetes cluster requirements\"),"
                        + " with create, get and delete on secrets for stdin-annotation=0.");
    }
}
