package io.kubelauncher.kubernetes.translate;

import io.kubelauncher.api.model.JobStatus;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The job state machine: Pending → Running → Finished, or Pending → Failed when Kubernetes cannot
 * launch it, or Killed/Canceled when a recorded control operation took effect.
 *
 * <p>Rules, checked in this order so that a terminal state, once derivable, wins:
 * <ol>
 *   <li>a recorded control operation, once no container of the job is running any more;</li>
 *   <li>the main container exited: Finished with its exit code, whatever the code (a job that ran and
 *       exited has finished; Failed is reserved for jobs that could not run);</li>
 *   <li>an init container failed and with it the pod: Failed at once, naming it (the job itself never
 *       ran, so there is no exit code to wait for);</li>
 *   <li>the Job controller gave up without the container ever exiting, or a launch error (image pull,
 *       container creation, mount, pod creation; of the job's container or of an init container) lasted
 *       longer than the grace period: Failed;</li>
 *   <li>the container is running: Running;</li>
 *   <li>otherwise Pending, with what the job is waiting for.</li>
 * </ol>
 */
public final class StatusDeriver {

    /** Waiting reasons that no amount of waiting fixes. */
    private static final Set<String> HOPELESS_WAITING = Set.of("InvalidImageName", "ErrImageNeverPull");
    /** Waiting reasons that may fix themselves (a registry hiccup, a secret created late). */
    private static final Set<String> PULL_WAITING = Set.of("ErrImagePull", "ImagePullBackOff");
    private static final Set<String> CREATE_WAITING = Set.of("CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    /** The Job condition that says its (only) pod failed. */
    private static final String BACKOFF_LIMIT = "BackoffLimitExceeded";

    /** The Events a status is derived from, by reason: a volume that does not mount... */
    private static final Set<String> MOUNT_FAILURES = Set.of("FailedMount", "FailedAttachVolume");
    /** ...a pod the Job controller could not create... */
    private static final Set<String> CREATE_REFUSED = Set.of("FailedCreate");
    /** ...an image that cannot be pulled or run (the kubelet's "Failed" carries the registry's message)... */
    private static final String IMAGE_FAILED = "Failed";
    private static final Set<String> IMAGE_FAILURES = Set.of(IMAGE_FAILED, "BackOff", "InspectFailed", "ErrImageNeverPull");
    /** ...and an image being pulled. */
    private static final Set<String> PULLING = Set.of("Pulling");

    /** Every Event reason a status is derived from; the cache must keep Events of these reasons. */
    public static final Set<String> EVENT_REASONS_READ = java.util.stream.Stream.of(MOUNT_FAILURES, CREATE_REFUSED, IMAGE_FAILURES, PULLING)
            .flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** How long a failed Job waits for its pod's exit code before it is reported without one. */
    static final Duration EXIT_REPORT_WAIT = Duration.ofSeconds(15);

    private final Duration launchGracePeriod;

    /**
     * @param launchGracePeriod how long an image pull or container creation may keep failing before
     *                          the job is Failed rather than Pending
     */
    public StatusDeriver(Duration launchGracePeriod) {
        this.launchGracePeriod = Objects.requireNonNull(launchGracePeriod, "launchGracePeriod");
    }

    public Observation derive(JobObjects objects, Instant now) {
        Job job = objects.job();
        Instant created = Timestamps.parse(job.getMetadata().getCreationTimestamp()).orElse(now);
        Optional<Pod> pod = objects.pod();
        String host = pod.map(p -> p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName()).orElse("");
        Optional<ContainerStatus> main = pod.flatMap(p -> containerStatus(p, objects.mainContainerName()));
        Optional<ContainerStateTerminated> exited = main.flatMap(StatusDeriver::terminated);
        boolean running = main.map(cs -> cs.getState() != null && cs.getState().getRunning() != null).orElse(false)
                && pod.map(p -> p.getMetadata().getDeletionTimestamp() == null).orElse(false);
        Optional<JobCondition> finished = finishedCondition(job);

        Optional<ControlRecord> control = ControlRecord.from(job.getMetadata().getAnnotations());
        if (control.isPresent() && !running) {
            return controlled(control.get(), exited, host);
        }

        if (exited.isPresent()) {
            ContainerStateTerminated t = exited.get();
            Instant at = Timestamps.parse(t.getFinishedAt()).orElse(created);
            return new Observation(JobStatus.FINISHED, exitMessage(t, pod.get(), objects.mainContainerName()),
                    OptionalInt.of(t.getExitCode()), host, at, Optional.empty());
        }

        Optional<Observation> initFailure = pod.flatMap(p -> failedInitContainer(p, finished, host, created));
        if (initFailure.isPresent()) {
            return initFailure.get();
        }

        if (finished.isPresent() && "Complete".equals(finished.get().getType())) {
            Instant at = Timestamps.parse(finished.get().getLastTransitionTime()).orElse(created);
            return new Observation(JobStatus.FINISHED, "Exit code 0", OptionalInt.of(0), host, at, Optional.empty());
        }

        Optional<LaunchProblem> problem = launchProblem(objects, pod, main, created);
        if (finished.isPresent()) {
            Instant at = Timestamps.parse(finished.get().getLastTransitionTime()).orElse(created);
            if (problem.isEmpty() && BACKOFF_LIMIT.equals(finished.get().getReason())) {
                // The Job controller gives up only after the pod has failed, i.e. after the container
                // exited; the pod's own update, which carries the exit code, travels on another watch
                // and may reach us a moment later (even the pod's creation may not have yet).
                // Reporting Failed meanwhile would turn into Finished (exit code N) when it arrives,
                // and a terminal status must never change.
                Instant deadline = at.plus(EXIT_REPORT_WAIT);
                if (now.isBefore(deadline)) {
                    return runningOrPending(objects, pod, main, running, host, created).recheckingAt(deadline);
                }
            }
            String why = problem.map(LaunchProblem::message).orElseGet(() -> jobFailureMessage(finished.get()));
            return new Observation(JobStatus.FAILED, why, OptionalInt.empty(), host, at, Optional.empty());
        }
        if (problem.isPresent()) {
            LaunchProblem p = problem.get();
            if (p.hopeless()) {
                return new Observation(JobStatus.FAILED, p.message(), OptionalInt.empty(), host, p.since(), Optional.empty());
            }
            Instant deadline = p.since().plus(launchGracePeriod);
            if (!now.isBefore(deadline)) {
                return new Observation(JobStatus.FAILED, p.message(), OptionalInt.empty(), host, deadline, Optional.empty());
            }
            return new Observation(JobStatus.PENDING, p.message(), OptionalInt.empty(), host, p.since(), Optional.of(deadline));
        }

        return runningOrPending(objects, pod, main, running, host, created);
    }

    private static Observation runningOrPending(JobObjects objects, Optional<Pod> pod, Optional<ContainerStatus> main,
                                                boolean running, String host, Instant created) {
        if (running) {
            Instant started = main.flatMap(cs -> Timestamps.parse(cs.getState().getRunning().getStartedAt())).orElse(created);
            return new Observation(JobStatus.RUNNING, "", OptionalInt.empty(), host, started, Optional.empty());
        }
        return pending(objects, pod, main, created);
    }

    private static Observation controlled(ControlRecord control, Optional<ContainerStateTerminated> exited, String host) {
        Instant at = control.requestedAt();
        return switch (control.operation()) {
            case KILL -> new Observation(JobStatus.KILLED, "Killed by request", OptionalInt.of(137), host, at, Optional.empty());
            case CANCEL -> new Observation(JobStatus.CANCELED, "Canceled by request before it started", OptionalInt.empty(), host, at, Optional.empty());
            case STOP -> {
                // The container normally exits 143 on SIGTERM; report what it really did when we saw it.
                int code = exited.map(ContainerStateTerminated::getExitCode).orElse(143);
                yield new Observation(JobStatus.FINISHED, "Stopped by request (exit code " + code + ")", OptionalInt.of(code), host, at, Optional.empty());
            }
        };
    }

    /**
     * An init container that exited non-zero, once the pod (or the Job) has failed for it: with
     * {@code restartPolicy: Never}, as launcher jobs have, the job's container then never starts.
     * Under another restart policy the kubelet runs the init container again, so the pod's phase is
     * what tells.
     */
    private static Optional<Observation> failedInitContainer(Pod pod, Optional<JobCondition> finished, String host, Instant created) {
        boolean podFailed = pod.getStatus() != null && "Failed".equals(pod.getStatus().getPhase())
                || finished.filter(c -> "Failed".equals(c.getType())).isPresent();
        if (!podFailed) {
            return Optional.empty();
        }
        for (ContainerStatus init : initContainerStatuses(pod)) {
            Optional<ContainerStateTerminated> t = Optional.ofNullable(init.getState()).map(ContainerState::getTerminated);
            if (t.isPresent() && t.get().getExitCode() != null && t.get().getExitCode() != 0) {
                String what = "OOMKilled".equals(t.get().getReason())
                        ? initMemoryLimit(pod, init.getName()).map(q -> "ran out of memory (limit " + Amounts.memory(q) + ")").orElse("ran out of memory")
                        : "failed with exit code " + t.get().getExitCode();
                Instant at = Timestamps.parse(t.get().getFinishedAt()).orElse(created);
                return Optional.of(new Observation(JobStatus.FAILED, "Init container " + init.getName() + " " + what
                        + ", so the job did not start", OptionalInt.empty(), host, at, Optional.empty()));
            }
        }
        return Optional.empty();
    }

    private static List<ContainerStatus> initContainerStatuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getInitContainerStatuses() == null ? List.of() : pod.getStatus().getInitContainerStatuses();
    }

    private static Optional<Quantity> initMemoryLimit(Pod pod, String container) {
        return initContainer(pod, container)
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null : c.getResources().getLimits().get("memory"));
    }

    /** The pod's spec of the init container of that name. */
    private static Optional<Container> initContainer(Pod pod, String name) {
        return pod.getSpec().getInitContainers().stream().filter(c -> name.equals(c.getName())).findFirst();
    }

    /** The main container waits for the init containers: Kubernetes' PodInitializing. */
    private static boolean initializing(Optional<ContainerStatus> main) {
        return main.map(ContainerStatus::getState).map(ContainerState::getWaiting).map(ContainerStateWaiting::getReason)
                .filter("PodInitializing"::equals).isPresent();
    }

    private static Optional<ContainerStatus> containerStatus(Pod pod, String name) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream().filter(cs -> name.equals(cs.getName())).findFirst();
    }

    private static Optional<ContainerStateTerminated> terminated(ContainerStatus cs) {
        ContainerState state = cs.getState();
        if (state != null && state.getTerminated() != null) {
            return Optional.of(state.getTerminated());
        }
        ContainerState last = cs.getLastState();
        return last != null && last.getTerminated() != null ? Optional.of(last.getTerminated()) : Optional.empty();
    }

    private static Optional<JobCondition> finishedCondition(Job job) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> "True".equals(c.getStatus()) && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())))
                .findFirst();
    }

    private static String exitMessage(ContainerStateTerminated t, Pod pod, String container) {
        if ("OOMKilled".equals(t.getReason())) {
            return memoryLimit(pod, container).map(q -> "Out of memory (limit " + Amounts.memory(q) + ")").orElse("Out of memory");
        }
        return "Exit code " + t.getExitCode();
    }

    private static Optional<Quantity> memoryLimit(Pod pod, String container) {
        return pod.getSpec().getContainers().stream().filter(c -> container.equals(c.getName())).findFirst()
                .map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null : c.getResources().getLimits().get("memory"));
    }

    private static String jobFailureMessage(JobCondition failed) {
        if ("DeadlineExceeded".equals(failed.getReason())) {
            return "Stopped by Kubernetes: the job ran longer than its deadline";
        }
        String msg = failed.getMessage();
        return "Kubernetes could not run the job" + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    /** Something that keeps the job from starting, with when it began. */
    private record LaunchProblem(String message, Instant since, boolean hopeless) {
    }

    private Optional<LaunchProblem> launchProblem(JobObjects objects, Optional<Pod> pod, Optional<ContainerStatus> main, Instant created) {
        String image = objects.job().getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> objects.mainContainerName().equals(c.getName())).findFirst().map(c -> c.getImage()).orElse("");
        if (main.isPresent() && main.get().getState() != null && main.get().getState().getWaiting() != null) {
            Optional<LaunchProblem> waiting = waitingProblem(objects, pod.get(), main.get(), image, "", created);
            if (waiting.isPresent()) {
                return waiting;
            }
        }
        if (pod.isPresent() && (main.isEmpty() || initializing(main))) {
            // while the init containers run, their pulls and creations are what keeps the job from starting
            for (ContainerStatus init : initContainerStatuses(pod.get())) {
                if (init.getState() != null && init.getState().getWaiting() != null) {
                    String initImage = init.getImage() != null && !init.getImage().isEmpty() ? init.getImage()
                            : initContainer(pod.get(), init.getName()).map(Container::getImage).orElse("");
                    Optional<LaunchProblem> waiting = waitingProblem(objects, pod.get(), init, initImage,
                            "Init container " + init.getName() + ": ", created);
                    if (waiting.isPresent()) {
                        return waiting;
                    }
                }
            }
        }
        if (pod.isPresent()) {
            String podName = pod.get().getMetadata().getName();
            Optional<Event> mount = latestEvent(objects.events(), podName, MOUNT_FAILURES);
            if (mount.isPresent() && !main.map(cs -> cs.getState() != null && cs.getState().getRunning() != null).orElse(false)) {
                Instant since = firstEvent(objects.events(), podName, MOUNT_FAILURES).orElse(created);
                return Optional.of(new LaunchProblem("A volume could not be mounted: " + mount.get().getMessage(), since, false));
            }
            return Optional.empty();
        }
        Optional<Event> refused = latestEvent(objects.events(), objects.name(), CREATE_REFUSED);
        if (refused.isPresent()) {
            Instant since = firstEvent(objects.events(), objects.name(), CREATE_REFUSED).orElse(created);
            return Optional.of(new LaunchProblem("Kubernetes refused to create the pod: " + refused.get().getMessage(), since, false));
        }
        return Optional.empty();
    }

    /** A container waiting for a reason that keeps the job from starting; {@code who} prefixes the message. */
    private static Optional<LaunchProblem> waitingProblem(JobObjects objects, Pod pod, ContainerStatus status, String image, String who,
                                                          Instant created) {
        ContainerStateWaiting w = status.getState().getWaiting();
        String reason = w.getReason() == null ? "" : w.getReason();
        Instant since = firstEvent(objects.events(), pod.getMetadata().getName(), IMAGE_FAILURES)
                .orElseGet(() -> podStart(pod, created));
        if (HOPELESS_WAITING.contains(reason)) {
            String m = reason.equals("InvalidImageName") ? "Image name '" + image + "' is not valid" : PullFailureMessage.describe(image, w.getMessage());
            return Optional.of(new LaunchProblem(who + m, since, true));
        }
        if (PULL_WAITING.contains(reason)) {
            String detail = w.getMessage();
            if (detail == null || detail.toLowerCase(java.util.Locale.ROOT).startsWith("back-off pulling image")) {
                // The back-off text says nothing; the kubelet's pull Event has the real cause.
                detail = latestEventMessage(objects.events(), pod.getMetadata().getName(), IMAGE_FAILED).orElse(detail);
            }
            return Optional.of(new LaunchProblem(who + PullFailureMessage.describe(image, detail), since, false));
        }
        if (CREATE_WAITING.contains(reason)) {
            String detail = w.getMessage() == null ? reason : w.getMessage();
            return Optional.of(new LaunchProblem(who + "The container could not be created: " + detail, since, false));
        }
        return Optional.empty();
    }

    private static Observation pending(JobObjects objects, Optional<Pod> pod, Optional<ContainerStatus> main, Instant created) {
        if (pod.isEmpty()) {
            return new Observation(JobStatus.PENDING, "Waiting for Kubernetes to create the pod", OptionalInt.empty(), "", created, Optional.empty());
        }
        Pod p = pod.get();
        Optional<PodCondition> scheduled = condition(p, "PodScheduled");
        if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())) {
            Instant since = Timestamps.parse(scheduled.get().getLastTransitionTime()).orElse(created);
            String message = "Unschedulable".equals(scheduled.get().getReason())
                    ? SchedulingMessage.describe(scheduled.get().getMessage(), p)
                    : "Waiting for a node";
            return new Observation(JobStatus.PENDING, message, OptionalInt.empty(), "", since, Optional.empty());
        }
        String host = p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
        Instant since = scheduled.flatMap(c -> Timestamps.parse(c.getLastTransitionTime())).orElse(created);
        Optional<ContainerStateWaiting> waiting = main.map(ContainerStatus::getState).map(ContainerState::getWaiting);
        if (waiting.isPresent() && "ContainerCreating".equals(waiting.get().getReason())) {
            Optional<Event> pulling = latestEvent(objects.events(), p.getMetadata().getName(), PULLING);
            return new Observation(JobStatus.PENDING, pulling.isPresent() ? "Pulling the image" : "Starting the container",
                    OptionalInt.empty(), host, since, Optional.empty());
        }
        if (host.isEmpty()) {
            return new Observation(JobStatus.PENDING, "Waiting for a node", OptionalInt.empty(), "", since, Optional.empty());
        }
        List<ContainerStatus> inits = initContainerStatuses(p);
        if (initializing(main) || main.isEmpty() && !inits.isEmpty()) {
            for (int i = 0; i < inits.size(); i++) {
                ContainerState state = inits.get(i).getState();
                if (state == null || state.getTerminated() == null) {
                    String step = "init container " + inits.get(i).getName() + " (" + (i + 1) + " of " + inits.size() + ")";
                    return new Observation(JobStatus.PENDING, state != null && state.getRunning() != null ? "Running " + step : "Starting " + step,
                            OptionalInt.empty(), host, since, Optional.empty());
                }
            }
        }
        return new Observation(JobStatus.PENDING, "Starting the container", OptionalInt.empty(), host, since, Optional.empty());
    }

    private static Instant podStart(Pod pod, Instant fallback) {
        return condition(pod, "PodScheduled").filter(c -> "True".equals(c.getStatus()))
                .flatMap(c -> Timestamps.parse(c.getLastTransitionTime()))
                .or(() -> Timestamps.parse(pod.getMetadata().getCreationTimestamp()))
                .orElse(fallback);
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static List<Event> about(List<Event> events, String objectName, Set<String> reasons) {
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null && objectName.equals(e.getInvolvedObject().getName()))
                .filter(e -> reasons.contains(e.getReason()))
                .toList();
    }

    private static Optional<Instant> firstEvent(List<Event> events, String objectName, Set<String> reasons) {
        return about(events, objectName, reasons).stream().map(StatusDeriver::firstSeen).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    private static Optional<Event> latestEvent(List<Event> events, String objectName, Set<String> reasons) {
        return about(events, objectName, reasons).stream()
                .max(Comparator.comparing(e -> lastSeen(e).orElse(Instant.EPOCH)));
    }

    private static Optional<String> latestEventMessage(List<Event> events, String objectName, String reason) {
        return latestEvent(events, objectName, Set.of(reason)).map(Event::getMessage);
    }

    private static Optional<Instant> firstSeen(Event e) {
        return Timestamps.parse(e.getFirstTimestamp())
                .or(() -> e.getEventTime() == null ? Optional.empty() : Timestamps.parse(e.getEventTime().getTime()))
                .or(() -> Timestamps.parse(e.getMetadata().getCreationTimestamp()));
    }

    private static Optional<Instant> lastSeen(Event e) {
        return Timestamps.parse(e.getLastTimestamp()).or(() -> firstSeen(e));
    }
}
