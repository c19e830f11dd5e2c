package io.kubelauncher.kubernetes.cache;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceList;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.LauncherKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The plugin's view of the cluster: the launcher's Jobs and Services, the pods of those Jobs and the
 * Events about them, kept current by one {@link Reflector} per kind. Every read (Get Job, status,
 * control checks) is answered from here without an API call.
 */
public final class ClusterCache implements CachedJobs, AutoCloseable {

    private static final String MANAGED = LauncherKeys.MANAGED_BY + "=" + LauncherKeys.MANAGED_BY_VALUE;
    private static final Set<String> EVENT_KINDS = Set.of("Job", "Pod");
    /**
     * Events of the routine steps of every pod's life, filtered out by the API server: they are most
     * of a namespace's Events (five or six per job) and no status is derived from them
     * ({@link io.kubelauncher.kubernetes.translate.StatusDeriver#EVENT_REASONS_READ}), so listing,
     * decoding, keeping and re-deriving a job for each was work for nothing, at bootstrap and after.
     * A field selector cannot name the reasons wanted (its terms are ANDed), only exclude these.
     */
    static final List<String> ROUTINE_EVENT_REASONS = List.of("Scheduled", "Pulled", "Created", "Started", "Killing", "Completed",
            "SuccessfulCreate", "SuccessfulDelete");
    /** The field selector that leaves out {@link #ROUTINE_EVENT_REASONS}, as listed (the watch says it with withoutField). */
    private static final String WITHOUT_ROUTINE_EVENTS = ROUTINE_EVENT_REASONS.stream().map(reason -> "reason!=" + reason)
            .collect(Collectors.joining(","));

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Pod>> podsByJob = new ConcurrentHashMap<>();
    /** The job of each pod in {@link #podsByJob}, so that an Event about a pod finds its job without a scan. */
    private final Map<String, String> jobByPod = new ConcurrentHashMap<>();
    private final Map<String, Service> servicesByJob = new ConcurrentHashMap<>();
    /** Events by the name of the object they are about (a Job or a pod). */
    private final Map<String, Map<String, Event>> eventsByObject = new ConcurrentHashMap<>();
    private final List<JobChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CacheSettings settings;
    private final Reflector<Job> jobReflector;
    private final Reflector<Pod> podReflector;
    private final Reflector<Service> serviceReflector;
    private final Reflector<Event> eventReflector;
    /**
     * False while the first lists are under way: a job then changes once per listed object (its Job,
     * its pods, each Event), and a listener would derive it that many times before the view is even
     * complete. The complete view is announced once per job instead, when every kind is listed.
     */
    private volatile boolean announcing;
    /** Completes when every kind is listed; set by {@link #startListing}. */
    private CompletableFuture<Void> listed;

    public ClusterCache(KubernetesClient client, CacheSettings settings, ScheduledExecutorService scheduler, Backoff backoff) {
        this.settings = Objects.requireNonNull(settings, "settings");
        String ns = settings.namespace();
        long limit = settings.fetchLimit();
        int timeout = settings.watchTimeoutSeconds();
        jobReflector = new Reflector<>("Job", endpoint(client, ns, Job.class, JobList.class, MANAGED, null,
                client.batch().v1().jobs().inNamespace(ns).withLabelSelector(MANAGED)), new JobListener(), scheduler, backoff, limit, timeout);
        podReflector = new Reflector<>("Pod", endpoint(client, ns, Pod.class, PodList.class, LauncherKeys.JOB_NAME, null,
                client.pods().inNamespace(ns).withLabelSelector(LauncherKeys.JOB_NAME)), new PodListener(), scheduler, backoff, limit, timeout);
        serviceReflector = new Reflector<>("Service", endpoint(client, ns, Service.class, ServiceList.class, MANAGED, null,
                client.services().inNamespace(ns).withLabelSelector(MANAGED)), new ServiceListener(), scheduler, backoff, limit, timeout);
        eventReflector = new Reflector<>("Event", endpoint(client, ns, Event.class, EventList.class, null, WITHOUT_ROUTINE_EVENTS,
                withoutRoutineEvents(client.v1().events().inNamespace(ns))), new EventListener(), scheduler, backoff, limit, timeout);
    }

    /** Pages listed with gzip ({@link CompressedListing}); the watch through Fabric8 on the same selection. */
    private static <T extends HasMetadata, L extends KubernetesResourceList<T>> ResourceEndpoint<T> endpoint(
            KubernetesClient client, String ns, Class<T> kind, Class<L> listType, String labelSelector, String fieldSelector,
            FilterWatchListDeletable<T, L, ?> watched) {
        return ResourceEndpoint.of(CompressedListing.of(client, ns, kind, listType, labelSelector, fieldSelector)::list, watched);
    }

    private static FilterWatchListDeletable<Event, EventList, Resource<Event>> withoutRoutineEvents(
            FilterWatchListDeletable<Event, EventList, Resource<Event>> events) {
        FilterWatchListDeletable<Event, EventList, Resource<Event>> filtered = events;
        for (String reason : ROUTINE_EVENT_REASONS) {
            filtered = filtered.withoutField("reason", reason);
        }
        return filtered;
    }

    /**
     * Lists every kind and starts watching; returns once all four lists are complete.
     *
     * @throws IllegalStateException naming the kinds that could not be listed within the sync timeout
     */
    public void start() throws InterruptedException {
        startListing();
        awaitListed();
    }

    /** Starts listing and watching every kind, without waiting: {@link #awaitListed} waits. */
    public void startListing() {
        synchronized (this) {
            if (listed != null) {
                throw new IllegalStateException("the cache is already listing");
            }
            listed = CompletableFuture.allOf(jobReflector.start(), podReflector.start(), serviceReflector.start(), eventReflector.start());
        }
    }

    /**
     * Returns once every kind started by {@link #startListing} is listed, and announces each job to
     * the listeners.
     *
     * @throws IllegalStateException naming the kinds that could not be listed within the sync timeout
     */
    public void awaitListed() throws InterruptedException {
        CompletableFuture<Void> all;
        synchronized (this) {
            all = Objects.requireNonNull(listed, "startListing was not called");
        }
        try {
            all.get(settings.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            List<String> missing = new ArrayList<>();
            if (!jobReflector.hasSynced()) missing.add("jobs");
            if (!podReflector.hasSynced()) missing.add("pods");
            if (!serviceReflector.hasSynced()) missing.add("services");
            if (!eventReflector.hasSynced()) missing.add("events");
            throw new IllegalStateException("could not list " + String.join(", ", missing) + " in namespace "
                    + settings.namespace() + " within " + settings.syncTimeout().toSeconds() + " s (see the log for the API errors)");
        } catch (ExecutionException e) {
            throw new IllegalStateException("listing failed: " + e.getCause().getMessage(), e.getCause());
        }
        announceAll();
    }

    /**
     * From here on every change is passed on as it happens. A change racing with this loop may reach
     * a listener twice for the same job; both notifications read the cache as it is then, so the
     * second one costs a derivation and nothing else.
     */
    private void announceAll() {
        announcing = true;
        for (String jobName : jobs.keySet()) {
            changed(jobName, false);
        }
    }

    /** Merges a Job we created or changed, so that reads right after our own write see it. */
    public void offer(Job job) {
        jobReflector.offer(job);
    }

    public void offer(Service service) {
        serviceReflector.offer(service);
    }

    @Override
    public List<String> jobNames() {
        return List.copyOf(jobs.keySet());
    }

    @Override
    public Optional<JobObjects> objects(String jobName) {
        Job job = jobs.get(jobName);
        if (job == null) {
            return Optional.empty();
        }
        List<Pod> pods = List.copyOf(podsByJob.getOrDefault(jobName, Map.of()).values());
        List<Event> events = new ArrayList<>(eventsByObject.getOrDefault(jobName, Map.of()).values());
        for (Pod pod : pods) {
            events.addAll(eventsByObject.getOrDefault(pod.getMetadata().getName(), Map.of()).values());
        }
        return Optional.of(new JobObjects(job, pods, Optional.ofNullable(servicesByJob.get(jobName)), events));
    }

    /** The Job a pod belongs to: its controller owner, else the Job controller's label. */
    static Optional<String> jobOf(Pod pod) {
        if (pod.getMetadata().getOwnerReferences() != null) {
            for (OwnerReference owner : pod.getMetadata().getOwnerReferences()) {
                if ("Job".equals(owner.getKind())) {
                    return Optional.of(owner.getName());
                }
            }
        }
        Map<String, String> labels = pod.getMetadata().getLabels();
        return Optional.ofNullable(labels == null ? null : labels.get(LauncherKeys.JOB_NAME));
    }

    private static Optional<String> label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return Optional.ofNullable(labels == null ? null : labels.get(key));
    }

    /** The job an Event is about: directly, or through the pod (whose name is the Job's plus a suffix). */
    private Optional<String> jobOf(Event event) {
        String name = event.getInvolvedObject().getName();
        if ("Job".equals(event.getInvolvedObject().getKind())) {
            return Optional.of(name);
        }
        String job = jobByPod.get(name);
        if (job != null) {
            return Optional.of(job);
        }
        int dash = name.lastIndexOf('-');
        return dash > 0 ? Optional.of(name.substring(0, dash)) : Optional.empty();
    }

    /** Listeners are called on the cache's threads, after the cache reflects the change. */
    public void addListener(JobChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(JobChangeListener listener) {
        listeners.remove(listener);
    }

    private void changed(String jobName, boolean removed) {
        if (!announcing) {
            return;
        }
        if (removed || jobs.containsKey(jobName)) {
            for (JobChangeListener listener : listeners) {
                listener.jobChanged(jobName, removed);
            }
        }
    }

    private final class JobListener implements ObjectListener<Job> {
        @Override
        public void upserted(Job job) {
            jobs.put(job.getMetadata().getName(), job);
            changed(job.getMetadata().getName(), false);
        }

        @Override
        public void deleted(Job job) {
            String name = job.getMetadata().getName();
            if (jobs.remove(name) != null) {
                eventsByObject.remove(name);
                changed(name, true);
            }
        }
    }

    private final class PodListener implements ObjectListener<Pod> {
        @Override
        public void upserted(Pod pod) {
            jobOf(pod).ifPresent(job -> {
                podsByJob.computeIfAbsent(job, k -> new ConcurrentHashMap<>()).put(pod.getMetadata().getName(), pod);
                jobByPod.put(pod.getMetadata().getName(), job);
                changed(job, false);
            });
        }

        @Override
        public void deleted(Pod pod) {
            jobOf(pod).ifPresent(job -> {
                Map<String, Pod> pods = podsByJob.get(job);
                if (pods != null) {
                    pods.remove(pod.getMetadata().getName());
                    if (pods.isEmpty()) {
                        podsByJob.remove(job);
                    }
                }
                jobByPod.remove(pod.getMetadata().getName(), job);
                eventsByObject.remove(pod.getMetadata().getName());
                changed(job, false);
            });
        }
    }

    private final class ServiceListener implements ObjectListener<Service> {
        @Override
        public void upserted(Service service) {
            label(service, LauncherKeys.JOB_NAME).ifPresent(job -> {
                servicesByJob.put(job, service);
                changed(job, false);
            });
        }

        @Override
        public void deleted(Service service) {
            label(service, LauncherKeys.JOB_NAME).ifPresent(job -> {
                servicesByJob.computeIfPresent(job, (k, v) -> v.getMetadata().getName().equals(service.getMetadata().getName()) ? null : v);
                changed(job, false);
            });
        }
    }

    private final class EventListener implements ObjectListener<Event> {
        @Override
        public void upserted(Event event) {
            if (event.getInvolvedObject() == null || !EVENT_KINDS.contains(event.getInvolvedObject().getKind())) {
                return;
            }
            eventsByObject.computeIfAbsent(event.getInvolvedObject().getName(), k -> new ConcurrentHashMap<>())
                    .put(event.getMetadata().getName(), event);
            jobOf(event).ifPresent(job -> changed(job, false));
        }

        @Override
        public void deleted(Event event) {
            if (event.getInvolvedObject() == null) {
                return;
            }
            Map<String, Event> events = eventsByObject.get(event.getInvolvedObject().getName());
            if (events != null) {
                events.remove(event.getMetadata().getName());
            }
        }
    }

    @Override
    public void close() {
        jobReflector.close();
        podReflector.close();
        serviceReflector.close();
        eventReflector.close();
    }
}
