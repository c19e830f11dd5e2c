package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a job's stdin waits for delivery when {@code stdin-annotation=0}: a Secret owned by the Job
 * (garbage-collected with it), named by the Job's {@link LauncherKeys#STDIN_SECRET} annotation so
 * that any plugin instance, also one started after the submit, can find it. Unlike the vendor's
 * {@code stdin} pod annotation, the text is not shown by {@code kubectl describe} and is readable only
 * by whoever may read Secrets. The Secret is deleted once the stdin is delivered.
 */
final class StdinSecrets {

    private static final Logger log = LoggerFactory.getLogger(StdinSecrets.class);

    /** The Secret's key holding the stdin text. */
    static final String KEY = "stdin";

    private final KubernetesClient client;
    private final String namespace;

    StdinSecrets(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    static String secretName(String jobName) {
        return jobName + "-stdin";
    }

    /**
     * Makes a rendered Job keep its stdin off the pod: drops any {@code stdin} pod annotation (a vendor
     * template writes an empty one, since {@code .Job.stdin} is then empty) and, when the job has stdin,
     * starts the main container with {@code stdin: true, stdinOnce: true} whatever the template said
     * (a vendor template derives the flag from the empty {@code .Job.stdin}), and marks the Job as
     * having its stdin in a Secret.
     */
    static void keepOffThePod(Job spec, boolean hasStdin) {
        var podMeta = spec.getSpec() == null || spec.getSpec().getTemplate() == null ? null : spec.getSpec().getTemplate().getMetadata();
        if (podMeta != null && podMeta.getAnnotations() != null && podMeta.getAnnotations().containsKey(LauncherKeys.STDIN)) {
            Map<String, String> annotations = new LinkedHashMap<>(podMeta.getAnnotations());
            annotations.remove(LauncherKeys.STDIN);
            podMeta.setAnnotations(annotations);
        }
        if (!hasStdin) {
            return;
        }
        String main = new JobObjects(spec, List.of(), Optional.empty(), List.of()).mainContainerName();
        for (Container container : spec.getSpec().getTemplate().getSpec().getContainers()) {
            if (main.equals(container.getName())) {
                container.setStdin(true);
                container.setStdinOnce(true);
            }
        }
        // the name is known once Kubernetes generated the Job's: the marker says "look for <job>-stdin"
        Map<String, String> annotations = new LinkedHashMap<>(Optional.ofNullable(spec.getMetadata().getAnnotations()).orElse(Map.of()));
        annotations.put(LauncherKeys.STDIN_SECRET, "true");
        spec.getMetadata().setAnnotations(annotations);
    }

    /** Whether the Job's stdin waits in a Secret. */
    static boolean holds(Job job) {
        Map<String, String> annotations = job.getMetadata() == null ? null : job.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(LauncherKeys.STDIN_SECRET);
    }

    /**
     * Creates the Secret of a created Job, owned by it.
     *
     * @throws KubernetesClientException when Kubernetes refuses it
     */
    void store(Job created, String stdin) {
        String job = created.getMetadata().getName();
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(secretName(job)).withNamespace(namespace)
                .withLabels(Map.of(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE, LauncherKeys.JOB_NAME, job))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job").withName(job)
                        .withUid(created.getMetadata().getUid()).withBlockOwnerDeletion(false).withController(false).build())
                .endMetadata()
                .withType("Opaque")
                .withImmutable(true)
                .withData(Map.of(KEY, Base64.getEncoder().encodeToString(stdin.getBytes(StandardCharsets.UTF_8))))
                .build();
        client.secrets().inNamespace(namespace).resource(secret).create();
    }

    /** The stdin waiting for a job; empty when its Secret is gone (delivered meanwhile) or unreadable. */
    Optional<String> read(String jobName) {
        Secret secret;
        try {
            secret = client.secrets().inNamespace(namespace).withName(secretName(jobName)).get();
        } catch (KubernetesClientException e) {
            log.warn("could not read the stdin Secret {} of job {}: {}", secretName(jobName), jobName, e.getMessage());
            return Optional.empty();
        }
        if (secret == null) {
            return Optional.empty();
        }
        String data = secret.getData() == null ? null : secret.getData().get(KEY);
        if (data == null) {
            log.warn("the stdin Secret {} of job {} has no key {}: nothing to deliver", secretName(jobName), jobName, KEY);
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
    }

    /** Deletes a delivered job's Secret; the Job's garbage collection removes it if this fails. */
    void delete(String jobName) {
        try {
            client.secrets().inNamespace(namespace).withName(secretName(jobName)).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                log.warn("could not delete the stdin Secret {} of job {} (removed with the job): {}", secretName(jobName), jobName,
                        e.getMessage());
            }
        }
    }
}
