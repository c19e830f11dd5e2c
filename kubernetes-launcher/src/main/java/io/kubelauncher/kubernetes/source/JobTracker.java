package io.kubelauncher.kubernetes.source;

import io.kubelauncher.api.model.Job;
import io.fabric8.kubernetes.api.model.Service;
import io.kubelauncher.api.plugin.JobQuery;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns cache changes into launcher jobs and pushes them to the status hub. Status is derived, not
 * stored: the same objects give the same job on every instance. A job whose status will change by
 * the clock alone (a launch error outliving its grace period) is re-derived at that moment, and a
 * finished job is handed to {@link Expiry}.
 *
 * <p>The job derived at each change is kept, with an index by user, so that Get Job reads (thousands
 * of jobs, many requests a second) cost a map lookup rather than a translation of every job. What the
 * Job and Service describe (the submitted annotation, tags, metadata...) is kept apart and reused
 * while only the pods and Events change, which is most changes.
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
    /** The latest job derived for each job name; written under the job's lock only. */
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    /** Job names by the job's user, for the queries of one user. */
    private final Map<String, Set<String>> namesByUser = new ConcurrentHashMap<>();
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

    /**
     * What one derivation gave.
     *
     * @param source the Job object {@code described} was read from
     * @param service the Service object it was read with
     * @param described the job without its progress ({@link JobReader#describe})
     * @param job the job with its progress
     * @param recheckAt when the same objects derive another status by the clock alone
     */
    private record Tracked(io.fabric8.kubernetes.api.model.batch.v1.Job source, Optional<Service> service, Job described,
                           Job job, Optional<Instant> recheckAt) {

        boolean describes(JobObjects objects) {
            // Watches hand over a new object for every change, so an unchanged one is the same instance.
            return source == objects.job() && service.orElse(null) == objects.service().orElse(null);
        }
    }

    Optional<Job> job(String id) {
        Tracked current = tracked.get(id);
        if (current == null || dueForRecheck(current)) {
            // not derived yet (a change being handled right now), or the scheduled recheck is late
            return cache.objects(id).map(this::read);
        }
        return Optional.of(current.job());
    }

    /** The jobs matching the query, looking only at the query user's jobs when the user is not {@code *}. */
    List<Job> jobs(JobQuery query) {
        Collection<String> names = query.user().isAllUsers() ? tracked.keySet() : namesByUser.getOrDefault(query.user().username(), Set.of());
        List<Job> jobs = new ArrayList<>();
        for (String name : names) {
            job(name).filter(query::matches).ifPresent(jobs::add);
        }
        return jobs;
    }

    private boolean dueForRecheck(Tracked current) {
        return current.recheckAt().isPresent() && !clock.instant().isBefore(current.recheckAt().get());
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
            forget(jobName);
            expiry.forget(jobName);
            if (hub != null) {
                hub.jobRemoved(jobName);
            }
            return;
        }
        Optional<JobObjects> objects = cache.objects(jobName);
        if (objects.isEmpty()) {
            forget(jobName);
            return;
        }
        Instant now = clock.instant();
        Observation observation = deriver.derive(objects.get(), now);
        Tracked previous = tracked.get(jobName);
        Job described = previous != null && previous.describes(objects.get()) ? previous.described() : reader.describe(objects.get());
        Job job = reader.withProgress(described, observation);
        remember(jobName, new Tracked(objects.get().job(), objects.get().service(), described, job, observation.recheckAt()), previous);
        if (hub != null) {
            hub.jobChanged(job);
        }
        observation.recheckAt().ifPresentOrElse(at -> scheduleRecheck(jobName, at, now), () -> cancelRecheck(jobName));
        if (job.status().isTerminal()) {
            expiry.finished(jobName, job.lastUpdateTime());
        }
    }

    private void remember(String jobName, Tracked now, Tracked previous) {
        String user = now.job().user();
        if (previous != null && !previous.job().user().equals(user)) {
            unindex(jobName, previous.job().user());
        }
        // inside compute: a set emptied and dropped by unindex at the same moment must not swallow the name
        namesByUser.compute(user, (k, names) -> {
            Set<String> kept = names == null ? ConcurrentHashMap.newKeySet() : names;
            kept.add(jobName);
            return kept;
        });
        tracked.put(jobName, now);
    }

    private void forget(String jobName) {
        Tracked previous = tracked.remove(jobName);
        if (previous != null) {
            unindex(jobName, previous.job().user());
        }
    }

    private void unindex(String jobName, String user) {
        namesByUser.computeIfPresent(user, (k, names) -> {
            names.remove(jobName);
            return names.isEmpty() ? null : names;
        });
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
