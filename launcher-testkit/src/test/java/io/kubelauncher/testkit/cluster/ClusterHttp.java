package io.kubelauncher.testkit.cluster;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Plain HTTPS to a simulated cluster, trusting only its CA: for what a typed client hides. */
record ClusterHttp(HttpClient client, String apiUrl, String token) {

  static ClusterHttp of(String apiUrl, String token, String caPem) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, factory.getTrustManagers(), null);
    return new ClusterHttp(HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build(), apiUrl, token);
  }

  static ClusterHttp of(SimulatedCluster cluster) throws Exception {
    return of(cluster.apiUrl(), cluster.token(), cluster.caCertificatePem());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
  }
}
