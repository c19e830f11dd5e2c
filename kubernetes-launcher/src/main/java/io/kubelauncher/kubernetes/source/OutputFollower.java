package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cache.JobChangeListener;
import io.kubelauncher.kubernetes.translate.JobObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One output stream: the main container's log, followed. Waits while the job is Pending; follows
 * while it runs; when the log connection ends it completes if the container is done (the kubelet
 * closes the follow after the last byte), else reconnects from the last line's time. Kubernetes
 * keeps one combined log per container, so chunks are {@code mixed}.
 */
final class OutputFollower implements JobChangeListener, StreamHandle {

    private static final Logger log = LoggerFactory.getLogger(OutputFollower.class);
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);
    private static final int MAX_DRAIN_ATTEMPTS = 5;

    private enum State { WAITING, STREAMING, DONE }

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final JobTracker tracker;
    private final String namespace;
    private final String jobId;
    private final OutputSink sink;
    private final ScheduledExecutorService scheduler;
    private final TimestampedLines lines;
    private State state = State.WAITING;
    private PodLogFollow watch;
    private int brokenAfterExit;

    OutputFollower(KubernetesClient client, ClusterCache cache, JobTracker tracker, String namespace, String jobId,
                   OutputSink sink, ScheduledExecutorService scheduler) {
        this.client = client;
        this.cache = cache;
        this.tracker = tracker;
        this.namespace = namespace;
        this.jobId = jobId;
        this.sink = sink;
        this.scheduler = scheduler;
        this.lines = new TimestampedLines(text -> sink.output(text, OutputType.MIXED));
    }

    void start() {
        cache.addListener(this);
        scheduler.execute(() -> jobChanged(jobId, false));
    }

    @Override
    public void jobChanged(String jobName, boolean removed) {
        if (!jobId.equals(jobName)) {
            return;
        }
        synchronized (this) {
            if (state != State.WAITING) {
                return;
            }
            if (removed) {
                finish();
                return;
            }
            Optional<JobObjects> objects = cache.objects(jobId);
            Optional<Job> job = objects.map(tracker::read);
            if (job.isEmpty()) {
                finish();
                return;
            }
            if (job.get().status() == JobStatus.PENDING) {
                return;
            }
            Optional<Pod> pod = objects.get().pod().filter(p -> started(p, objects.get().mainContainerName()));
            if (pod.isEmpty()) {
                if (job.get().status().isTerminal() && (objects.get().pod().isEmpty() || job.get().status() != JobStatus.FINISHED)) {
                    // it never ran (Failed, Canceled) or its pod is gone: there is no output. A Finished job did run: its
                    // Job's Complete condition can reach the cache before its pod's terminated state, so wait for the pod.
                    finish();
                }
                return;
            }
            follow(pod.get().getMetadata().getName(), objects.get().mainContainerName(), Optional.empty());
        }
    }

    private static boolean started(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            if (container.equals(cs.getName()) && cs.getState() != null
                    && (cs.getState().getRunning() != null || cs.getState().getTerminated() != null)) {
                return true;
            }
        }
        return false;
    }

    private void follow(String pod, String container, Optional<Instant> since) {
        state = State.STREAMING;
        PodLogFollow follow = PodLogFollow.start(client, namespace, pod, container, since, lines);
        watch = follow;
        follow.ended().whenComplete((done, failure) -> closed(pod, container, failure));
    }

    private void closed(String pod, String container, Throwable error) {
        synchronized (this) {
            if (state == State.DONE) {
                return;
            }
            Optional<JobObjects> objects = cache.objects(jobId);
            Optional<Pod> current = objects.flatMap(JobObjects::pod).filter(p -> pod.equals(p.getMetadata().getName()));
            boolean exited = current.map(p -> exited(p, container)).orElse(true);
            boolean terminal = objects.map(tracker::read).map(j -> j.status().isTerminal()).orElse(true);
            // A clean end after the container exited is the whole log. A broken connection is resumed
            // even then, to drain what the container wrote after the break, unless the pod is gone or
            // the log keeps failing.
            boolean drained = error == null || current.isEmpty() || ++brokenAfterExit > MAX_DRAIN_ATTEMPTS;
            if ((exited || terminal) && drained) {
                if (error == null) {
                    lines.finish();
                }
                finish();
                return;
            }
            if (!exited && !terminal) {
                brokenAfterExit = 0;
            }
            if (error != null) {
                log.debug("log of pod {} broke ({}); resuming", pod, error.toString());
            }
            Optional<Instant> since = lines.resumeFrom();
            scheduler.schedule(() -> {
                synchronized (this) {
                    if (state == State.STREAMING && !sink.isClosed()) {
                        follow(pod, container, since);
                    }
                }
            }, RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static boolean exited(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .anyMatch(cs -> container.equals(cs.getName()) && cs.getState() != null && cs.getState().getTerminated() != null);
    }

    private void finish() {
        state = State.DONE;
        cache.removeListener(this);
        sink.complete();
    }

    void fail(String message) {
        synchronized (this) {
            state = State.DONE;
        }
        cache.removeListener(this);
        sink.fail(ErrorCode.JOB_OUTPUT_NOT_FOUND, message);
    }

    @Override
    public void cancel() {
        PodLogFollow w;
        synchronized (this) {
            state = State.DONE;
            w = watch;
        }
        cache.removeListener(this);
        if (w != null) {
            w.close();
        }
    }
}
