package io.kubelauncher.testkit.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated cluster as its own process, started like {@code bin/simulated-cluster} but with
 * this test JVM's classpath: what the tests drive with Fabric8, kubectl and plain HTTP.
 */
final class StandaloneCluster implements AutoCloseable {
  final Process process;
  final Path stateDir;
  final String apiUrl;
  final String token;
  final String caPem;
  final Path kubeconfig;
  private final KubernetesClient client;

  private StandaloneCluster(Process process, Path stateDir, String apiUrl) throws IOException {
    this.process = process;
    this.stateDir = stateDir;
    this.apiUrl = apiUrl;
    this.token = Files.readString(stateDir.resolve("token"));
    this.caPem = Files.readString(stateDir.resolve("ca.crt"));
    this.kubeconfig = stateDir.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: simulated
          cluster:
            server: %s
            certificate-authority: %s
        users:
        - name: launcher
          user:
            token: %s
        contexts:
        - name: simulated
          context: {cluster: simulated, user: launcher, namespace: default}
        current-context: simulated
        """.formatted(apiUrl, stateDir.resolve("ca.crt"), token));
    this.client = new KubernetesClientBuilder().withConfig(config(token)).build();
  }

  static StandaloneCluster start(Path stateDir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    URI logback = Path.of("src/main/resources/io/kubelauncher/testkit/cluster/simulated-cluster-logback.xml").toAbsolutePath().toUri();
    Process process = new ProcessBuilder(java, "-Dlogback.configurationFile=" + logback, "-cp", System.getProperty("java.class.path"),
        SimulatedClusterMain.class.getName(), "--state-dir", stateDir.toString(), "--nodes", "2")
        .redirectError(stateDir.resolve("cluster.stderr").toFile())
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("ready ")) {
      process.destroyForcibly();
      throw new IllegalStateException("the simulated cluster did not start: first line " + line + "; stderr: "
          + Files.readString(stateDir.resolve("cluster.stderr")));
    }
    return new StandaloneCluster(process, stateDir, line.substring("ready ".length()));
  }

  Config config(String bearer) {
    return new ConfigBuilder(Config.empty())
        .withMasterUrl(apiUrl)
        .withOauthToken(bearer)
        .withCaCertData(Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
        .withNamespace("default")
        .withRequestRetryBackoffLimit(1)
        .build();
  }

  KubernetesClient client() {
    return client;
  }

  /** A JDK HTTP client trusting only the cluster's CA. */
  HttpClient http() throws Exception {
    return ClusterHttp.of(apiUrl, token, caPem).client();
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
  }

  /** Switches a scenario on through the control endpoint. */
  void scenario(String name, String json) throws Exception {
    HttpResponse<String> response = http().send(request("/simulated-cluster/scenarios/" + name)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("scenario " + name + " failed: " + response.body());
    }
  }

  /** Runs kubectl against the cluster; returns its exit code and combined output. */
  KubectlResult kubectl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process kubectl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!kubectl.waitFor(60, TimeUnit.SECONDS)) {
      kubectl.destroyForcibly();
      throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish: " + output);
    }
    return new KubectlResult(kubectl.exitValue(), output);
  }

  record KubectlResult(int exitCode, String output) {}

  static boolean kubectlInstalled() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() throws Exception {
    client.close();
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the simulated cluster did not stop on SIGTERM");
    }
  }
}
