package io.kubelauncher.kubernetes.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test job {@code --validate-templates} renders the templates for: every field of the admin
 * guide's {@code .Job} table set, and every optional piece the templates emit conditionally (tags,
 * metadata, an exposed port, a launcher instance id) present, so that the checks see all of them.
 */
final class ValidationJob {

    private ValidationJob() {
    }

    /** A fresh, mutable {@code .Job} context. */
    static Map<String, Object> context() {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("image", "rstudio/r-session-complete:validation");
        container.put("runAsUserId", 1000L);
        container.put("runAsGroupId", 1000L);
        container.put("supplementalGroupIds", List.of(1000L, 2000L));

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("validation", Map.of("purpose", "template validation"));

        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", "launcher-validation-job-x1y2z");
        job.put("cluster", "Kubernetes");
        job.put("generateName", "launcher-validation-job-");
        job.put("name", "Template validation job");
        job.put("user", "validation-user");
        job.put("workingDirectory", "/home/validation-user");
        job.put("container", container);
        job.put("host", "");
        job.put("command", "");
        job.put("exe", "/usr/bin/env");
        job.put("stdin", "validation stdin");
        job.put("args", List.of("echo", "hello"));
        job.put("environment", List.of(Map.of("name", "VALIDATION", "value", "1")));
        job.put("placementConstraints", List.of());
        job.put("exposedPorts", List.of(Map.of("protocol", "TCP", "targetPort", 8787L)));
        job.put("metadata", metadata);
        job.put("mounts", List.of());
        job.put("config", List.of());
        job.put("resourceLimits", List.of(
                Map.of("type", "cpuCount", "value", "1"),
                Map.of("type", "memory", "value", "512")));
        job.put("volumes", List.of());
        job.put("volumeMounts", List.of());
        job.put("tags", List.of("validation-tag-0", "validation-tag-1"));
        job.put("servicePortsJson", "[{\"protocol\":\"TCP\",\"targetPort\":8787}]");
        job.put("shareProcessNamespace", Boolean.TRUE);
        job.put("memoryRequestRatio", 1.0);
        job.put("cpuRequestRatio", 1.0);
        job.put("serviceAccountName", "");
        job.put("instanceId", "validation-instance");
        job.put("serviceName", "launcher-validation-job-x1y2z-svc");
        return job;
    }
}
