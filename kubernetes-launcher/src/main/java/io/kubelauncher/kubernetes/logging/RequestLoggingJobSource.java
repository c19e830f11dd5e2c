package io.kubelauncher.kubernetes.logging;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.LatencySample;
import io.kubelauncher.api.model.LoadBalancerNode;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line per Launcher request at debug level, with what it was about, how it ended and how
 * long the plugin took ({@code enable-debug-logging=1}). A decorator, so the job source itself stays
 * free of timing code: {@code new RequestLoggingJobSource(source, System::nanoTime)}.
 */
public final class RequestLoggingJobSource implements JobSource {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLoggingJobSource.class);

    private final JobSource delegate;
    private final LongSupplier nanoTime;

    public RequestLoggingJobSource(JobSource delegate, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    private <T> T timed(String request, Supplier<String> details, Supplier<T> call) {
        if (!LOG.isDebugEnabled()) {
            return call.get();
        }
        long start = nanoTime.getAsLong();
        try {
            T result = call.get();
            LOG.debug("{} [{}] ok in {} ms", request, details.get(), millisSince(start));
            return result;
        } catch (RuntimeException e) {
            LOG.debug("{} [{}] failed in {} ms: {}", request, details.get(), millisSince(start), e.getMessage());
            throw e;
        }
    }

    private long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start);
    }

    private static String user(RequestUser user) {
        return "user=" + user.username();
    }

    private static String job(Job job) {
        return "job=" + job.id();
    }

    @Override
    public void bootstrap(BootstrapContext context) {
        timed("Bootstrap", () -> "", () -> {
            delegate.bootstrap(context);
            return null;
        });
    }

    @Override
    public Job submit(RequestUser user, Job job) {
        return timed("Submit Job", () -> user(user) + " name=" + job.name(), () -> delegate.submit(user, job));
    }

    @Override
    public Optional<Job> job(String jobId) {
        return timed("Get Job", () -> "job=" + jobId, () -> delegate.job(jobId));
    }

    @Override
    public List<Job> jobs(JobQuery query) {
        return timed("Get Jobs", query::toString, () -> delegate.jobs(query));
    }

    @Override
    public ControlResult control(RequestUser user, Job job, JobOperation operation) {
        return timed("Control Job", () -> user(user) + " " + job(job) + " operation=" + operation,
                () -> delegate.control(user, job, operation));
    }

    @Override
    public StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) {
        return timed("Output Stream", () -> user(user) + " " + job(job) + " type=" + type,
                () -> delegate.streamOutput(user, job, type, sink));
    }

    @Override
    public StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) {
        return timed("Resource Utilization Stream", () -> job(job), () -> delegate.streamResourceUtilisation(job, sink));
    }

    @Override
    public JobNetwork network(RequestUser user, Job job) {
        return timed("Get Job Network", () -> user(user) + " " + job(job), () -> delegate.network(user, job));
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        return timed("Get Cluster Info", () -> user(user), () -> delegate.clusterInfo(user));
    }

    @Override
    public ConfigReloadResult reloadConfig(RequestUser user) {
        return timed("Config Reload", () -> user(user), () -> delegate.reloadConfig(user));
    }

    @Override
    public void loadBalancerNodes(RequestUser user, List<LoadBalancerNode> nodes) {
        timed("Set Load Balancer Nodes", () -> user(user) + " nodes=" + nodes.size(), () -> {
            delegate.loadBalancerNodes(user, nodes);
            return null;
        });
    }

    /** Not a request: the runtime's metrics timer asks for it. */
    @Override
    public Optional<LatencySample> takeLatencySample() {
        return delegate.takeLatencySample();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
