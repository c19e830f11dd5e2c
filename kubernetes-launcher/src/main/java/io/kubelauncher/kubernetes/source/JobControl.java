package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stop, kill and cancel. Each first records the operation on the Job (one PATCH: the annotation
 * makes every instance derive the same final status), then acts on it.
 *
 * <p>Stop follows {@code shared-process-namespace}, read from the Job's own pod template (what the
 * pod really runs with, whichever template or instance made it). With a shared process namespace
 * PID 1 is the pod's pause process, so an exec of {@code kill -TERM -1} in the job's container (once
 * a shell has checked that PID 1 is indeed the pause process) sends
 * SIGTERM to every process of the job, not only to the container's main process as the kubelet
 * would; the job ends on its own (143 unless it handles the signal) and its pod stays, with its log,
 * until expiry. What still runs after the stop grace period gets {@code kill -KILL -1} the same way.
 * Without a shared process namespace the job's process is PID 1 of its container, which ignores
 * a signal it does not handle, so stop deletes the pod with the grace period instead (the kubelet
 * sends SIGTERM, then SIGKILL when the grace period runs out). If the exec fails (no {@code kill}
 * in the image, pods/exec not allowed, the container not running yet) stop falls back to that too.
 *
 * <p>Kill, cancel and a stop by deletion also suspend the Job, which keeps the Job controller from
 * starting a replacement pod. A stop by signal does not: suspending makes the Job controller delete
 * the pod (and its log), and with {@code backoffLimit: 0} a pod that ends is not replaced anyway.
 */
final class JobControl {

    private static final Logger log = LoggerFactory.getLogger(JobControl.class);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final String namespace;
    private final Duration stopGracePeriod;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;

    JobControl(KubernetesClient client, ClusterCache cache, String namespace, Duration stopGracePeriod, Clock clock, ObjectMapper mapper,
               ScheduledExecutorService scheduler) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
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
        Optional<JobObjects> objects = cache.objects(job.id());
        List<Pod> pods = objects.map(JobObjects::pods).orElse(List.of());
        Optional<Pod> signalled = operation == JobOperation.STOP ? objects.filter(JobControl::sharesProcessNamespace)
                .flatMap(JobControl::runningPod) : Optional.empty();
        try {
            record(job.id(), new ControlRecord(recorded, clock.instant()), signalled.isEmpty());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                throw PluginException.jobNotFound(job.id());
            }
            return ControlResult.failed("Could not " + operation.verb() + " job " + job.id() + ": " + e.getMessage());
        }
        if (signalled.isPresent()) {
            String container = objects.get().mainContainerName();
            String pod = signalled.get().getMetadata().getName();
            Optional<String> refused = signalEveryProcess(pod, container, "TERM");
            if (refused.isEmpty()) {
                scheduler.schedule(() -> killIfStillRunning(job.id(), pod, container), stopGracePeriod.toMillis(), TimeUnit.MILLISECONDS);
                return ControlResult.done("Sent SIGTERM to the processes of job " + job.id() + " (SIGKILL after " + stopGracePeriod.toSeconds() + " s)");
            }
            log.warn("could not signal the processes of job {} through exec ({}); deleting its pod with a {} s grace period instead",
                    job.id(), refused.get(), stopGracePeriod.toSeconds());
            try {
                suspend(job.id());
            } catch (KubernetesClientException e) {
                log.warn("could not suspend job {}: {}", job.id(), e.getMessage());
            }
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

    private static boolean sharesProcessNamespace(JobObjects objects) {
        var template = objects.job().getSpec() == null || objects.job().getSpec().getTemplate() == null ? null
                : objects.job().getSpec().getTemplate().getSpec();
        return template != null && Boolean.TRUE.equals(template.getShareProcessNamespace());
    }

    private static Optional<Pod> runningPod(JobObjects objects) {
        String main = objects.mainContainerName();
        return objects.pod().filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
                && p.getStatus().getContainerStatuses() != null && p.getStatus().getContainerStatuses().stream()
                .anyMatch(cs -> main.equals(cs.getName()) && cs.getState() != null && cs.getState().getRunning() != null));
    }

    /**
     * {@code kill -SIGNAL -1} in the job's container: every process the job's user may signal but the
     * pause process (PID 1) and the kill itself. Only once the shell has checked that PID 1 is the
     * pause process: {@code kill -1} anywhere else (a pod without a shared namespace, or a stand-in
     * cluster that runs execs on its own host) would signal far more than the job. Empty when it
     * worked, else why not.
     */
    private Optional<String> signalEveryProcess(String pod, String container, String signal) {
        String script = "test \"$(cat /proc/1/comm)\" = pause && exec kill -" + signal + " -1";
        try (ExecWatch exec = client.pods().inNamespace(namespace).withName(pod).inContainer(container)
                .redirectingOutput().redirectingError().exec("/bin/sh", "-c", script)) {
            Integer code = exec.exitCode().get(EXEC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return code != null && code == 0 ? Optional.empty() : Optional.of("kill exited with " + code);
        } catch (KubernetesClientException e) {
            return Optional.of(e.getMessage());
        } catch (ExecutionException e) {
            return Optional.of(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + EXEC_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * The end of a stop's grace period: what still runs gets SIGKILL the same way (the pod and its
     * log stay), or, when that fails, the pod is deleted without grace period.
     */
    private void killIfStillRunning(String jobName, String pod, String container) {
        boolean running = cache.objects(jobName).flatMap(JobControl::runningPod)
                .filter(p -> p.getMetadata().getName().equals(pod)).isPresent();
        if (!running) {
            return;
        }
        log.info("job {} still runs {} s after SIGTERM; sending SIGKILL", jobName, stopGracePeriod.toSeconds());
        Optional<String> refused = signalEveryProcess(pod, container, "KILL");
        if (refused.isEmpty()) {
            return;
        }
        log.warn("could not send SIGKILL to the processes of job {} ({}); deleting its pod", jobName, refused.get());
        try {
            client.pods().inNamespace(namespace).withName(pod).withGracePeriod(0).delete();
        } catch (KubernetesClientException e) {
            log.warn("could not delete pod {} of stopped job {}: {}", pod, jobName, e.getMessage());
        }
    }

    private void suspend(String jobName) {
        ObjectNode patch = mapper.createObjectNode();
        patch.putObject("spec").put("suspend", true);
        client.batch().v1().jobs().inNamespace(namespace).withName(jobName).patch(PatchContext.of(PatchType.JSON_MERGE), mapper.writeValueAsString(patch));
    }

    private void record(String jobName, ControlRecord record, boolean suspend) {
        ObjectNode patch = mapper.createObjectNode();
        ObjectNode annotations = patch.putObject("metadata").putObject("annotations");
        record.annotations().forEach(annotations::put);
        if (suspend) {
            patch.putObject("spec").put("suspend", true);
        }
        // Patching through the cached object spares Fabric8's GET of the Job before the PATCH.
        var cached = cache.objects(jobName).map(JobObjects::job);
        var resource = cached.isPresent()
                ? client.batch().v1().jobs().inNamespace(namespace).resource(cached.get())
                : client.batch().v1().jobs().inNamespace(namespace).withName(jobName);
        var patched = resource.patch(PatchContext.of(PatchType.JSON_MERGE), mapper.writeValueAsString(patch));
        cache.offer(patched);
    }
}
