package io.kubelauncher.kubernetes.cluster;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How to reach the Kubernetes API.
 *
 * @param apiUrl api-url, up to but not including /api
 * @param token the current bearer token (re-read when the token file changes)
 * @param certificateAuthorityPem certificate-authority as PEM text; empty uses the system trust store
 * @param verifySsl verify-ssl-certs
 */
public record ClusterConnection(URI apiUrl, Supplier<String> token, Optional<String> certificateAuthorityPem, boolean verifySsl) {

    public ClusterConnection {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(certificateAuthorityPem, "certificateAuthorityPem");
    }
}
