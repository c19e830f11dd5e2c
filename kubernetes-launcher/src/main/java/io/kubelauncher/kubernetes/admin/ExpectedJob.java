package io.kubelauncher.kubernetes.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the plugin will read back from the objects rendered for one {@code .Job} context: the values
 * the structural checks compare the rendered YAML against.
 *
 * @param instanceId the launcher instance id, or null when the job carries none
 * @param servicePortCount how many exposed ports go through the Service (those without a
 *     published host port)
 */
record ExpectedJob(
        String user,
        String name,
        String image,
        String stdin,
        String servicePortsJson,
        String instanceId,
        String id,
        String serviceName,
        List<String> tags,
        boolean hasMetadata,
        int servicePortCount) {

    ExpectedJob {
        tags = List.copyOf(tags);
    }

    /** Reads the expectations from a {@code .Job} template context (the map under {@code Job}). */
    static ExpectedJob fromContext(Map<?, ?> job) {
        Map<?, ?> container = job.get("container") instanceof Map<?, ?> c ? c : Map.of();
        List<String> tags = new ArrayList<>();
        if (job.get("tags") instanceof List<?> list) {
            for (Object tag : list) {
                tags.add(String.valueOf(tag));
            }
        }
        int servicePorts = 0;
        if (job.get("exposedPorts") instanceof List<?> ports) {
            for (Object port : ports) {
                if (port instanceof Map<?, ?> p && !truthy(p.get("publishedPort"))) {
                    servicePorts++;
                }
            }
        }
        String instanceId = string(job, "instanceId");
        return new ExpectedJob(
                string(job, "user"),
                string(job, "name"),
                string(container, "image"),
                string(job, "stdin"),
                string(job, "servicePortsJson"),
                instanceId == null || instanceId.isEmpty() ? null : instanceId,
                string(job, "id"),
                string(job, "serviceName"),
                tags,
                truthy(job.get("metadata")),
                servicePorts);
    }

    private static String string(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** Go template truthiness, which is what decides whether a template emits a piece. */
    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof List<?> l) {
            return !l.isEmpty();
        }
        return true;
    }
}
