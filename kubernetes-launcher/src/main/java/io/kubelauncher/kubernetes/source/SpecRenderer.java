package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.kubernetes.render.JobContext;

import java.util.Optional;

/** Makes a job's Kubernetes objects: from the templates, or built in (plus job-json-overrides). */
public interface SpecRenderer {

    /** @throws PluginException when the objects cannot be made (a template error names file and line) */
    Job job(JobContext context) throws PluginException;

    /**
     * Whether the Launcher's init containers (the job's {@code initContainers}) become init
     * containers of the pod: what Cluster Info reports as {@code supportsInitContainers}. A renderer
     * that answers false refuses jobs that have them rather than dropping them.
     */
    boolean honoursInitContainers();

    /** The Service of a job that exposes ports through one, once the Job has its name. */
    Optional<Service> service(JobContext context, String jobId) throws PluginException;
}
