package io.kubelauncher.kubernetes.translate;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites the scheduler's "0/3 nodes are available: 3 Insufficient memory. preemption: ..." into
 * "Waiting for a node: 0/3 nodes have enough memory (asked 64 GiB)".
 */
final class SchedulingMessage {

    private static final Pattern SUMMARY = Pattern.compile("^(\\d+)/(\\d+) nodes are available: (.*?)\\.?(?: preemption:.*)?$", Pattern.DOTALL);
    private static final Pattern REASON = Pattern.compile("^(\\d+) (.*)$");

    private SchedulingMessage() {
    }

    static String describe(String schedulerMessage, Pod pod) {
        if (schedulerMessage == null || schedulerMessage.isBlank()) {
            return "Waiting for a node";
        }
        Matcher m = SUMMARY.matcher(schedulerMessage.trim());
        if (!m.matches()) {
            return "Waiting for a node: " + schedulerMessage.trim();
        }
        String available = m.group(1);
        String total = m.group(2);
        List<String> parts = new ArrayList<>();
        List<String> reasons = splitReasons(m.group(3));
        if (reasons.size() == 1) {
            Matcher r = REASON.matcher(reasons.get(0));
            if (r.matches() && r.group(1).equals(total)) {
                return "Waiting for a node: " + available + "/" + total + " nodes " + allNodesPhrase(r.group(2), pod);
            }
        }
        for (String reason : reasons) {
            Matcher r = REASON.matcher(reason);
            parts.add(r.matches() ? r.group(1) + " " + someNodesPhrase(r.group(2), pod) : reason);
        }
        return "Waiting for a node: " + available + "/" + total + " nodes can run it (" + String.join(", ", parts) + ")";
    }

    /** Reasons are separated by ", " but a taint "{key: value}" may itself contain ", ". */
    private static List<String> splitReasons(String reasons) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < reasons.length(); i++) {
            char c = reasons.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0 && i + 1 < reasons.length() && reasons.charAt(i + 1) == ' ') {
                out.add(reasons.substring(start, i).trim());
                start = i + 2;
            }
        }
        out.add(reasons.substring(start).trim());
        return out;
    }

    private static String allNodesPhrase(String reason, Pod pod) {
        if (reason.startsWith("Insufficient ")) {
            String resource = reason.substring("Insufficient ".length());
            return "have enough " + resourceName(resource) + asked(resource, pod);
        }
        if (reason.contains("didn't match Pod's node affinity/selector") || reason.contains("didn't match node selector")) {
            return "match the placement constraints" + constraints(pod);
        }
        if (reason.contains("untolerated taint")) {
            return "accept this job (they are reserved by a taint)";
        }
        return "are usable: " + reason;
    }

    private static String someNodesPhrase(String reason, Pod pod) {
        if (reason.startsWith("Insufficient ")) {
            String resource = reason.substring("Insufficient ".length());
            return "without enough " + resourceName(resource) + asked(resource, pod);
        }
        if (reason.contains("didn't match Pod's node affinity/selector") || reason.contains("didn't match node selector")) {
            return "not matching the placement constraints" + constraints(pod);
        }
        if (reason.contains("untolerated taint")) {
            return "reserved by a taint";
        }
        return reason;
    }

    private static String resourceName(String resource) {
        return switch (resource) {
            case "memory" -> "memory";
            case "cpu" -> "CPU";
            case "nvidia.com/gpu" -> "NVIDIA GPUs";
            case "amd.com/gpu" -> "AMD GPUs";
            case "ephemeral-storage" -> "disk space";
            default -> resource;
        };
    }

    private static String asked(String resource, Pod pod) {
        return request(pod, resource)
                .map(q -> " (asked " + (resource.equals("memory") ? Amounts.memory(q)
                        : resource.equals("cpu") ? Amounts.cpus(q) : q.toString()) + ")")
                .orElse("");
    }

    /** The scheduler compares requests (which default to limits), summed over the pod's containers. */
    private static Optional<Quantity> request(Pod pod, String resource) {
        if (pod.getSpec() == null) {
            return Optional.empty();
        }
        Quantity total = null;
        for (Container c : pod.getSpec().getContainers()) {
            ResourceRequirements r = c.getResources();
            if (r == null) {
                continue;
            }
            Quantity q = r.getRequests() != null ? r.getRequests().get(resource) : null;
            if (q == null && r.getLimits() != null) {
                q = r.getLimits().get(resource);
            }
            if (q != null) {
                total = total == null ? q : total.add(q);
            }
        }
        return Optional.ofNullable(total);
    }

    private static String constraints(Pod pod) {
        Map<String, String> selector = pod.getSpec() == null ? null : pod.getSpec().getNodeSelector();
        if (selector == null || selector.isEmpty()) {
            return "";
        }
        return " (" + selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ")";
    }
}
