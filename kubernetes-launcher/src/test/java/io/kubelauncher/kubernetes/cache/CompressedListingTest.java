package io.kubelauncher.kubernetes.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import io.kubelauncher.testkit.cluster.SimulatedClusterExtension;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@link CompressedListing} on a SimulatedCluster, which gzips large lists as kube-apiserver does. */
@ExtendWith(SimulatedClusterExtension.class)
class CompressedListingTest {

    private final SimulatedCluster cluster;
    private final KubernetesClient typed;
    private final List<String> encodings = new ArrayList<>();
    private KubernetesClient client;

    CompressedListingTest(SimulatedCluster cluster, KubernetesClient typed) {
        this.cluster = cluster;
        this.typed = typed;
    }

    @BeforeEach
    void connect() {
        Interceptor probe = new Interceptor() {
            @Override
            public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
                synchronized (encodings) {
                    encodings.add(String.valueOf(response.header("Content-Encoding")));
                }
            }
        };
        client = new KubernetesClientBuilder().withConfig(cluster.clientConfig()).withHttpClientFactory(new JdkHttpClientFactory())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("probe", probe)).build();
    }

    @AfterEach
    void disconnect() {
        cluster.scenarios().reset();
        client.close();
    }

    @Test
    void pagesArriveGzippedAndDecodeToWhatTheTypedListReads() {
        for (int i = 0; i < 600; i++) {
            cluster.preload(pod("history-" + i, "history"));
        }
        CompressedListing<Pod> listing = CompressedListing.of(client, cluster.namespace(), Pod.class, PodList.class, "batch=history", null);

        List<Pod> compressed = all(listing::list, 250);
        List<Pod> typedPages = all(options -> typed.pods().inNamespace(cluster.namespace()).withLabel("batch", "history").list(options), 250);

        assertThat(compressed).hasSize(600);
        assertThat(names(compressed)).isEqualTo(names(typedPages));
        assertThat(compressed).isEqualTo(typedPages);
        synchronized (encodings) {
            // three pages of 250, 250 and 100 pods: the two large ones came gzipped, the last one (under 128 KiB) did not
            assertThat(encodings).containsExactly("gzip", "gzip", "null");
        }
    }

    @Test
    void selectorsAndPagingGoIntoTheQuery() {
        CompressedListing<Pod> listing = CompressedListing.of(client, "team a", Pod.class, PodList.class, "app.kubernetes.io/managed-by=launcher",
                "reason!=Pulled,reason!=Started");

        ListOptions page = new ListOptionsBuilder().withLimit(500L).withContinue("eyJydiI6MTB9").build();

        assertThat(listing.uri(page).toString()).isEqualTo(cluster.apiUrl().replaceAll("/+$", "")
                + "/api/v1/namespaces/team+a/pods?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dlauncher"
                + "&fieldSelector=reason%21%3DPulled%2Creason%21%3DStarted&limit=500&continue=eyJydiI6MTB9");
        assertThat(CompressedListing.of(client, "ns", io.fabric8.kubernetes.api.model.batch.v1.Job.class,
                io.fabric8.kubernetes.api.model.batch.v1.JobList.class, null, null).uri(new ListOptions()).getPath())
                .isEqualTo("/apis/batch/v1/namespaces/ns/jobs");
    }

    @Test
    void aRefusalIsTheServersCodeAndMessage() {
        cluster.scenarios().deny("list", "pods");
        CompressedListing<Pod> listing = CompressedListing.of(client, cluster.namespace(), Pod.class, PodList.class, null, null);

        assertThatThrownBy(() -> listing.list(new ListOptionsBuilder().withLimit(10L).build()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
                    assertThat(e.getMessage()).contains("GET at: " + cluster.apiUrl()).contains("pods");
                });
    }

    private static <T extends HasMetadata> List<T> all(Function<ListOptions, KubernetesResourceList<T>> lister, long limit) {
        List<T> items = new ArrayList<>();
        String token = null;
        do {
            KubernetesResourceList<T> page = lister.apply(new ListOptionsBuilder().withLimit(limit).withContinue(token).build());
            items.addAll(page.getItems());
            token = page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return items;
    }

    private static List<String> names(List<Pod> pods) {
        return pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toList());
    }

    private ObjectNode pod(String name, String batch) {
        ObjectNode pod = JsonNodeFactory.instance.objectNode().put("kind", "Pod").put("apiVersion", "v1");
        pod.putObject("metadata").put("name", name).put("namespace", cluster.namespace()).put("creationTimestamp", "2026-01-02T03:04:05Z")
                .putObject("labels").put("job-name", name).put("batch", batch);
        ObjectNode container = pod.putObject("spec").put("nodeName", "node-1").putArray("containers").addObject()
                .put("name", "main").put("image", "rstudio/r-session-complete:jammy-2026.09.0");
        container.putArray("command").add("/usr/lib/rstudio-server/bin/rsession").add("--session-use-secure-cookies=0")
                .add("--www-port=8787").add("--session-timeout-minutes=0");
        pod.putObject("status").put("phase", "Succeeded").put("hostIP", "10.0.0.1").putArray("containerStatuses").addObject()
                .put("name", "main").putObject("state").putObject("terminated").put("exitCode", 0).put("reason", "Completed");
        return pod;
    }
}
