package io.kubelauncher.kubernetes.admin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks the API server to validate objects as if creating them ({@code dryRun=All}, with
 * {@code fieldValidation=Strict} so that a misspelt field is an error rather than silently
 * dropped), without creating anything. Admission webhooks and quotas run too, as for a real create.
 */
public final class ServerDryRun {

    /** The server's answer for one object. */
    public record Verdict(String kind, String name, boolean accepted, String message) {

        @Override
        public String toString() {
            return kind + " " + name + ": " + (accepted ? "accepted by the API server" : "rejected: " + message);
        }
    }

    private final KubernetesClient client;
    private final String namespace;

    public ServerDryRun(KubernetesClient client, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** @param documents each a JSON or YAML Kubernetes object */
    public List<Verdict> validate(List<String> documents) {
        List<Verdict> verdicts = new ArrayList<>();
        for (String document : documents) {
            verdicts.add(validateOne(document));
        }
        return verdicts;
    }

    private Verdict validateOne(String document) {
        HasMetadata object;
        try {
            object = client.resource(document).item();
        } catch (RuntimeException e) {
            return new Verdict("object", "(unparsable)", false, "the client cannot read it: " + e.getMessage());
        }
        String kind = object.getKind();
        String name = nameOf(object);
        try {
            HasMetadata answer = client.resource(object).inNamespace(namespace).dryRun()
                    .fieldValidation(Validation.STRICT).create();
            String answered = answer == null ? name : nameOf(answer);
            return new Verdict(kind, answered, true, "");
        } catch (KubernetesClientException e) {
            return new Verdict(kind, name, false, describe(e));
        }
    }

    private static String nameOf(HasMetadata object) {
        if (object.getMetadata() == null) {
            return "(no metadata)";
        }
        if (object.getMetadata().getName() != null) {
            return object.getMetadata().getName();
        }
        return object.getMetadata().getGenerateName() == null ? "(unnamed)" : object.getMetadata().getGenerateName() + "*";
    }

    private static String describe(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status == null || status.getMessage() == null) {
            return "HTTP " + e.getCode() + ": " + e.getMessage();
        }
        StringBuilder text = new StringBuilder("HTTP " + e.getCode() + " " + status.getReason() + ": " + status.getMessage());
        if (status.getDetails() != null && status.getDetails().getCauses() != null) {
            for (StatusCause cause : status.getDetails().getCauses()) {
                text.append("\n    ").append(cause.getField() == null ? "" : cause.getField() + ": ")
                        .append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
