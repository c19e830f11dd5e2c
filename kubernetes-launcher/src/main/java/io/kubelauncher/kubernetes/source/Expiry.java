package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.kubernetes.cache.CachedJobs;
import io.kubelauncher.kubernetes.render.JobNames;
import io.kubelauncher.kubernetes.translate.JobObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Removes finished jobs from the cluster {@code job-expiry-hours} after their last update (Plugin API
 * §13): the Job, its pods and its Service. Every plugin instance does this independently, so each
 * delete tolerates the object being gone already.
 */
final class Expiry {

    private static final Logger log = LoggerFactory.getLogger(Expiry.class);

    private final KubernetesClient client;
    private final CachedJobs cache;
    private final String namespace;
    private final Duration expiry;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    Expiry(KubernetesClient client, CachedJobs cache, String namespace, Duration expiry, Clock clock, ScheduledExecutorService scheduler) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The job reached a terminal status at {@code lastUpdate}; schedules its removal once. */
    void finished(String jobName, Instant lastUpdate) {
        pending.computeIfAbsent(jobName, name -> {
            long delay = Math.max(0, Duration.between(clock.instant(), lastUpdate.plus(expiry)).toMillis());
            return scheduler.schedule(() -> remove(name), delay, TimeUnit.MILLISECONDS);
        });
    }

    void forget(String jobName) {
        ScheduledFuture<?> task = pending.remove(jobName);
        if (task != null) {
            task.cancel(false);
        }
    }

    private void remove(String jobName) {
        try {
            var pods = cache.objects(jobName).map(JobObjects::pods).orElse(java.util.List.of());
            client.batch().v1().jobs().inNamespace(namespace).withName(jobName)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            client.services().inNamespace(namespace).withName(JobNames.serviceName(jobName)).delete();
            for (Pod pod : pods) {
                client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete();
            }
            log.info("removed expired job {}", jobName);
        } catch (KubernetesClientException e) {
            // another instance may have removed it, or the API is away: the next start-up or a retry handles it
            log.warn("could not remove expired job {}: {}", jobName, e.getMessage());
            pending.remove(jobName);
            scheduler.schedule(() -> finished(jobName, clock.instant().minus(expiry)), 1, TimeUnit.MINUTES);
        }
    }
}
