package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SimulatedCluster#onStored}: the moment of a change, ahead of its watch event. */
@ExtendWith(SimulatedClusterExtension.class)
class StoredChangesTest {
  private final SimulatedCluster cluster;
  private final KubernetesClient client;

  StoredChangesTest(SimulatedCluster cluster, KubernetesClient client) {
    this.cluster = cluster;
    this.client = client;
  }

  private static Secret secret(String name, String value) {
    return new SecretBuilder().withNewMetadata().withName(name).endMetadata().addToStringData("k", value).build();
  }

  @Test
  void everyStoredChangeIsSeenBeforeAWatchAnnouncesItAndNoneAfterClosing() throws Exception {
    List<StoredChange> stored = new CopyOnWriteArrayList<>();
    List<String> seenWhenAnnounced = new CopyOnWriteArrayList<>();
    AutoCloseable observing = cluster.onStored(stored::add);
    Watch watch = client.secrets().watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Secret object) {
        long rv = Long.parseLong(object.getMetadata().getResourceVersion());
        seenWhenAnnounced.add(action + " " + stored.stream().anyMatch(c -> c.resourceVersion() == rv && c.type().equals(action.name())));
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    });

    Secret created = client.secrets().resource(secret("settings", "one")).create();
    client.secrets().resource(secret("settings", "two")).update();
    client.secrets().withName("settings").delete();
    await().atMost(Duration.ofSeconds(10)).until(() -> seenWhenAnnounced.size() == 3);
    watch.close();

    assertThat(seenWhenAnnounced).containsExactly("ADDED true", "MODIFIED true", "DELETED true");
    assertThat(stored).filteredOn(c -> c.kind().equals("Secret"))
        .extracting(c -> c.type() + " " + c.namespace() + "/" + c.name())
        .containsExactly("ADDED " + cluster.namespace() + "/settings", "MODIFIED " + cluster.namespace() + "/settings",
            "DELETED " + cluster.namespace() + "/settings");
    assertThat(stored.get(0).resourceVersion()).isEqualTo(Long.parseLong(created.getMetadata().getResourceVersion()));

    observing.close();
    int before = stored.size();
    client.secrets().resource(secret("later", "x")).create();
    assertThat(client.secrets().withName("later").get()).isNotNull();
    assertThat(stored).hasSize(before);
  }
}
