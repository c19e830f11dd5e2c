package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.kubernetes.translate.JobObjects;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a job can be reached: the node it runs on and that node's addresses, which is where its
 * Service's NodePorts listen. Reading the node needs the optional cluster role on nodes; without it
 * (403) the pod's hostIP, the node's internal address, is all we report (admin guide).
 */
final class NetworkLookup {

    private static final Logger log = LoggerFactory.getLogger(NetworkLookup.class);

    private final KubernetesClient client;
    private final AtomicBoolean warnedNoNodeAccess = new AtomicBoolean();

    NetworkLookup(KubernetesClient client) {
        this.client = client;
    }

    JobNetwork lookup(JobObjects objects) {
        Pod pod = objects.pod().orElse(null);
        if (pod == null || pod.getSpec() == null || pod.getSpec().getNodeName() == null) {
            return new JobNetwork("", List.of());
        }
        String nodeName = pod.getSpec().getNodeName();
        Set<String> addresses = new LinkedHashSet<>();
        String host = nodeName;
        try {
            Node node = client.nodes().withName(nodeName).get();
            if (node != null && node.getStatus() != null && node.getStatus().getAddresses() != null) {
                for (NodeAddress a : node.getStatus().getAddresses()) {
                    if ("Hostname".equals(a.getType())) {
                        host = a.getAddress();
                    } else if ("InternalIP".equals(a.getType()) || "ExternalIP".equals(a.getType())) {
                        addresses.add(a.getAddress());
                    }
                }
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403 && warnedNoNodeAccess.compareAndSet(false, true)) {
                log.warn("Not permitted to read nodes ({}): job network info reports the pod's host IP only, without the node's "
                        + "external address; grant the optional ClusterRole on nodes (get) to report both. Said once.", e.getMessage());
            }
            if (e.getCode() != 403 && e.getCode() != 404) {
                throw new PluginException(io.kubelauncher.api.plugin.ErrorCode.UNKNOWN,
                        "Could not look up node " + nodeName + " of job " + objects.name() + ": " + e.getMessage(), e);
            }
        }
        if (pod.getStatus() != null && pod.getStatus().getHostIP() != null) {
            addresses.add(pod.getStatus().getHostIP());
        }
        List<String> usable = new ArrayList<>();
        for (String a : addresses) {
            if (routable(a)) {
                usable.add(a);
            }
        }
        return new JobNetwork(host, usable);
    }

    private static boolean routable(String address) {
        try {
            InetAddress ip = InetAddress.getByName(address);
            return !ip.isLoopbackAddress() && !ip.isLinkLocalAddress() && !ip.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
