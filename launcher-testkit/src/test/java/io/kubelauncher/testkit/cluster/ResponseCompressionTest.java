package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Large list answers are gzipped for a client that accepts it, as kube-apiserver does; nothing else is. */
@ExtendWith(SimulatedClusterExtension.class)
class ResponseCompressionTest {
  private static final String PODS = "/api/v1/namespaces/default/pods";

  private final SimulatedCluster cluster;

  ResponseCompressionTest(SimulatedCluster cluster) {
    this.cluster = cluster;
  }

  @Test
  void acceptEncodingIsReadWithItsQualities() {
    assertThat(ResponseCompression.accepts("gzip")).isTrue();
    assertThat(ResponseCompression.accepts("deflate, GZIP;q=0.5")).isTrue();
    assertThat(ResponseCompression.accepts("gzip;q=0")).isFalse();
    assertThat(ResponseCompression.accepts("gzip; q=0.000")).isFalse();
    assertThat(ResponseCompression.accepts("br, deflate")).isFalse();
    assertThat(ResponseCompression.accepts("x-gzip")).isFalse();
    assertThat(ResponseCompression.accepts(null)).isFalse();
  }

  @Test
  void aLargeListIsGzippedOnlyWhenTheClientAcceptsIt() throws Exception {
    for (int i = 0; i < 400; i++) {
      cluster.preload(pod("history-" + i, "history"));
    }
    ClusterHttp http = ClusterHttp.of(cluster);
    String history = PODS + "?labelSelector=batch%3Dhistory";

    HttpResponse<byte[]> plain = http.client().send(http.request(history).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> gzipped = http.client().send(http.request(history).header("Accept-Encoding", "gzip").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.body().length).isGreaterThan(ResponseCompression.THRESHOLD_BYTES);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
    JsonNode unzipped = Json.MAPPER.readTree(gunzip(gzipped.body()));
    assertThat(unzipped).isEqualTo(Json.MAPPER.readTree(plain.body()));
    assertThat(unzipped.path("items").size()).isEqualTo(400);
  }

  @Test
  void smallListsObjectsAndRefusalsStayUncompressed() throws Exception {
    for (int i = 0; i < 400; i++) {
      cluster.preload(pod("small-" + i, "small"));
    }
    ClusterHttp http = ClusterHttp.of(cluster);

    assertThat(encoding(http, PODS + "?limit=5")).isEmpty();
    assertThat(encoding(http, PODS + "/small-7")).isEmpty();
    assertThat(encoding(http, PODS + "/not-there")).isEmpty();
  }

  private static Optional<String> encoding(ClusterHttp http, String path) throws Exception {
    HttpResponse<byte[]> response = http.client().send(http.request(path).header("Accept-Encoding", "gzip").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    return response.headers().firstValue("Content-Encoding");
  }

  private static ObjectNode pod(String name, String batch) {
    ObjectNode pod = Json.object().put("kind", "Pod").put("apiVersion", "v1");
    pod.putObject("metadata").put("name", name).put("creationTimestamp", "2026-01-02T03:04:05Z")
        .putObject("labels").put("job-name", name).put("batch", batch);
    ObjectNode container = pod.putObject("spec").put("nodeName", "node-1").putArray("containers").addObject()
        .put("name", "main").put("image", "rstudio/r-session-complete:jammy-2026.09.0");
    container.putArray("command").add("/usr/lib/rstudio-server/bin/rsession").add("--session-use-secure-cookies=0");
    pod.putObject("status").put("phase", "Succeeded").put("hostIP", "10.0.0.1");
    return pod;
  }

  private static byte[] gunzip(byte[] body) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }
}
