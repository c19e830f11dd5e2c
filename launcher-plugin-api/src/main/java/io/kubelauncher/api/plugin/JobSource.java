package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.LatencySample;
import io.kubelauncher.api.model.LoadBalancerNode;
import io.kubelauncher.api.model.OutputType;
import java.util.List;
import java.util.Optional;

/**
 * What a plugin implements: the scheduler side of the Launcher Plugin API. The runtime owns the
 * protocol (frames, ids, heartbeats, streams, errors) and everything the spec defines independently
 * of a scheduler: it checks that requests are well formed, that the job exists and is visible to the
 * request's user (spec 7.5), that a control operation is valid for the job's status (spec 9), that
 * a resource stream is only opened on a running job, and it applies Get Job filters and field
 * selection. A source only does what needs the scheduler.
 *
 * <p>Threads: request methods are called on the runtime's worker pool ({@code thread-pool-size}
 * threads) and may block on scheduler I/O; they must be thread-safe. Stream methods must return
 * promptly: they start the stream and push into the given sink from the source's own threads (or
 * the scheduler client's), returning a handle the runtime uses to cancel it, so no thread is tied up
 * per stream.
 *
 * <p>Errors: throw {@link PluginException} with the code the spec asks for; any other runtime
 * exception is answered with Error 0 ({@code Unknown}) and logged.
 */
public interface JobSource {

    /**
     * Called once, when the Launcher bootstraps the plugin: connect to the scheduler and load the
     * existing jobs. Keep {@link BootstrapContext#statusPublisher()} and publish every job's status
     * changes to it from now on (publishing the loaded jobs too is harmless and recommended).
     *
     * @throws PluginException answered as the bootstrap's Error (code 0 unless another fits)
     */
    void bootstrap(BootstrapContext context) throws PluginException;

    /**
     * Submits a job. The runtime has already set {@code user} (from the request when the job had
     * none), defaulted {@code resourceProfile} to {@code custom}, and checked that the job has a name
     * and exactly one of command/exe (or only a container). Plugin-specific validation failures are
     * {@link ErrorCode#INVALID_REQUEST}.
     *
     * @return the job as stored: with its new unique {@code id}, {@code status} (normally Pending),
     *     {@code submissionTime} and {@code lastUpdateTime}, and every submitted field preserved
     */
    Job submit(RequestUser user, Job job) throws PluginException;

    /** The job with this id, whoever owns it; the runtime applies the visibility rule. */
    Optional<Job> job(String jobId) throws PluginException;

    /**
     * The jobs matching the query. A source may return a superset (e.g. every job it knows): the
     * runtime applies {@link JobQuery#matches} to the result, including visibility.
     */
    List<Job> jobs(JobQuery query) throws PluginException;

    /**
     * Carries out a control operation that is valid for the job's current status. An operation the
     * scheduler cannot do (e.g. suspend on Kubernetes) throws {@link ErrorCode#INVALID_REQUEST}
     * with a message like "Operation suspend is not supported"; an attempt that failed returns
     * {@link ControlResult#failed}. The resulting status change goes through the status publisher.
     */
    ControlResult control(RequestUser user, Job job, JobOperation operation) throws PluginException;

    /**
     * Starts an output stream of a visible job (any status). Push chunks into the sink and end it
     * with exactly one {@link OutputSink#complete()} (after the job is terminal and its output is
     * drained) or {@link OutputSink#fail}. If the job is Pending, wait until it leaves Pending. Each
     * call is an independent stream, even for the same job.
     *
     * @param type what the Launcher asked for; {@link OutputType#MIXED} means both
     * @throws PluginException if the stream cannot be started (normally {@code JOB_OUTPUT_NOT_FOUND})
     */
    StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) throws PluginException;

    /**
     * Starts sampling the resource use of a running job. The runtime calls this once per job and
     * shares the stream among every request for it; it cancels the handle when the last request
     * leaves. Push samples at the source's own interval; call {@link ResourceSink#complete()} when
     * the job leaves Running or sampling ends.
     */
    StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) throws PluginException;

    /** Host name and addresses of a visible job. */
    JobNetwork network(RequestUser user, Job job) throws PluginException;

    /** What the cluster offers this user (images, limits, constraints, profiles...). */
    ClusterInfo clusterInfo(RequestUser user) throws PluginException;

    /**
     * Config Reload (202): re-read at least the user and resource profiles, keeping the last good
     * configuration when the new one is invalid. The default reports success (no reload support).
     */
    default ConfigReloadResult reloadConfig(RequestUser user) throws PluginException {
        return ConfigReloadResult.success();
    }

    /** Set Load Balancer Nodes (201); advisory. The runtime always acknowledges it. */
    default void loadBalancerNodes(RequestUser user, List<LoadBalancerNode> nodes) throws PluginException {
    }

    /**
     * Scheduler call latencies since the previous call, for the metrics frame (203); the source
     * resets its counters. Empty when the source does not measure them.
     */
    default Optional<LatencySample> takeLatencySample() {
        return Optional.empty();
    }

    /** The process is shutting down (SIGTERM, stdin closed): stop watches and threads. */
    default void shutdown() {
    }
}
