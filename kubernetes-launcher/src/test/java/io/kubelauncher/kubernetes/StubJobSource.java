package io.kubelauncher.kubernetes;

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
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import java.util.List;
import java.util.Optional;

/**
 * A job source for tests of what wraps or runs one (decorators, the runtime's signal handling):
 * Submit Job answers with the job as given, Get Job finds nothing, Get Jobs is empty; the other
 * requests are not expected and throw.
 */
public final class StubJobSource implements JobSource {

    @Override
    public void bootstrap(BootstrapContext context) {
    }

    @Override
    public Job submit(RequestUser user, Job job) {
        return job;
    }

    @Override
    public Optional<Job> job(String jobId) {
        throw PluginException.jobNotFound(jobId);
    }

    @Override
    public List<Job> jobs(JobQuery query) {
        return List.of();
    }

    @Override
    public ControlResult control(RequestUser user, Job job, JobOperation operation) {
        throw new UnsupportedOperationException("control");
    }

    @Override
    public StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) {
        throw new UnsupportedOperationException("streamOutput");
    }

    @Override
    public StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) {
        throw new UnsupportedOperationException("streamResourceUtilisation");
    }

    @Override
    public JobNetwork network(RequestUser user, Job job) {
        throw new UnsupportedOperationException("network");
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        throw new UnsupportedOperationException("clusterInfo");
    }
}
