package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.plugin.JobStatusPublisher;
import io.kubelauncher.kubernetes.cache.CachedJobs;
import io.kubelauncher.kubernetes.cache.JobChangeListener;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.JobReader;
import io.kubelauncher.kubernetes.translate.Observation;
import io.kubelauncher.kubernetes.translate.StatusDeriver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns cache changes into launcher jobs and pushes them to the status hub. Status is derived, not
 * stored: the same objects give the same job on every instance. A job whose status will change by
 * the clock alone (a launch error outliving its grace period) is re-derived at that moment, and a
 * finished job is handed to {@link Expiry}.
 */
final class JobTracker implements JobChangeListener {

    /**
     * Cache listeners run on the watch thread of each kind, so a pod turning Running and the Event
     * "Started container" about the same job are handled on two threads at once. Reading the cache
     * and publishing under the job's lock makes the last publication of a job come from a read made
     * after its last change; without it a Pending read could be published after the Running one and
     * stay the job's status until the job changed again. Striped so that the locks need no cleanup.
     */
    private static final int LOCK_STRIPES = 64;

    private final CachedJobs cache;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final StatusDeriver deriver;
    private final JobReader reader;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Expiry expiry;
    private final Map<String, ScheduledFuture<?>> rechecks = new ConcurrentHashMap<>();
    private volatile JobStatusPublisher publisher;

    JobTracker(CachedJobs cache, StatusDeriver deriver, JobReader reader, Clock clock, ScheduledExecutorService scheduler, Expiry expiry) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.deriver = Objects.requireNonNull(deriver, "deriver");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    void publishTo(JobStatusPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    Optional<Job> job(String id) {
        return cache.objects(id).map(this::read);
    }

    List<Job> jobs() {
        return cache.jobNames().stream().map(this::job).flatMap(Optional::stream).toList();
    }

    Job read(JobObjects objects) {
        return reader.read(objects, deriver.derive(objects, clock.instant()));
    }

    @Override
    public void jobChanged(String jobName, boolean removed) {
        synchronized (locks[Math.floorMod(jobName.hashCode(), LOCK_STRIPES)]) {
            republish(jobName, removed);
        }
    }

    private void republish(String jobName, boolean removed) {
        JobStatusPublisher hub = publisher;
        if (removed) {
            cancelRecheck(jobName);
            expiry.forget(jobName);
            if (hub != null) {
                hub.jobRemoved(jobName);
            }
            return;
        }
        Optional<JobObjects> objects = cache.objects(jobName);
        if (objects.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Observation observation = deriver.derive(objects.get(), now);
        Job job = reader.read(objects.get(), observation);
        if (hub != null) {
            hub.jobChanged(job);
        }
        observation.recheckAt().ifPresentOrElse(at -> scheduleRecheck(jobName, at, now), () -> cancelRecheck(jobName));
        if (job.status().isTerminal()) {
            expiry.finished(jobName, job.lastUpdateTime());
        }
    }

    private void scheduleRecheck(String jobName, Instant at, Instant now) {
        long delay = Math.max(0, Duration.between(now, at).toMillis());
        rechecks.compute(jobName, (k, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return scheduler.schedule(() -> {
                rechecks.remove(jobName);
                jobChanged(jobName, false);
            }, delay, TimeUnit.MILLISECONDS);
        });
    }

    private void cancelRecheck(String jobName) {
        ScheduledFuture<?> previous = rechecks.remove(jobName);
        if (previous != null) {
            previous.cancel(false);
        }
    }
}
