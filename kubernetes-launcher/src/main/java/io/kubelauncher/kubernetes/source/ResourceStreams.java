package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.kubernetes.cache.ClusterCache;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The resource streams of all jobs: one {@link ResourceSampler} per job with at least one open
 * stream, shared by all of them, and none for a job nobody watches. (The plugin runtime already
 * shares one source stream per job among the Launcher's requests; this keeps the cluster load at
 * one PodMetrics request per job and interval whoever opens streams, e.g. a stream reopened while
 * the previous one is still winding down.)
 */
final class ResourceStreams {

    private final PodMetricsReader metrics;
    private final ClusterCache cache;
    private final JobTracker tracker;
    private final String namespace;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final int notScrapedLimit;
    private final Map<String, ResourceSampler> samplers = new HashMap<>();

    ResourceStreams(PodMetricsReader metrics, ClusterCache cache, JobTracker tracker, String namespace,
                    ScheduledExecutorService scheduler, Duration interval, Duration firstScrapeGrace) {
        this.metrics = metrics;
        this.cache = cache;
        this.tracker = tracker;
        this.namespace = namespace;
        this.scheduler = scheduler;
        this.interval = interval;
        this.notScrapedLimit = (int) Math.max(ResourceSampler.MAX_FAILURES, firstScrapeGrace.toMillis() / Math.max(1, interval.toMillis()));
    }

    /** Opens a stream of the job's figures into the sink; cancelling the handle leaves the stream. */
    StreamHandle open(String jobId, ResourceSink sink) {
        while (true) {
            ResourceSampler sampler;
            synchronized (samplers) {
                sampler = samplers.computeIfAbsent(jobId, id -> new ResourceSampler(metrics, cache, tracker, namespace, id, notScrapedLimit, this::stopped));
            }
            if (sampler.join(sink, scheduler, interval)) {
                return () -> sampler.leave(sink);
            }
            // it stopped between the lookup and the join; it removes itself, or has already
            stopped(sampler);
        }
    }

    /** The number of jobs whose PodMetrics are being polled. */
    int sampledJobs() {
        synchronized (samplers) {
            return (int) samplers.values().stream().filter(ResourceSampler::sampling).count();
        }
    }

    private void stopped(ResourceSampler sampler) {
        synchronized (samplers) {
            samplers.remove(sampler.jobId(), sampler);
        }
    }
}
