package io.kubelauncher.kubernetes.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds the Fabric8 client from the plugin's own settings only (never from ~/.kube or the environment). */
public final class KubernetesClients {

    private KubernetesClients() {
    }

    public static KubernetesClient create(ClusterConnection connection, String namespace, RequestMetrics metrics) {
        ConfigBuilder config = new ConfigBuilder(Config.empty())
                .withMasterUrl(connection.apiUrl().toString())
                .withNamespace(namespace)
                .withOauthTokenProvider(connection.token()::get)
                .withTrustCerts(!connection.verifySsl())
                .withDisableHostnameVerification(!connection.verifySsl())
                // A watch that cannot reconnect is relisted by the cache; the cache never gives up.
                .withWatchReconnectLimit(-1)
                // A create must not be sent twice by a retry: one POST per job is the budget.
                .withRequestRetryBackoffLimit(0);
        connection.certificateAuthorityPem().ifPresent(pem ->
                config.withCaCertData(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8))));
        return new KubernetesClientBuilder()
                .withConfig(config.build())
                .withHttpClientFactory(new JdkHttpClientFactory())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("kubelauncher-metrics", metrics))
                .build();
    }
}
