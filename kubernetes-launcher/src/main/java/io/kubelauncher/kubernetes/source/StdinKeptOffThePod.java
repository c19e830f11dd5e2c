package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelauncher.kubernetes.render.JobContext;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code stdin-annotation=0} applied to whatever a renderer made: vendor templates write the
 * {@code stdin} annotation and derive the container's stdin flag from {@code .Job.stdin}, so the
 * rendered Job is corrected here. Submit and {@code --dry-run} both render through this, so the dry
 * run shows the Job that is really created.
 */
public final class StdinKeptOffThePod implements SpecRenderer {

    private final SpecRenderer delegate;

    public StdinKeptOffThePod(SpecRenderer delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Job job(JobContext context) {
        Job spec = delegate.job(context);
        if (!context.stdinAnnotation()) {
            StdinSecrets.keepOffThePod(spec, context.hasStdin());
        }
        return spec;
    }

    @Override
    public boolean honoursInitContainers() {
        return delegate.honoursInitContainers();
    }

    @Override
    public Optional<Service> service(JobContext context, String jobId) {
        return delegate.service(context, jobId);
    }
}
