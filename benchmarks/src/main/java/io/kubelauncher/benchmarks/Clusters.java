package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.time.Duration;

/** The cluster every suite runs on: one namespace, two nodes of this machine's size. */
final class Clusters {

    static final String NAMESPACE = "rstudio";

    private Clusters() {
    }

    static SimulatedCluster start() {
        return SimulatedCluster.builder().namespace(NAMESPACE).nodes(2).watchTimeout(Duration.ofMinutes(5)).start();
    }
}
