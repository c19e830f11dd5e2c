package io.kubelauncher.api.runtime;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A source that stores submitted jobs as Pending and does nothing else: enough to answer every request. */
final class EmptyJobSource implements JobSource {

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Runnable duringBootstrap;

    EmptyJobSource() {
        this(() -> { });
    }

    /** @param duringBootstrap runs inside {@link #bootstrap}, e.g. to hold it until the runtime is stopping */
    EmptyJobSource(Runnable duringBootstrap) {
        this.duringBootstrap = duringBootstrap;
    }

    @Override
    public void bootstrap(BootstrapContext context) {
        duringBootstrap.run();
    }

    @Override
    public Job submit(RequestUser user, Job job) {
        Job stored = job.toBuilder().id("j" + ids.incrementAndGet()).status(JobStatus.PENDING)
                .submissionTime(Instant.EPOCH).build();
        jobs.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<Job> job(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    @Override
    public List<Job> jobs(JobQuery query) {
        return List.copyOf(jobs.values());
    }

    @Override
    public ControlResult control(RequestUser user, Job job, JobOperation operation) {
        throw PluginException.invalidRequest("Operation " + operation.verb() + " is not supported");
    }

    @Override
    public StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) {
        sink.complete();
        return StreamHandle.NONE;
    }

    @Override
    public StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) {
        sink.complete();
        return StreamHandle.NONE;
    }

    @Override
    public JobNetwork network(RequestUser user, Job job) {
        return new JobNetwork("h", List.of());
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        return ClusterInfo.minimal();
    }
}
