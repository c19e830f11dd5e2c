package io.kubelauncher.kubernetes.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the configuration reads from the host besides the option source: environment variables
 * (config search path, in-cluster detection), the service account directory that Kubernetes mounts
 * into pods, and the CPU count behind the {@code thread-pool-size} default.
 */
public record HostEnvironment(Map<String, String> variables, Path serviceAccountDir, int availableProcessors) {

    public static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    public HostEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(serviceAccountDir, "serviceAccountDir");
        if (availableProcessors < 1) {
            throw new IllegalArgumentException("availableProcessors must be at least 1");
        }
    }

    public static HostEnvironment system() {
        return new HostEnvironment(System.getenv(), SERVICE_ACCOUNT_DIR, Runtime.getRuntime().availableProcessors());
    }

    /** A variable's value, absent when unset or blank. */
    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
