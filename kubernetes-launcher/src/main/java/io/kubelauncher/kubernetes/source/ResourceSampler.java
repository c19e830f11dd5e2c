package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.translate.JobObjects;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples a running job's CPU and memory from the metrics API (metrics-server's PodMetrics) at a fixed
 * interval. PodMetrics gives the current CPU rate and working-set memory: {@code cpuPercent} is the
 * rate as a percentage of one core, {@code cpuTime} the rate integrated over the samples (see
 * {@link CpuTime}); virtual memory is unknown (omitted). Ends with {@code complete} when the job
 * leaves Running, or after repeated failures (no metrics-server).
 */
final class ResourceSampler implements StreamHandle {

    private static final int MAX_FAILURES = 5;
    private static final BigDecimal MB = BigDecimal.valueOf(1024 * 1024);

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final JobTracker tracker;
    private final String namespace;
    private final String jobId;
    private final ResourceSink sink;
    private final CpuTime cpuTime = new CpuTime();
    private int failures;
    private ScheduledFuture<?> task;

    ResourceSampler(KubernetesClient client, ClusterCache cache, JobTracker tracker, String namespace, String jobId, ResourceSink sink) {
        this.client = client;
        this.cache = cache;
        this.tracker = tracker;
        this.namespace = namespace;
        this.jobId = jobId;
        this.sink = sink;
    }

    void start(ScheduledExecutorService scheduler, Duration interval) {
        task = scheduler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        if (sink.isClosed()) {
            cancel();
            return;
        }
        Optional<JobObjects> objects = cache.objects(jobId);
        if (objects.isEmpty() || tracker.read(objects.get()).status() != JobStatus.RUNNING) {
            sink.complete();
            cancel();
            return;
        }
        Optional<String> pod = objects.get().pod().map(p -> p.getMetadata().getName());
        if (pod.isEmpty()) {
            return;
        }
        try {
            PodMetrics metrics = client.top().pods().metrics(namespace, pod.get());
            failures = 0;
            String main = objects.get().mainContainerName();
            for (ContainerMetrics c : metrics.getContainers()) {
                if (main.equals(c.getName()) && c.getUsage() != null) {
                    sink.utilisation(utilisation(c.getUsage().get("cpu"), c.getUsage().get("memory"), cpuSeconds(metrics, c.getUsage().get("cpu"))));
                }
            }
        } catch (KubernetesClientException e) {
            // 404 while metrics-server has not scraped the new pod yet; persistent failure ends the stream
            if (++failures >= MAX_FAILURES) {
                sink.complete();
                cancel();
            }
        }
    }

    /** The CPU time so far, or null when the sample does not say when it was taken or over what window. */
    private Double cpuSeconds(PodMetrics metrics, Quantity cpu) {
        if (cpu == null || metrics.getTimestamp() == null || metrics.getWindow() == null) {
            return null;
        }
        try {
            return cpuTime.add(java.time.Instant.parse(metrics.getTimestamp()), metrics.getWindow().getDuration(),
                    cpu.getNumericalAmount().doubleValue());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static ResourceUtilisation utilisation(Quantity cpu, Quantity memory, Double cpuSeconds) {
        Double cpuPercent = cpu == null ? null : cpu.getNumericalAmount().multiply(BigDecimal.valueOf(100)).doubleValue();
        Double resident = memory == null ? null : Quantity.getAmountInBytes(memory).divide(MB, 3, java.math.RoundingMode.HALF_UP).doubleValue();
        return new ResourceUtilisation(cpuPercent, cpuSeconds, null, resident);
    }

    @Override
    public void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
