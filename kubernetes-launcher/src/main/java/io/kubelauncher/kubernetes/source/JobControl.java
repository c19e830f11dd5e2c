package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.translate.ControlRecord;
import io.kubelauncher.kubernetes.translate.JobObjects;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Stop, kill and cancel. Each first records the operation on the Job and suspends it (one PATCH:
 * the annotation makes every instance derive the same final status, suspending keeps the Job
 * controller from starting a replacement pod), then deletes the job's pods: with the stop grace
 * period for stop (the kubelet sends SIGTERM, then SIGKILL when it runs out), at once for kill and
 * cancel. With a shared process namespace the job's process is not PID 1 of its container, so
 * SIGTERM reaches it with the default action and a stopped job exits 143.
 */
final class JobControl {

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final String namespace;
    private final Duration stopGracePeriod;
    private final Clock clock;
    private final ObjectMapper mapper;

    JobControl(KubernetesClient client, ClusterCache cache, String namespace, Duration stopGracePeriod, Clock clock, ObjectMapper mapper) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    ControlResult control(Job job, JobOperation operation) {
        ControlRecord.Operation recorded;
        long grace;
        switch (operation) {
            case STOP -> {
                recorded = ControlRecord.Operation.STOP;
                grace = stopGracePeriod.toSeconds();
            }
            case KILL -> {
                recorded = ControlRecord.Operation.KILL;
                grace = 0;
            }
            case CANCEL -> {
                recorded = ControlRecord.Operation.CANCEL;
                grace = 0;
            }
            default -> throw PluginException.invalidRequest("Operation " + operation.verb()
                    + " is not supported on Kubernetes: a Kubernetes job cannot be " + (operation == JobOperation.SUSPEND ? "suspended" : "resumed")
                    + "; stop or kill it instead");
        }
        List<Pod> pods = cache.objects(job.id()).map(JobObjects::pods).orElse(List.of());
        try {
            record(job.id(), new ControlRecord(recorded, clock.instant()));
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw PluginException.jobNotFound(job.id());
            }
            return ControlResult.failed("Could not " + operation.verb() + " job " + job.id() + ": " + e.getMessage());
        }
        for (Pod pod : pods) {
            try {
                client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).withGracePeriod(grace).delete();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    return ControlResult.failed("Recorded the " + operation.verb() + " of job " + job.id()
                            + " but could not delete its pod " + pod.getMetadata().getName() + ": " + e.getMessage());
                }
            }
        }
        return ControlResult.done(switch (operation) {
            case STOP -> "Sent SIGTERM to job " + job.id() + " (SIGKILL after " + stopGracePeriod.toSeconds() + " s)";
            case KILL -> "Killed job " + job.id();
            default -> "Canceled job " + job.id();
        });
    }

    private void record(String jobName, ControlRecord record) {
        ObjectNode patch = mapper.createObjectNode();
        ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
        record.annotations().forEach(annotations::put);
        patch.putObject("spec").put("suspend", true);
        var patched = client.batch().v1().jobs().inNamespace(namespace).withName(jobName)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mapper.writeValueAsString(patch));
        cache.offer(patched);
    }
}
