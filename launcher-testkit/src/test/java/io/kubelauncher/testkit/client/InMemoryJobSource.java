package io.kubelauncher.testkit.client;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.ResourceProfile;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.JobStatusPublisher;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scheduler that lives in memory, for testing the runtime through a real process. A job's
 * {@code command} says what it does once submitted (it is Pending first, then moves on at once on
 * the source's own thread):
 * <ul>
 *   <li>{@code pending}: stays Pending until cancelled;</li>
 *   <li>{@code sleep}: Running until stopped, killed or suspended;</li>
 *   <li>{@code lines N}: Running, writes {@code line 1..N} to stdout and {@code err} to stderr, Finished 0;</li>
 *   <li>{@code fail}: Failed;</li>
 *   <li>anything else ({@code echo TEXT}, an exe, a container): prints the command, Finished 0.</li>
 * </ul>
 */
final class InMemoryJobSource implements JobSource {

    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final boolean failBootstrap;
    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile JobStatusPublisher publisher;

    private record Chunk(String text, OutputType type) {
    }

    /** One job: its current view, its output so far, and who is following it. */
    private final class Entry {
        private Job job;
        private final List<Chunk> output = new ArrayList<>();
        private final List<OutputFollower> followers = new ArrayList<>();
        private final List<Runnable> onLeavingRunning = new ArrayList<>();

        Entry(Job job) {
            this.job = job;
        }

        synchronized Job job() {
            return job;
        }

        void transition(JobStatus status, String message, Integer exitCode) {
            Job updated;
            List<OutputFollower> toComplete = List.of();
            List<Runnable> leaving = List.of();
            synchronized (this) {
                if (job.status() != null && job.status().isTerminal()) {
                    return;
                }
                boolean wasRunning = job.status() == JobStatus.RUNNING;
                job = job.toBuilder().status(status).statusMessage(message).exitCode(exitCode)
                        .lastUpdateTime(clock.instant()).build();
                updated = job;
                if (status.isTerminal()) {
                    toComplete = new ArrayList<>(followers);
                    followers.clear();
                }
                if (wasRunning && status != JobStatus.RUNNING) {
                    leaving = new ArrayList<>(onLeavingRunning);
                    onLeavingRunning.clear();
                }
            }
            JobStatusPublisher p = publisher;
            if (p != null) {
                p.jobChanged(updated);
            }
            toComplete.forEach(f -> f.sink.complete());
            leaving.forEach(Runnable::run);
        }

        void write(String text, OutputType type) {
            List<OutputFollower> current;
            synchronized (this) {
                output.add(new Chunk(text, type));
                current = new ArrayList<>(followers);
            }
            for (OutputFollower f : current) {
                f.offer(text, type);
            }
        }
    }

    private record OutputFollower(OutputSink sink, OutputType wanted) {
        void offer(String text, OutputType type) {
            if (wanted == OutputType.MIXED || wanted == type) {
                sink.output(text, type);
            }
        }
    }

    InMemoryJobSource(Clock clock, ScheduledExecutorService timer, boolean failBootstrap) {
        this.clock = clock;
        this.timer = timer;
        this.failBootstrap = failBootstrap;
    }

    @Override
    public void bootstrap(BootstrapContext context) {
        if (failBootstrap) {
            throw new PluginException(ErrorCode.UNKNOWN, "cannot reach the in-memory scheduler (as asked)");
        }
        publisher = context.statusPublisher();
    }

    @Override
    public Job submit(RequestUser user, Job job) {
        String id = "job-" + ids.incrementAndGet();
        Job stored = job.toBuilder().id(id).status(JobStatus.PENDING).submissionTime(clock.instant())
                .lastUpdateTime(clock.instant()).host("node-1").build();
        Entry entry = new Entry(stored);
        jobs.put(id, entry);
        timer.execute(() -> run(entry));
        return stored;
    }

    private void run(Entry entry) {
        String command = entry.job().command() == null ? "" : entry.job().command().trim();
        if (command.equals("pending")) {
            return;
        }
        if (command.equals("fail")) {
            entry.transition(JobStatus.FAILED, "the image could not be pulled", null);
            return;
        }
        entry.transition(JobStatus.RUNNING, null, null);
        if (command.equals("sleep")) {
            return;
        }
        if (command.startsWith("lines ")) {
            int n = Integer.parseInt(command.substring(6).trim());
            for (int i = 1; i <= n; i++) {
                entry.write("line " + i + "\n", OutputType.STDOUT);
            }
            entry.write("err\n", OutputType.STDERR);
        } else {
            String text = command.startsWith("echo ") ? command.substring(5) : String.valueOf(entry.job().exe());
            entry.write(text + "\n", OutputType.STDOUT);
        }
        entry.transition(JobStatus.FINISHED, "Exit code 0", 0);
    }

    @Override
    public Optional<Job> job(String jobId) {
        Entry entry = jobs.get(jobId);
        return entry == null ? Optional.empty() : Optional.of(entry.job());
    }

    @Override
    public List<Job> jobs(JobQuery query) {
        return jobs.values().stream().map(Entry::job).filter(query::matches).toList();
    }

    @Override
    public ControlResult control(RequestUser user, Job job, JobOperation operation) {
        Entry entry = jobs.get(job.id());
        switch (operation) {
            case STOP -> entry.transition(JobStatus.FINISHED, "stopped", 143);
            case KILL -> entry.transition(JobStatus.KILLED, "killed", 137);
            case CANCEL -> entry.transition(JobStatus.CANCELED, "canceled", null);
            case SUSPEND -> entry.transition(JobStatus.SUSPENDED, "suspended", null);
            case RESUME -> entry.transition(JobStatus.RUNNING, null, null);
            default -> throw new IllegalStateException(operation.name());
        }
        return ControlResult.done(operation.verb() + " done");
    }

    @Override
    public StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) {
        Entry entry = jobs.get(job.id());
        OutputFollower follower = new OutputFollower(sink, type);
        boolean terminal;
        synchronized (entry) {
            for (Chunk chunk : entry.output) {
                follower.offer(chunk.text(), chunk.type());
            }
            terminal = entry.job.status().isTerminal();
            if (!terminal) {
                entry.followers.add(follower);
            }
        }
        if (terminal) {
            sink.complete();
            return StreamHandle.NONE;
        }
        return () -> {
            synchronized (entry) {
                entry.followers.remove(follower);
            }
        };
    }

    @Override
    public StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) {
        Entry entry = jobs.get(job.id());
        AtomicLong ticks = new AtomicLong();
        ScheduledFuture<?> sampling = timer.scheduleAtFixedRate(() -> {
            long t = ticks.incrementAndGet();
            sink.utilisation(new ResourceUtilisation(12.5, 0.1 * t, 210.0, 48.0));
        }, 0, 50, TimeUnit.MILLISECONDS);
        synchronized (entry) {
            if (entry.job.status() != JobStatus.RUNNING) {
                sampling.cancel(false);
                sink.complete();
                return StreamHandle.NONE;
            }
            entry.onLeavingRunning.add(() -> {
                sampling.cancel(false);
                sink.complete();
            });
        }
        return () -> sampling.cancel(false);
    }

    @Override
    public JobNetwork network(RequestUser user, Job job) {
        return new JobNetwork("node-1", List.of("10.0.0.7"));
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        return new ClusterInfo(true, List.of("r:4.4", "py:3.12"), "r:4.4", true, List.of(), null,
                List.of(new JobConfig("priority", "enum", null)),
                List.of(new PlacementConstraint("region", "eu"), PlacementConstraint.freeForm("node")),
                List.of(ResourceLimit.offered(ResourceLimit.CPU_COUNT, "1", "4"),
                        ResourceLimit.offered(ResourceLimit.MEMORY, "512", "4096")),
                List.of(new ResourceProfile("small", "Small", List.of(ResourceLimit.requested("cpuCount", "1")),
                        null, List.of())),
                false, false);
    }

    @Override
    public ConfigReloadResult reloadConfig(RequestUser user) {
        return new ConfigReloadResult(ConfigReloadResult.Outcome.SUCCESS, "");
    }
}
