package io.kubelauncher.kubernetes.cluster;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks the API server (SelfSubjectAccessReview) whether the plugin's service account may do what
 * the plugin does, before it does it, so that a missing RBAC rule is reported at start-up as
 * "cannot list jobs in namespace rstudio" rather than as a stream of 403s later. The rules are
 * those of the admin guide's job-launcher Role; reading nodes is optional. With
 * {@code stdin-annotation=0} the plugin keeps each job's stdin in a Secret, so it then also needs to
 * create, get and delete secrets (and only then: existing Roles keep working with the default).
 */
public final class PermissionCheck {

    private static final Logger log = LoggerFactory.getLogger(PermissionCheck.class);

    /** verb, API group, resource, subresource; what the plugin needs in its namespace. */
    private static final List<String[]> REQUIRED = List.of(
            new String[] {"create", "batch", "jobs", ""},
            new String[] {"list", "batch", "jobs", ""},
            new String[] {"watch", "batch", "jobs", ""},
            new String[] {"patch", "batch", "jobs", ""},
            new String[] {"delete", "batch", "jobs", ""},
            new String[] {"list", "", "pods", ""},
            new String[] {"watch", "", "pods", ""},
            new String[] {"delete", "", "pods", ""},
            new String[] {"get", "", "pods", "log"},
            new String[] {"create", "", "pods", "attach"},
            new String[] {"create", "", "services", ""},
            new String[] {"list", "", "services", ""},
            new String[] {"watch", "", "services", ""},
            new String[] {"delete", "", "services", ""},
            new String[] {"list", "", "events", ""},
            new String[] {"watch", "", "events", ""});

    /** What keeping stdin in Secrets ({@code stdin-annotation=0}) needs besides. */
    private static final List<String[]> STDIN_SECRETS = List.of(
            new String[] {"create", "", "secrets", ""},
            new String[] {"get", "", "secrets", ""},
            new String[] {"delete", "", "secrets", ""});

    /** Attempts per access review: an API server that answers one of ~20 reviews with a 5xx must not fail the start. */
    private static final int ATTEMPTS = 4;

    private final KubernetesClient client;
    private final String namespace;
    private final boolean stdinSecrets;
    private final Duration firstRetryDelay;

    /** The check of a plugin that writes stdin as the pod annotation ({@code stdin-annotation=1}). */
    public PermissionCheck(KubernetesClient client, String namespace) {
        this(client, namespace, false);
    }

    /** @param stdinSecrets whether job stdin is kept in Secrets ({@code stdin-annotation=0}) */
    public PermissionCheck(KubernetesClient client, String namespace, boolean stdinSecrets) {
        this(client, namespace, stdinSecrets, Duration.ofMillis(250));
    }

    /**
     * @param firstRetryDelay the wait before retrying a review the API server failed to answer (5xx or
     *                        no answer); it doubles for each further attempt
     */
    public PermissionCheck(KubernetesClient client, String namespace, boolean stdinSecrets, Duration firstRetryDelay) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.stdinSecrets = stdinSecrets;
        this.firstRetryDelay = Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
    }

    /** @throws PluginException naming every missing permission, or the API server's refusal to answer */
    public void verify() {
        List<String> missing = new ArrayList<>();
        List<String[]> rules = new ArrayList<>(REQUIRED);
        if (stdinSecrets) {
            rules.addAll(STDIN_SECRETS);
        }
        for (String[] rule : rules) {
            if (!allowed(rule[0], rule[1], rule[2], rule[3], namespace)) {
                missing.add(rule[0] + " " + rule[2] + (rule[3].isEmpty() ? "" : "/" + rule[3]));
            }
        }
        if (!missing.isEmpty()) {
            throw new PluginException(ErrorCode.UNKNOWN, "The Kubernetes service account cannot " + String.join(", cannot ", missing)
                    + " in namespace " + namespace + ". Grant the job-launcher Role of the admin guide (\"Kubernetes cluster requirements\")"
                    + (stdinSecrets ? ", with create, get and delete on secrets for stdin-annotation=0." : "."));
        }
        if (!allowed("get", "", "nodes", "", null)) {
            log.warn("The service account cannot get nodes: jobs will report only their node's internal address (see the admin guide)");
        }
    }

    private boolean allowed(String verb, String group, String resource, String subresource, String ns) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                .withVerb(verb).withGroup(group).withResource(resource).withSubresource(subresource.isEmpty() ? null : subresource)
                .withNamespace(ns).endResourceAttributes().endSpec().build();
        SelfSubjectAccessReview answer = review(review, verb + " " + resource);
        if (answer == null || answer.getStatus() == null) {
            log.warn("the API server did not answer the access review for {} {}; assuming allowed", verb, resource);
            return true;
        }
        return Boolean.TRUE.equals(answer.getStatus().getAllowed());
    }

    /** An access review changes nothing, so unlike a create it may be sent again when the server failed. */
    private SelfSubjectAccessReview review(SelfSubjectAccessReview review, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.authorization().v1().selfSubjectAccessReview().create(review);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 401) {
                    throw new PluginException(ErrorCode.UNKNOWN, "The Kubernetes API at " + client.getMasterUrl()
                            + " refused the auth token (401 Unauthorized): check auth-token-path / auth-token", e);
                }
                boolean serverFailed = e.getCode() >= 500 || e.getCode() <= 0;
                if (!serverFailed || attempt == ATTEMPTS) {
                    throw new PluginException(ErrorCode.UNKNOWN, "Could not reach the Kubernetes API at " + client.getMasterUrl()
                            + (attempt > 1 ? " (" + attempt + " attempts)" : "") + ": " + e.getMessage(), e);
                }
                Duration wait = firstRetryDelay.multipliedBy(1L << (attempt - 1));
                log.warn("access review for {} failed ({}); retrying in {} ms", what, e.getCode() > 0 ? "HTTP " + e.getCode() : e.getMessage(), wait.toMillis());
                pause(wait);
            }
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorCode.UNKNOWN, "interrupted while checking permissions", e);
        }
    }
}
