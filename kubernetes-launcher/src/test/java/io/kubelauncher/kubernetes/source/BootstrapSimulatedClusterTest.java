package io.kubelauncher.kubernetes.source;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubelauncher.api.plugin.PluginException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bootstrap starts the first lists while the access reviews are under way (the time saved is in
 * BENCHMARKS.md); a refusal must still be named, and must stop the lists it let start.
 */
class BootstrapSimulatedClusterTest {

    @RegisterExtension
    final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(1);

    @Test
    void aMissingListPermissionIsNamedAndTheListsStop() {
        cluster.scenarios().deny("list", "events");
        InProcessPlugin plugin = cluster.plugin();

        // named by the access review, not by the lists' own timeout ("could not list events within 20 s")
        assertThatThrownBy(() -> plugin.newSource().start()).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("The Kubernetes service account cannot list events in namespace rstudio.");

        // the refused list is not retried for ever in the background of a plugin that failed to start
        long refusedLists = plugin.requests("LIST events");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> plugin.requests("LIST events") == refusedLists);
    }
}
