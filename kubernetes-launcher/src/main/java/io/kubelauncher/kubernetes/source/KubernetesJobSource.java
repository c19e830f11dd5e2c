package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.LatencySample;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.ConfigReloadResult;
import io.kubelauncher.api.plugin.ControlResult;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.JobSource;
import io.kubelauncher.api.plugin.OutputSink;
import io.kubelauncher.api.plugin.PluginException;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.render.Admission;
import io.kubelauncher.kubernetes.render.JobContext;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.JobReader;
import io.kubelauncher.kubernetes.translate.LauncherKeys;
import io.kubelauncher.kubernetes.translate.StatusDeriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The Kubernetes side of the plugin. A submitted job becomes a {@code batch/v1} Job (one API
 * request), plus a Service owned by the Job when it exposes ports (one more). Everything else is
 * read from the {@link ClusterCache}: Kubernetes is the only job database, so any number of plugin
 * instances see the same jobs.
 */
public final class KubernetesJobSource implements JobSource {

    private static final Logger log = LoggerFactory.getLogger(KubernetesJobSource.class);
    /** metrics-server scrapes every 15 to 60 s: a new pod may have no PodMetrics for that long, and then some. */
    private static final Duration FIRST_SCRAPE_GRACE = Duration.ofMinutes(2);

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final SubmissionPolicy policy;
    private final SpecRenderer renderer;
    private final SourceSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final JobReader reader;
    private final StatusDeriver deriver;
    private final JobTracker tracker;
    private final JobControl control;
    private final StdinWriter stdin;
    private final StdinSecrets stdinSecrets;
    private final NetworkLookup network;
    private final ResourceStreams resources;
    private final AccessCheck accessCheck;
    private final Supplier<Optional<LatencySample>> latency;

    /** What bootstrap verifies while the first lists run, so that a missing permission is named (and the lists stopped). */
    @FunctionalInterface
    public interface AccessCheck {
        /** @throws PluginException naming what the service account may not do */
        void verify() throws PluginException;
    }

    public KubernetesJobSource(KubernetesClient client, ClusterCache cache, SubmissionPolicy policy, SpecRenderer renderer,
                               SourceSettings settings, Clock clock, ScheduledExecutorService scheduler, ObjectMapper mapper,
                               AccessCheck accessCheck, Supplier<Optional<LatencySample>> latency) {
        this(client, cache, policy, renderer, settings, clock, scheduler, mapper, accessCheck, latency, PodMetricsReader.of(client), FIRST_SCRAPE_GRACE);
    }

    KubernetesJobSource(KubernetesClient client, ClusterCache cache, SubmissionPolicy policy, SpecRenderer renderer,
                        SourceSettings settings, Clock clock, ScheduledExecutorService scheduler, ObjectMapper mapper,
                        AccessCheck accessCheck, Supplier<Optional<LatencySample>> latency, PodMetricsReader podMetrics,
                        Duration firstScrapeGrace) {
        this.client = Objects.requireNonNull(client, "client");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.renderer = new StdinKeptOffThePod(Objects.requireNonNull(renderer, "renderer"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.accessCheck = Objects.requireNonNull(accessCheck, "accessCheck");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.reader = new JobReader(mapper, settings.clusterName());
        this.deriver = new StatusDeriver(settings.launchGracePeriod());
        Expiry expiry = new Expiry(client, cache, settings.namespace(), settings.jobExpiry(), clock, scheduler);
        this.tracker = new JobTracker(cache, deriver, reader, clock, scheduler, expiry);
        this.control = new JobControl(client, cache, settings.namespace(), settings.stopGracePeriod(), clock, mapper, scheduler);
        this.stdinSecrets = new StdinSecrets(client, settings.namespace());
        this.stdin = new StdinWriter(client, cache, settings.namespace(), scheduler, mapper, clock, stdinSecrets);
        this.network = new NetworkLookup(client);
        this.resources = new ResourceStreams(Objects.requireNonNull(podMetrics, "podMetrics"), cache, tracker, settings.namespace(), scheduler,
                settings.resourceInterval(), firstScrapeGrace);
    }

    @Override
    public void bootstrap(BootstrapContext context) {
        tracker.publishTo(context.statusPublisher());
        cache.addListener(tracker);
        cache.addListener(stdin);
        // The lists start while the access reviews (a round trip each) are under way: with thousands of
        // jobs the lists are most of the bootstrap, and the reviews need not hold them up. A missing
        // permission still fails the bootstrap with its name, and stops the lists.
        cache.startListing();
        try {
            accessCheck.verify();
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        try {
            cache.awaitListed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException(ErrorCode.UNKNOWN, "interrupted while loading the jobs from Kubernetes");
        } catch (IllegalStateException e) {
            throw new PluginException(ErrorCode.UNKNOWN, "Could not load the jobs from Kubernetes: " + e.getMessage(), e);
        }
        log.info("loaded {} launcher jobs from namespace {}", cache.jobNames().size(), settings.namespace());
    }

    @Override
    public Job submit(RequestUser user, Job job) {
        Admission admission = policy.admit(user, job);
        JobContext context = JobContext.of(admission, settings.clusterName(), settings.shareProcessNamespace(), settings.stdinAnnotation());
        io.fabric8.kubernetes.api.model.batch.v1.Job spec = renderer.job(context);
        Map<String, String> annotations = new LinkedHashMap<>(Optional.ofNullable(spec.getMetadata().getAnnotations()).orElse(Map.of()));
        annotations.put(LauncherKeys.SUBMITTED, reader.submittedAnnotation(admission.job()));
        spec.getMetadata().setAnnotations(annotations);
        // Without this label the cache would never see the job; a template must not be able to lose it.
        Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(spec.getMetadata().getLabels()).orElse(Map.of()));
        labels.put(LauncherKeys.MANAGED_BY, LauncherKeys.MANAGED_BY_VALUE);
        spec.getMetadata().setLabels(labels);
        spec.getMetadata().setNamespace(settings.namespace());

        io.fabric8.kubernetes.api.model.batch.v1.Job created;
        try {
            created = client.batch().v1().jobs().inNamespace(settings.namespace()).resource(spec).create();
        } catch (KubernetesClientException e) {
            throw new PluginException(ErrorCode.UNKNOWN, "Kubernetes refused the job: " + reason(e), e);
        }
        cache.offer(created);
        String id = created.getMetadata().getName();
        Optional<Service> service = createService(context, created);
        if (StdinSecrets.holds(created)) {
            storeStdin(created, admission.job().stdin());
        }
        stdin.expect(id, admission.job().stdin());
        JobObjects objects = new JobObjects(created, List.of(), service, List.of());
        Job stored = tracker.read(objects);
        log.info("submitted job {} ({}) for {}", id, stored.name(), stored.user());
        return stored;
    }

    private Optional<Service> createService(JobContext context, io.fabric8.kubernetes.api.model.batch.v1.Job created) {
        String id = created.getMetadata().getName();
        Optional<Service> spec;
        try {
            spec = renderer.service(context, id);
        } catch (PluginException e) {
            deleteQuietly(id);
            throw e;
        }
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Service service = spec.get();
        service.getMetadata().setNamespace(settings.namespace());
        // Owned by the Job, so that deleting the Job (expiry, or by hand) removes the Service too.
        service.getMetadata().setOwnerReferences(List.of(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                .withName(id).withUid(created.getMetadata().getUid()).withBlockOwnerDeletion(false).withController(false).build()));
        try {
            Service createdService = client.services().inNamespace(settings.namespace()).resource(service).create();
            cache.offer(createdService);
            return Optional.of(createdService);
        } catch (KubernetesClientException e) {
            deleteQuietly(id);
            throw new PluginException(ErrorCode.UNKNOWN, "Kubernetes refused the Service of the job's exposed ports: " + reason(e)
                    + " (the job was not started)", e);
        }
    }

    private void storeStdin(io.fabric8.kubernetes.api.model.batch.v1.Job created, String text) {
        try {
            stdinSecrets.store(created, text);
        } catch (KubernetesClientException e) {
            deleteQuietly(created.getMetadata().getName());
            throw new PluginException(ErrorCode.UNKNOWN, "Kubernetes refused the Secret " + StdinSecrets.secretName(created.getMetadata().getName())
                    + " holding the job's stdin (stdin-annotation=0): " + reason(e) + " (the job was not started)", e);
        }
    }

    private void deleteQuietly(String jobName) {
        try {
            client.batch().v1().jobs().inNamespace(settings.namespace()).withName(jobName)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            log.warn("could not delete job {} after its Service or stdin Secret failed: {}", jobName, e.getMessage());
        }
    }

    private static String reason(KubernetesClientException e) {
        return e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
    }

    @Override
    public Optional<Job> job(String jobId) {
        return tracker.job(jobId);
    }

    @Override
    public List<Job> jobs(JobQuery query) {
        return tracker.jobs(query);
    }

    @Override
    public ControlResult control(RequestUser user, Job job, JobOperation operation) {
        return control.control(job, operation);
    }

    @Override
    public StreamHandle streamOutput(RequestUser user, Job job, OutputType type, OutputSink sink) {
        // Kubernetes keeps one log per container with stdout and stderr interleaved: whatever was asked,
        // the stream is that log, tagged mixed, rather than an empty stream for stderr alone.
        OutputFollower follower = new OutputFollower(client, cache, tracker, settings.namespace(), job.id(), sink, scheduler);
        follower.start();
        return follower;
    }

    @Override
    public StreamHandle streamResourceUtilisation(Job job, ResourceSink sink) {
        return resources.open(job.id(), sink);
    }

    /** The number of jobs whose PodMetrics are being polled for resource streams. */
    int sampledJobs() {
        return resources.sampledJobs();
    }

    @Override
    public JobNetwork network(RequestUser user, Job job) {
        return cache.objects(job.id()).map(network::lookup).orElseThrow(() -> PluginException.jobNotFound(job.id()));
    }

    @Override
    public ClusterInfo clusterInfo(RequestUser user) {
        ClusterInfo info = policy.clusterInfo(user);
        // the profiles decide images and limits; whether init containers reach the pod is the renderer's to say
        return new ClusterInfo(info.supportsContainers(), info.images(), info.defaultImage(), info.allowUnknownImages(), info.queues(),
                info.defaultQueue(), info.config(), info.placementConstraints(), info.resourceLimits(), info.resourceProfiles(),
                renderer.honoursInitContainers(), info.containersUseHostNetwork());
    }

    @Override
    public ConfigReloadResult reloadConfig(RequestUser user) {
        return policy.reload();
    }

    @Override
    public Optional<LatencySample> takeLatencySample() {
        return latency.get();
    }

    @Override
    public void shutdown() {
        cache.close();
    }
}
