package io.kubelauncher.api.runtime;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** A source with only a resource stream, for hub tests. */
final class StubSource implements JobSource {

    private final BiFunction<Job, ResourceSink, StreamHandle> resources;

    StubSource(BiFunction<Job, ResourceSink, StreamHandle> resources) {
        this.resources = resources;
    }

    @Override
    public StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) {
        return resources.apply(job, sink);
    }

    @Override
    public void bootstrap(BootstrapContext context) {
    }

    @Override
    public Job submit(RequestUser user, Job job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Job> job(String jobId) {
        return Optional.empty();
    }

    @Override
    public List<Job> jobs(JobQuery query) {
        return List.of();
    }

    @Override
    public ControlResult control(RequestUser user, Job job, JobOperation operation) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobNetwork network(RequestUser user, Job job) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        return ClusterInfo.minimal();
    }
}
