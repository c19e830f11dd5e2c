package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.testkit.cluster.Scenarios;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A fresh {@link SimulatedCluster} (namespace {@code rstudio}) for each test, and the plugin
 * processes the test starts on it; after the test the processes are closed, then the cluster.
 * (The testkit's {@code SimulatedClusterExtension} shares one cluster across a class instead.)
 * <pre>{@code
 * @RegisterExtension
 * final FreshSimulatedCluster cluster = FreshSimulatedCluster.withNodes(2);
 * ...
 * KubernetesJobSource source = cluster.plugin().newSource().stopGrace(Duration.ofMillis(500)).start();
 * }</pre>
 */
final class FreshSimulatedCluster implements BeforeEachCallback, AfterEachCallback {

    private final int nodes;
    private final List<InProcessPlugin> plugins = new ArrayList<>();
    private SimulatedCluster cluster;

    private FreshSimulatedCluster(int nodes) {
        this.nodes = nodes;
    }

    static FreshSimulatedCluster withNodes(int nodes) {
        return new FreshSimulatedCluster(nodes);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(nodes).start();
    }

    /** A new plugin process on the cluster, closed after the test unless the test closes it first. */
    InProcessPlugin plugin() {
        InProcessPlugin plugin = new InProcessPlugin(cluster);
        plugins.add(plugin);
        return plugin;
    }

    /** What the cluster is told to do wrong (deny, fail, delay, drop). */
    Scenarios scenarios() {
        return cluster.scenarios();
    }

    /** The cluster's own client, to look at what the plugin created. */
    KubernetesClient client() {
        return cluster.client();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        for (InProcessPlugin plugin : plugins) {
            try {
                plugin.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        plugins.clear();
        cluster.close();
        if (failure != null) {
            throw failure;
        }
    }
}
