package io.kubelauncher.kubernetes.cluster;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.kubelauncher.api.plugin.PluginException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PermissionCheck} against Fabric8's mock server: transient failures, refusals, a bad token. */
class PermissionCheckTest {

    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private final KubernetesMockServer server = new KubernetesMockServer(false);
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server.init();
        client = server.createClient(b -> b.withConfig(new ConfigBuilder().withMasterUrl(server.url("/"))
                .withTrustCerts(true).withRequestRetryBackoffLimit(0).build()));
    }

    @AfterEach
    void stop() {
        client.close();
        server.destroy();
    }

    private static Object review(boolean allowed) {
        return new SelfSubjectAccessReviewBuilder().withNewStatus().withAllowed(allowed).endStatus().build();
    }

    @Test
    void aServerErrorOnOneReviewIsRetriedAndTheStartGoesOn() {
        server.expect().post().withPath(REVIEWS).andReturn(500, "etcd leader changed").times(2);
        server.expect().post().withPath(REVIEWS).andReturn(201, review(true)).always();

        new PermissionCheck(client, "rstudio", false, Duration.ZERO).verify();

        // 16 namespace rules and the optional nodes rule, plus the two failed attempts
        assertThat(server.getRequestCount()).isEqualTo(17 + 2);
    }

    @Test
    void aServerThatKeepsFailingIsReportedAfterTheLastAttempt() {
        server.expect().post().withPath(REVIEWS).andReturn(503, "unavailable").always();

        assertThatThrownBy(() -> new PermissionCheck(client, "rstudio", false, Duration.ZERO).verify())
                .isInstanceOf(PluginException.class).hasMessageContaining("Could not reach the Kubernetes API")
                .hasMessageContaining("(4 attempts)");
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aRefusedTokenIsNotRetried() {
        server.expect().post().withPath(REVIEWS).andReturn(401, "Unauthorized").always();

        assertThatThrownBy(() -> new PermissionCheck(client, "rstudio", false, Duration.ZERO).verify())
                .isInstanceOf(PluginException.class).hasMessageContaining("refused the auth token");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingPermissionsAreNamed() {
        server.expect().post().withPath(REVIEWS).andReturn(201, review(false)).always();

        assertThatThrownBy(() -> new PermissionCheck(client, "rstudio", false, Duration.ZERO).verify())
                .isInstanceOf(PluginException.class)
                .hasMessageStartingWith("The Kubernetes service account cannot create jobs, cannot list jobs");
    }
}
