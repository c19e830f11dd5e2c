package io.kubelauncher.kubernetes.admin;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --smoke-test}: against the configured cluster, checks the connection and the permissions
 * the plugin needs, submits a tiny job, follows it to its end, shows its output and deletes it,
 * printing each step as it happens and a verdict at the end. Exit status 0 on PASS, 1 on FAIL.
 */
public final class SmokeTest {

    /** Makes the test job's document; its container must print {@code marker} on stdout. */
    @FunctionalInterface
    public interface JobFactory {
        String document(String marker);
    }

    /** One permission of the admin guide's RBAC role. */
    record Permission(String group, String resource, String subresource, String verb, boolean required) {

        String describe() {
            String name = resource + (subresource.isEmpty() ? "" : "/" + subresource) + (group.isEmpty() ? "" : "." + group);
            return verb + " " + name;
        }
    }

    /**
     * What the plugin does in its namespace (required: the same rules the plugin's start-up
     * {@code cluster.PermissionCheck} verifies), plus the optional metrics and node lookups.
     */
    static final List<Permission> PERMISSIONS = List.of(
            new Permission("batch", "jobs", "", "create", true),
            new Permission("batch", "jobs", "", "get", true),
            new Permission("batch", "jobs", "", "list", true),
            new Permission("batch", "jobs", "", "watch", true),
            new Permission("batch", "jobs", "", "patch", true),
            new Permission("batch", "jobs", "", "delete", true),
            new Permission("", "pods", "", "get", true),
            new Permission("", "pods", "", "list", true),
            new Permission("", "pods", "", "watch", true),
            new Permission("", "pods", "", "delete", true),
            new Permission("", "pods", "log", "get", true),
            new Permission("", "pods", "attach", "create", true),
            new Permission("", "services", "", "create", true),
            new Permission("", "services", "", "get", true),
            new Permission("", "services", "", "list", true),
            new Permission("", "services", "", "watch", true),
            new Permission("", "services", "", "delete", true),
            new Permission("", "events", "", "list", true),
            new Permission("", "events", "", "watch", true),
            new Permission("metrics.k8s.io", "pods", "", "get", false),
            new Permission("", "nodes", "", "list", false));

    private final KubernetesClient client;
    private final String namespace;
    private final JobFactory jobFactory;
    private final Clock clock;
    private final Duration timeout;
    private final Duration progressEvery;

    /**
     * @param jobFactory the test job, normally rendered through the plugin's own templates or spec
     * @param timeout how long the job may take to finish (image pulls included)
     * @param progressEvery how often to say "still waiting" when nothing changes
     */
    public SmokeTest(KubernetesClient client, String namespace, JobFactory jobFactory, Clock clock, Duration timeout,
            Duration progressEvery) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.jobFactory = Objects.requireNonNull(jobFactory, "jobFactory");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.progressEvery = Objects.requireNonNull(progressEvery, "progressEvery");
    }

    /** A minimal Job running {@code image} with {@code /bin/sh -c 'echo MARKER'}, for sites without templates. */
    public static JobFactory builtinJob(String image) {
        return marker -> {
            Job job = new JobBuilder()
                    .withNewMetadata().withGenerateName("launcher-smoke-test-")
                    .addToLabels("app.kubernetes.io/component", "launcher-smoke-test").endMetadata()
                    .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec().withRestartPolicy("Never")
                    .addNewContainer().withName("rs-launcher-container").withImage(image)
                    .withCommand("/bin/sh", "-c", "echo '" + marker + "'").endContainer()
                    .endSpec().endTemplate().endSpec().build();
            return io.fabric8.kubernetes.client.utils.Serialization.asYaml(job);
        };
    }

    /**
     * The test job through the plugin's own submit path (profile defaults, templates or built-in
     * spec): a launcher job running {@code echo MARKER} in the user's default image.
     *
     * @param user whose profile applies (usually the server-user)
     */
    public static JobFactory plannedJob(DryRun.Planner planner, String user) {
        return marker -> {
            String json = JsonMapper.builder().build().createObjectNode().put("name", "launcher-smoke-test")
                    .put("user", user).put("command", "echo '" + marker + "'").toString();
            try {
                return planner.plan(json, Optional.of(user)).get(0);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    public int run(PrintStream out, PrintStream err) {
        Run run = new Run(out, clock.instant());
        out.println("Smoke test of " + client.getMasterUrl() + " in namespace " + namespace);
        if (!run.connect() || !run.permissions()) {
            return run.verdict();
        }
        run.job();
        return run.verdict();
    }

    /** The state of one smoke test: the steps print as they go, the first failure decides the verdict. */
    private final class Run {
        private final PrintStream out;
        private final Instant start;
        private final List<String> failures = new ArrayList<>();

        Run(PrintStream out, Instant start) {
            this.out = out;
            this.start = start;
        }

        private void step(String text) {
            double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0;
            out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds, text);
            out.flush();
        }

        private void fail(String why) {
            failures.add(why);
            step("FAILED: " + why);
        }

        boolean connect() {
            step("Connecting to the API server...");
            try {
                VersionInfo version = client.getKubernetesVersion();
                step("Connected: Kubernetes " + version.getGitVersion());
                return true;
            } catch (KubernetesClientException e) {
                fail(e.getCode() == 401 ? "the API server does not accept the token (HTTP 401); check auth-token-path"
                        : "cannot reach the API server: " + rootMessage(e));
                return false;
            }
        }

        boolean permissions() {
            step("Checking the permissions the plugin needs in namespace " + namespace + ":");
            boolean ok = true;
            for (Permission permission : PERMISSIONS) {
                Optional<Boolean> allowed;
                try {
                    allowed = Optional.of(allowed(permission));
                } catch (KubernetesClientException e) {
                    step("  cannot check permissions (the server refused a SelfSubjectAccessReview: HTTP " + e.getCode()
                            + "); going on, the job below will show what is missing");
                    return true;
                }
                String verdict = allowed.get() ? "allowed" : permission.required() ? "DENIED" : "denied (optional)";
                step("  " + permission.describe() + ": " + verdict);
                if (!allowed.get() && permission.required()) {
                    ok = false;
                }
            }
            if (!ok) {
                fail("the service account lacks permissions the plugin needs; apply the Role from the admin guide");
            }
            return ok;
        }

        private boolean allowed(Permission permission) {
            boolean clusterScoped = permission.resource().equals("nodes");
            SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
                    .withNamespace(clusterScoped ? null : namespace).withGroup(permission.group())
                    .withResource(permission.resource())
                    .withSubresource(permission.subresource().isEmpty() ? null : permission.subresource())
                    .withVerb(permission.verb()).endResourceAttributes().endSpec().build();
            SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
            return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        }

        void job() {
            String marker = "launcher smoke test " + Long.toHexString(start.toEpochMilli());
            step("Submitting a test job...");
            Job job;
            try {
                HasMetadata created = client.resource(jobFactory.document(marker)).inNamespace(namespace).create();
                job = (Job) created;
            } catch (KubernetesClientException e) {
                fail("the API server refused the test job: " + rootMessage(e));
                return;
            } catch (RuntimeException e) {
                fail("cannot build the test job: " + e.getMessage());
                return;
            }
            String name = job.getMetadata().getName();
            step("Created job " + name);
            try {
                Optional<Pod> finished = follow(name);
                finished.ifPresent(pod -> output(pod, marker));
            } finally {
                delete(name);
            }
        }

        /** Follows the job's pod until it ends, printing every change; empty on failure or timeout. */
        private Optional<Pod> follow(String jobName) {
            BlockingQueue<Pod> events = new LinkedBlockingQueue<>();
            BlockingQueue<String> closed = new LinkedBlockingQueue<>();
            Watcher<Pod> watcher = new Watcher<>() {
                @Override
                public void eventReceived(Action action, Pod pod) {
                    if (action != Action.DELETED) {
                        events.add(pod);
                    }
                }

                @Override
                public void onClose(WatcherException cause) {
                    closed.add(cause.getMessage() == null ? "closed" : cause.getMessage());
                }
            };
            Instant deadline = clock.instant().plus(timeout);
            String lastState = "";
            Watch watch;
            try {
                watch = client.pods().inNamespace(namespace).withLabel("job-name", jobName).watch(watcher);
            } catch (KubernetesClientException e) {
                fail("cannot watch the job's pod: " + rootMessage(e));
                return Optional.empty();
            }
            try {
                for (Pod existing : client.pods().inNamespace(namespace).withLabel("job-name", jobName).list().getItems()) {
                    events.add(existing);
                }
                while (true) {
                    Duration left = Duration.between(clock.instant(), deadline);
                    if (left.isNegative() || left.isZero()) {
                        fail("the job did not finish within " + timeout.toSeconds() + "s (last state: "
                                + (lastState.isEmpty() ? "no pod yet" : lastState) + ")");
                        return Optional.empty();
                    }
                    Pod pod = events.poll(Math.min(progressEvery.toMillis(), left.toMillis()), TimeUnit.MILLISECONDS);
                    if (pod == null) {
                        String why = closed.poll();
                        if (why != null) {
                            fail("the watch on the job's pod ended: " + why);
                            return Optional.empty();
                        }
                        step("  still waiting: " + (lastState.isEmpty() ? "no pod created yet" : lastState));
                        continue;
                    }
                    String state = describe(pod);
                    if (!state.equals(lastState)) {
                        step("  pod " + pod.getMetadata().getName() + ": " + state);
                        lastState = state;
                    }
                    String phase = pod.getStatus() == null ? "" : String.valueOf(pod.getStatus().getPhase());
                    Optional<String> pullFailure = waitingReason(pod).filter(r -> r.contains("ImagePull") || r.equals("ErrImagePull")
                            || r.equals("InvalidImageName"));
                    if (pullFailure.isPresent()) {
                        fail("the job's image cannot be pulled (" + state + ")");
                        return Optional.empty();
                    }
                    if (phase.equals("Succeeded")) {
                        return Optional.of(pod);
                    }
                    if (phase.equals("Failed")) {
                        fail("the test job failed: " + state);
                        output(pod, null);
                        return Optional.empty();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for the job");
                return Optional.empty();
            } catch (KubernetesClientException e) {
                fail("cannot follow the job's pod: " + rootMessage(e));
                return Optional.empty();
            } finally {
                watch.close();
            }
        }

        private void output(Pod pod, String marker) {
            String log;
            try {
                log = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).getLog();
            } catch (KubernetesClientException e) {
                fail("cannot read the job's output: " + rootMessage(e));
                return;
            }
            step("Output of the job:");
            log.lines().forEach(line -> out.println("           | " + line));
            if (marker != null && !log.contains(marker)) {
                fail("the job's output does not contain the expected line '" + marker + "'");
            }
        }

        private void delete(String jobName) {
            step("Deleting job " + jobName + "...");
            try {
                client.batch().v1().jobs().inNamespace(namespace).withName(jobName)
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
                step("Deleted job " + jobName + " and its pod");
            } catch (KubernetesClientException e) {
                fail("cannot delete the test job " + jobName + ": " + rootMessage(e) + "; delete it by hand");
            }
        }

        int verdict() {
            if (failures.isEmpty()) {
                out.println("PASS: the plugin can reach the cluster, has the permissions it needs, and runs jobs.");
                return 0;
            }
            out.println("FAIL: " + failures.get(0));
            return 1;
        }
    }

    private static Optional<String> waitingReason(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            if (status.getState() != null && status.getState().getWaiting() != null
                    && status.getState().getWaiting().getReason() != null) {
                return Optional.of(status.getState().getWaiting().getReason());
            }
        }
        return Optional.empty();
    }

    /** Phase plus what explains it: a waiting reason, an exit code, an unschedulable message. */
    static String describe(Pod pod) {
        if (pod.getStatus() == null) {
            return "created";
        }
        StringBuilder text = new StringBuilder(String.valueOf(pod.getStatus().getPhase()));
        if (pod.getStatus().getConditions() != null) {
            for (PodCondition condition : pod.getStatus().getConditions()) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                    text.append(" (not scheduled: ").append(condition.getMessage()).append(')');
                }
            }
        }
        if (pod.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
                if (status.getState() == null) {
                    continue;
                }
                ContainerStateWaiting waiting = status.getState().getWaiting();
                ContainerStateTerminated terminated = status.getState().getTerminated();
                if (waiting != null && waiting.getReason() != null) {
                    text.append(" (").append(waiting.getReason())
                            .append(waiting.getMessage() == null ? "" : ": " + waiting.getMessage()).append(')');
                } else if (terminated != null) {
                    text.append(" (exit code ").append(terminated.getExitCode())
                            .append(terminated.getReason() == null ? "" : ", " + terminated.getReason()).append(')');
                }
            }
        }
        return text.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = e.getMessage();
        return t == e ? message : message + " (" + t.getMessage() + ")";
    }
}
