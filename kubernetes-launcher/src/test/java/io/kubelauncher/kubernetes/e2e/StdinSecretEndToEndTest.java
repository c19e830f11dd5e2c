package io.kubelauncher.kubernetes.e2e;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code stdin-annotation=0} through the plugin process, with our default templates: the option is
 * read from the config file, the bootstrap checks the secrets permissions, a {@code cat} job echoes
 * its stdin, and the text is on neither the Job nor the pod, nor left in a Secret afterwards.
 */
class StdinSecretEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STDIN = "{\"tls-key\": \"-----BEGIN PRIVATE KEY-----\"}\n";

    @Test
    void catEchoesItsStdinWhichNeverAppearsOnTheJobOrThePod(@TempDir Path dir) throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().namespace("rstudio").nodes(1).start()) {
            PluginSetup plugin = new PluginSetup(cluster, dir).config("use-templating=1").config("stdin-annotation=0");
            try (LauncherClient launcher = plugin.start()) {
                Message bootstrap = launcher.bootstrap();
                assertThat(bootstrap.isError()).as("bootstrap: %s\n%s", bootstrap, launcher.stderr()).isFalse();

                ObjectNode job = launcher.objectNode();
                job.put("name", "Cat").put("command", "cat").put("stdin", STDIN);
                Message submitted = launcher.submitJob("alice", job);
                assertThat(submitted.isError()).as("%s\n%s", submitted, launcher.stderr()).isFalse();
                String id = submitted.get("jobs").get(0).get("id").asString();

                List<Message> output = launcher.outputStream("alice", id, 2).readToEnd(WAIT);
                StringBuilder text = new StringBuilder();
                output.forEach(m -> text.append(m.json().path("output").asString("")));
                assertThat(text.toString()).isEqualTo(STDIN);

                var kubernetesJob = cluster.client().batch().v1().jobs().inNamespace("rstudio").withName(id).get();
                var pod = cluster.client().pods().inNamespace("rstudio").withLabel("job-name", id).list().getItems().get(0);
                var serialization = cluster.client().getKubernetesSerialization();
                assertThat(serialization.asJson(kubernetesJob)).doesNotContain("PRIVATE KEY");
                assertThat(serialization.asJson(pod)).doesNotContain("PRIVATE KEY");
                assertThat(pod.getMetadata().getAnnotations()).doesNotContainKey("stdin").containsEntry("user", "alice");
                await().atMost(WAIT).until(() -> cluster.client().secrets().inNamespace("rstudio").withName(id + "-stdin").get() == null);
            }
            assertThat(Files.readString(plugin.logFile())).contains("stdin-annotation = 0 (" + plugin.configFile() + ":10)");
        }
    }
}
