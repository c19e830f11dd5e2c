package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.translate.JobObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples one running job's CPU and memory from the metrics API (metrics-server's PodMetrics) at a
 * fixed interval, for every resource stream open on that job: one request per interval however many
 * streams share it, and none once the last stream has left ({@link ResourceStreams} starts and drops
 * samplers).
 *
 * <p>Figures, from the job's main container: {@code residentMemory} is the working set in MB;
 * {@code cpuPercent} is the CPU rate as a percentage of the container's CPU <em>limit</em>, or of one
 * core when the container has no CPU limit (so an unlimited job using two cores reports 200);
 * {@code cpuTime} is the rate integrated over the samples since this sampler started (see
 * {@link CpuTime}; metrics-server keeps no cumulative counter); virtual memory is unknown (omitted).
 *
 * <p>Ends every stream with {@code complete} when the job leaves Running. When the metrics API cannot
 * answer, every stream gets one Error and the sampler stops: at once when the API group is not served
 * (no metrics-server) or the service account may not read PodMetrics (403); when the pod still has
 * no PodMetrics (404) after a grace period (a new pod has none until metrics-server first scrapes it);
 * after {@value #MAX_FAILURES} other failures in a row.
 */
final class ResourceSampler {

    static final int MAX_FAILURES = 5;
    private static final Logger log = LoggerFactory.getLogger(ResourceSampler.class);
    private static final BigDecimal MB = BigDecimal.valueOf(1024 * 1024);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private enum State { NEW, SAMPLING, STOPPED }

    private final PodMetricsReader metrics;
    private final ClusterCache cache;
    private final JobTracker tracker;
    private final String namespace;
    private final String jobId;
    private final Consumer<ResourceSampler> onStop;
    private final CpuTime cpuTime = new CpuTime();
    private final Set<ResourceSink> sinks = new LinkedHashSet<>();
    private State state = State.NEW;
    private ScheduledFuture<?> task;
    private final int notScrapedLimit;
    private int failures;
    private int notScraped;
    private Boolean apiServed;

    /**
     * @param notScrapedLimit how many 404s in a row mean the pod will not get PodMetrics (metrics-server
     *     scrapes every 15 to 60 s, so a new pod answers 404 for a while)
     * @param onStop told once when the sampler stops, so that a later stream starts a new one
     */
    ResourceSampler(PodMetricsReader metrics, ClusterCache cache, JobTracker tracker, String namespace, String jobId,
                    int notScrapedLimit, Consumer<ResourceSampler> onStop) {
        this.notScrapedLimit = notScrapedLimit;
        this.metrics = metrics;
        this.cache = cache;
        this.tracker = tracker;
        this.namespace = namespace;
        this.jobId = jobId;
        this.onStop = onStop;
    }

    String jobId() {
        return jobId;
    }

    /**
     * Adds a stream; the first one starts sampling.
     *
     * @return false if this sampler has stopped (the caller starts a new one)
     */
    boolean join(ResourceSink sink, ScheduledExecutorService scheduler, Duration interval) {
        synchronized (this) {
            if (state == State.STOPPED) {
                return false;
            }
            sinks.add(sink);
            if (state == State.SAMPLING) {
                return true;
            }
            state = State.SAMPLING;
            task = scheduler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
    }

    /** Removes a stream (cancelled by the Launcher); the last one to leave stops sampling. */
    void leave(ResourceSink sink) {
        boolean last;
        synchronized (this) {
            last = sinks.remove(sink) && sinks.isEmpty();
        }
        if (last) {
            stop();
        }
    }

    /** True while PodMetrics are being requested on a schedule. */
    synchronized boolean sampling() {
        return state == State.SAMPLING;
    }

    private void sample() {
        List<ResourceSink> open = openSinks();
        if (open.isEmpty()) {
            stop();
            return;
        }
        Optional<JobObjects> objects = cache.objects(jobId);
        if (objects.isEmpty() || tracker.read(objects.get()).status() != JobStatus.RUNNING) {
            stop().forEach(ResourceSink::complete);
            return;
        }
        Optional<String> pod = objects.get().pod().map(p -> p.getMetadata().getName());
        if (pod.isEmpty()) {
            return;
        }
        PodMetrics answer;
        try {
            answer = metrics.pod(namespace, pod.get());
        } catch (KubernetesClientException e) {
            failed(pod.get(), e);
            return;
        }
        failures = 0;
        notScraped = 0;
        ResourceUtilisation figures = figures(objects.get(), answer);
        if (figures != null) {
            open.forEach(sink -> sink.utilisation(figures));
        }
    }

    private synchronized List<ResourceSink> openSinks() {
        sinks.removeIf(ResourceSink::isClosed);
        return new ArrayList<>(sinks);
    }

    private void failed(String pod, KubernetesClientException e) {
        String message;
        ErrorCode code = ErrorCode.UNKNOWN;
        if (e.getCode() == 403) {
            message = "Not permitted to read the resource use of job " + jobId + ": the service account needs 'get' on "
                    + "'pods' in API group 'metrics.k8s.io' in namespace '" + namespace + "' (" + reason(e) + ")";
        } else if (e.getCode() == 404 && !apiServed()) {
            code = ErrorCode.REQUEST_NOT_SUPPORTED;
            message = "Resource use is not available: this cluster does not serve the metrics API (metrics.k8s.io); "
                    + "install metrics-server to stream CPU and memory figures";
        } else if (e.getCode() == 404 && ++notScraped < notScrapedLimit) {
            log.debug("no PodMetrics for {} yet ({} of {}): {}", pod, notScraped, notScrapedLimit, reason(e));
            return;
        } else if (e.getCode() == 404) {
            message = "No resource figures for job " + jobId + ": the metrics API has had no PodMetrics for pod " + pod
                    + " in " + notScraped + " attempts; is metrics-server scraping the pod's node?";
        } else if (++failures < MAX_FAILURES) {
            log.debug("PodMetrics of {} failed ({} of {}): {}", pod, failures, MAX_FAILURES, reason(e));
            return;
        } else {
            message = "No resource figures for job " + jobId + ": the metrics API failed " + failures + " times in a row for pod "
                    + pod + " (last: " + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "") + reason(e) + ")";
        }
        log.warn("resource stream of job {} ends: {}", jobId, message);
        for (ResourceSink sink : stop()) {
            sink.fail(code, message);
        }
    }

    private boolean apiServed() {
        if (apiServed == null) {
            try {
                apiServed = metrics.served();
            } catch (KubernetesClientException e) {
                return true; // unknown: count the failure rather than claim there is no metrics-server
            }
        }
        return apiServed;
    }

    /** Stops sampling; returns the streams that were still open, for the caller to end. */
    private List<ResourceSink> stop() {
        List<ResourceSink> ended;
        synchronized (this) {
            if (state == State.STOPPED) {
                return List.of();
            }
            state = State.STOPPED;
            ended = new ArrayList<>(sinks);
            sinks.clear();
            if (task != null) {
                task.cancel(false);
            }
        }
        onStop.accept(this);
        return ended;
    }

    private ResourceUtilisation figures(JobObjects objects, PodMetrics answer) {
        String main = objects.mainContainerName();
        for (ContainerMetrics c : answer.getContainers()) {
            if (main.equals(c.getName()) && c.getUsage() != null) {
                Quantity cpu = c.getUsage().get("cpu");
                return utilisation(cpu, c.getUsage().get("memory"), cpuLimit(objects, main).orElse(null), cpuSeconds(answer, cpu));
            }
        }
        return null;
    }

    /** The main container's CPU limit, from the pod (or, before there is one, the Job's pod template). */
    static Optional<Quantity> cpuLimit(JobObjects objects, String container) {
        PodSpec spec = objects.pod().map(p -> p.getSpec()).orElse(objects.job().getSpec().getTemplate().getSpec());
        if (spec == null || spec.getContainers() == null) {
            return Optional.empty();
        }
        return spec.getContainers().stream().filter(c -> container.equals(c.getName())).findFirst()
                .map(Container::getResources)
                .map(r -> r.getLimits() == null ? null : r.getLimits().get("cpu"))
                .filter(q -> q.getNumericalAmount().signum() > 0);
    }

    /** The CPU time so far, or null when the sample does not say when it was taken or over what window. */
    private Double cpuSeconds(PodMetrics answer, Quantity cpu) {
        if (cpu == null || answer.getTimestamp() == null || answer.getWindow() == null) {
            return null;
        }
        try {
            return cpuTime.add(Instant.parse(answer.getTimestamp()), answer.getWindow().getDuration(), cpu.getNumericalAmount().doubleValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * @param cpu the CPU rate in cores
     * @param cpuLimit the container's CPU limit, null when unlimited (then the percentage is of one core)
     */
    static ResourceUtilisation utilisation(Quantity cpu, Quantity memory, Quantity cpuLimit, Double cpuSeconds) {
        Double cpuPercent = null;
        if (cpu != null) {
            BigDecimal of = cpuLimit == null ? BigDecimal.ONE : cpuLimit.getNumericalAmount();
            cpuPercent = cpu.getNumericalAmount().multiply(HUNDRED).divide(of, 3, RoundingMode.HALF_UP).doubleValue();
        }
        Double resident = memory == null ? null : Quantity.getAmountInBytes(memory).divide(MB, 3, RoundingMode.HALF_UP).doubleValue();
        return new ResourceUtilisation(cpuPercent, cpuSeconds, null, resident);
    }

    private static String reason(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }
}
