package io.kubelauncher.api.runtime;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.api.protocol.Request;
import io.kubelauncher.api.protocol.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes decoded requests. Called on the reader thread, in wire order: heartbeats are answered at
 * once, stream opens and cancels are registered at once (so a cancel can never overtake its open),
 * and everything that may touch the scheduler runs on the worker pool. Checks the protocol-level
 * rules (bootstrap state, visibility, validity per status) before the job source is called.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private enum State { AWAITING_BOOTSTRAP, BOOTSTRAPPING, READY }

    private final JobSource source;
    private final Outbox writer;
    private final ExecutorService workers;
    private final StatusHub statusHub;
    private final OutputHub outputHub;
    private final ResourceHub resourceHub;
    private final Runnable onFirstBootstrap;
    private final AtomicReference<State> state = new AtomicReference<>(State.AWAITING_BOOTSTRAP);

    Dispatcher(JobSource source, Outbox writer, ExecutorService workers, StatusHub statusHub,
               OutputHub outputHub, ResourceHub resourceHub, Runnable onFirstBootstrap) {
        this.source = source;
        this.writer = writer;
        this.workers = workers;
        this.statusHub = statusHub;
        this.outputHub = outputHub;
        this.resourceHub = resourceHub;
        this.onFirstBootstrap = onFirstBootstrap;
    }

    void dispatch(Request request) {
        if (request instanceof Request.Heartbeat) {
            writer.send(new Response.Heartbeat());
            return;
        }
        if (request instanceof Request.Bootstrap bootstrap) {
            run(bootstrap.requestId(), () -> bootstrap(bootstrap));
            return;
        }
        if (request instanceof Request.StreamRequest stream && stream.cancel()) {
            cancel(stream);
            return;
        }
        if (state.get() != State.READY) {
            writer.send(new Response.Error(request.requestId(), ErrorCode.UNKNOWN,
                    "the plugin is not bootstrapped yet: the Launcher must send Bootstrap first"));
            return;
        }
        long id = request.requestId();
        switch (request.type()) {
            case SUBMIT_JOB -> run(id, () -> submit((Request.SubmitJob) request));
            case GET_JOB -> run(id, () -> getJob((Request.GetJob) request));
            case CONTROL_JOB -> run(id, () -> control((Request.ControlJob) request));
            case JOB_NETWORK -> run(id, () -> network((Request.JobNetwork) request));
            case CLUSTER_INFO -> run(id, () -> writer.send(
                    new Response.Cluster(id, source.clusterInfo(((Request.ClusterInfo) request).user()))));
            case SET_LOAD_BALANCER_NODES -> run(id, () -> {
                Request.SetLoadBalancerNodes r = (Request.SetLoadBalancerNodes) request;
                try {
                    source.loadBalancerNodes(r.user(), r.nodes());
                } catch (RuntimeException e) {
                    // advisory: the Launcher gets its acknowledgement whatever the plugin made of it
                    log.warn("the job source failed to take the load balancer nodes", e);
                }
                writer.send(new Response.SetLoadBalancerNodes(id));
            });
            case CONFIG_RELOAD -> run(id, () -> {
                ConfigReloadResult result;
                try {
                    result = source.reloadConfig(((Request.ConfigReload) request).user());
                } catch (RuntimeException e) {
                    // the response has its own error channel: errorType -1, "unknown"
                    log.error("config reload failed", e);
                    result = new ConfigReloadResult(ConfigReloadResult.Outcome.UNKNOWN_ERROR,
                            "config reload failed: " + e.getMessage());
                }
                writer.send(new Response.ConfigReload(id, result.outcome().errorType(), result.message()));
            });
            case JOB_STATUS_STREAM -> openStatusStream((Request.JobStatusStream) request);
            case JOB_OUTPUT_STREAM -> openOutputStream((Request.JobOutputStream) request);
            case RESOURCE_UTIL_STREAM -> openResourceStream((Request.ResourceUtilStream) request);
            case HEARTBEAT, BOOTSTRAP -> throw new IllegalStateException("handled above");
        }
    }

    private void network(Request.JobNetwork request) {
        Job job = visibleJob(request.user(), request.jobId());
        writer.send(new Response.Network(request.requestId(), source.network(request.user(), job)));
    }

    void shutdown() {
        statusHub.closeAll();
        outputHub.closeAll();
        resourceHub.closeAll();
    }

    private void bootstrap(Request.Bootstrap request) {
        Version theirs = request.version();
        Version ours = PluginRuntime.API_VERSION;
        if (theirs.major() != ours.major()) {
            throw new PluginException(ErrorCode.UNSUPPORTED_VERSION, "The plugin supports API version " + ours
                    + ". The Launcher's API version is " + theirs + ": the major versions differ.");
        }
        if (state.get() == State.READY) {
            writer.send(new Response.Bootstrap(request.requestId(), ours));
            return;
        }
        if (!state.compareAndSet(State.AWAITING_BOOTSTRAP, State.BOOTSTRAPPING)) {
            throw new PluginException(ErrorCode.UNKNOWN, "a bootstrap is already in progress");
        }
        try {
            source.bootstrap(new BootstrapContext(theirs, statusHub));
        } catch (RuntimeException e) {
            state.set(State.AWAITING_BOOTSTRAP);
            if (e instanceof PluginException) {
                throw e;
            }
            throw new PluginException(ErrorCode.UNKNOWN, "bootstrap failed: " + e.getMessage(), e);
        }
        state.set(State.READY);
        writer.send(new Response.Bootstrap(request.requestId(), ours));
        try {
            onFirstBootstrap.run();
        } catch (RuntimeException e) {
            // the request has its answer: a second one (an Error) for the same request would break the protocol
            log.warn("after the bootstrap: {}", e.toString(), e);
        }
    }

    private void submit(Request.SubmitJob request) {
        RequestUser user = request.user();
        Job job = request.job();
        Job.Builder builder = job.toBuilder();
        if (isEmpty(job.user()) && !user.isAllUsers()) {
            builder.user(user.username());
        } else if (!user.isAllUsers() && !user.username().equals(job.user())) {
            // Only '*' (an administrator, or the Launcher with authorisation off) may act for someone else.
            throw PluginException.invalidRequest("job.user '" + job.user() + "' is not the requesting user '"
                    + user.username() + "'; only '*' may submit jobs for other users");
        }
        if (isEmpty(job.resourceProfile())) {
            builder.resourceProfile(Job.CUSTOM_RESOURCE_PROFILE);
        }
        job = builder.build();
        if (isEmpty(job.user())) {
            throw PluginException.invalidRequest("User must not be empty");
        }
        if (isEmpty(job.name())) {
            throw PluginException.invalidRequest("the job has no name");
        }
        if (!isEmpty(job.command()) && !isEmpty(job.exe())) {
            throw PluginException.invalidRequest("the job sets both command and exe; it may set only one");
        }
        if (isEmpty(job.command()) && isEmpty(job.exe()) && job.container() == null) {
            throw PluginException.invalidRequest("the job needs a command, an exe or a container");
        }
        Job stored = source.submit(user, job);
        if (stored == null || isEmpty(stored.id())) {
            throw new PluginException(ErrorCode.UNKNOWN, "the plugin accepted the job but gave it no id");
        }
        writer.send(new Response.JobState(request.requestId(), List.of(stored), Optional.empty()));
        statusHub.jobSubmitted(stored);
    }

    private void getJob(Request.GetJob request) {
        List<Job> jobs;
        if (request.jobId().equals(Request.GetJob.ALL_JOBS)) {
            JobQuery query = new JobQuery(request.user(), request.tags(), request.statuses(), request.startTime(),
                    request.endTime());
            jobs = source.jobs(query).stream().filter(query::matches).toList();
        } else {
            jobs = List.of(visibleJob(request.user(), request.jobId()));
        }
        writer.send(new Response.JobState(request.requestId(), jobs, request.fields()));
    }

    private void control(Request.ControlJob request) {
        Job job = visibleJob(request.user(), request.jobId());
        JobStatus required = request.operation().requiredStatus();
        if (!request.operation().validFor(job.status())) {
            throw new PluginException(ErrorCode.INVALID_JOB_STATE, "Job " + job.id() + " is "
                    + (job.status() == null ? "in an unknown state" : job.status().wireName())
                    + "; it must be " + required.wireName() + " to " + request.operation().verb() + " it");
        }
        ControlResult result = source.control(request.user(), job, request.operation());
        writer.send(new Response.ControlJob(request.requestId(), result.statusMessage(), result.operationComplete()));
    }

    private void openStatusStream(Request.JobStatusStream request) {
        long id = request.requestId();
        if (!statusHub.register(id, request.user(), request.jobId())) {
            log.debug("status stream {} is already open; ignoring the repeated request", id);
            return;
        }
        execute(() -> {
            try {
                List<Job> current = request.jobId().equals("*")
                        ? source.jobs(JobQuery.visibleTo(request.user())).stream()
                                .filter(job -> request.user().canSee(job)).toList()
                        : List.of(visibleJob(request.user(), request.jobId()));
                statusHub.activate(id, current);
            } catch (RuntimeException e) {
                statusHub.fail(id, codeOf(e), messageOf(e, id));
            }
        }, () -> statusHub.fail(id, ErrorCode.UNKNOWN, "the plugin is shutting down"));
    }

    private void openOutputStream(Request.JobOutputStream request) {
        long id = request.requestId();
        if (!outputHub.register(id)) {
            log.debug("output stream {} is already open; ignoring the repeated request", id);
            return;
        }
        execute(() -> {
            try {
                Job job = visibleJob(request.user(), request.jobId());
                OutputHub.Stream stream = outputHub.stream(id);
                if (stream == null) {
                    return;
                }
                StreamHandle handle = source.streamOutput(request.user(), job, request.outputType(), stream);
                stream.attach(handle == null ? StreamHandle.NONE : handle);
            } catch (RuntimeException e) {
                outputHub.fail(id, codeOf(e), messageOf(e, id));
            }
        }, () -> outputHub.fail(id, ErrorCode.UNKNOWN, "the plugin is shutting down"));
    }

    private void openResourceStream(Request.ResourceUtilStream request) {
        long id = request.requestId();
        if (!resourceHub.register(id)) {
            log.debug("resource stream {} is already open; ignoring the repeated request", id);
            return;
        }
        execute(() -> {
            try {
                Job job = visibleJob(request.user(), request.jobId());
                if (job.status() != JobStatus.RUNNING) {
                    throw new PluginException(ErrorCode.JOB_NOT_RUNNING, "Job " + job.id() + " is "
                            + (job.status() == null ? "in an unknown state" : job.status().wireName())
                            + ", not Running: it has no resource utilization to report");
                }
                resourceHub.join(id, job, source);
            } catch (RuntimeException e) {
                resourceHub.fail(id, codeOf(e), messageOf(e, id));
            }
        }, () -> resourceHub.fail(id, ErrorCode.UNKNOWN, "the plugin is shutting down"));
    }

    private void cancel(Request.StreamRequest request) {
        switch (request.type()) {
            case JOB_STATUS_STREAM -> statusHub.cancel(request.requestId());
            case JOB_OUTPUT_STREAM -> outputHub.cancel(request.requestId());
            case RESOURCE_UTIL_STREAM -> resourceHub.cancel(request.requestId());
            default -> throw new IllegalStateException(request.type().name());
        }
    }

    private Job visibleJob(RequestUser user, String jobId) {
        Optional<Job> job = source.job(jobId);
        if (job.isEmpty() || !user.canSee(job.get())) {
            throw PluginException.jobNotFound(jobId);
        }
        return job.get();
    }

    /** Runs a request on the pool; any failure becomes its Error answer. */
    private void run(long requestId, Runnable work) {
        execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                writer.send(new Response.Error(requestId, codeOf(e), messageOf(e, requestId)));
            }
        }, () -> writer.send(new Response.Error(requestId, ErrorCode.UNKNOWN, "the plugin is shutting down")));
    }

    private void execute(Runnable task, Runnable rejected) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.run();
        }
    }

    private static ErrorCode codeOf(RuntimeException e) {
        return e instanceof PluginException p ? p.code() : ErrorCode.UNKNOWN;
    }

    private static String messageOf(RuntimeException e, long requestId) {
        if (e instanceof PluginException) {
            return e.getMessage();
        }
        log.error("request {} failed", requestId, e);
        return "internal error in the plugin: " + e;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
