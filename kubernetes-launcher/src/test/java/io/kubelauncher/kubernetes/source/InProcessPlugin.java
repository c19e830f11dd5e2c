package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.plugin.BootstrapContext;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cache.Backoff;
import io.kubelauncher.kubernetes.cache.CacheSettings;
import io.kubelauncher.kubernetes.cache.ClusterCache;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.PermissionCheck;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.kubernetes.render.TemplateDirectory;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import io.kubelauncher.kubernetes.render.TemplateLoadException;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What one plugin process holds for its {@link KubernetesJobSource} on a {@link SimulatedCluster},
 * wired as {@code Main} wires it: a client over HTTPS (the cluster's CA, a bearer token) that counts
 * its requests, a scheduler, the publisher the runtime's status hub would be, and the sources
 * started on them. Two of these on one cluster are two plugin processes behind a load balancer; a
 * second source started on one of them is a restart that kept the process's client and counts.
 */
final class InProcessPlugin implements AutoCloseable {

    private final SimulatedCluster cluster;
    private final RequestMetrics metrics = new RequestMetrics(Clock.systemUTC());
    private final KubernetesClient client;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(4);
    private final RecordingPublisher publisher = new RecordingPublisher();
    private final List<KubernetesJobSource> sources = new ArrayList<>();
    private boolean closed;

    InProcessPlugin(SimulatedCluster cluster) {
        this.cluster = cluster;
        // closing drains the work under way (a stdin delivery) but drops timers (expiry, rechecks),
        // so that request counts read after close() are final
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        client = KubernetesClients.create(new ClusterConnection(URI.create(cluster.apiUrl()), cluster::token,
                Optional.of(cluster.caCertificatePem()), true), cluster.namespace(), metrics);
    }

    KubernetesClient client() {
        return client;
    }

    RequestMetrics metrics() {
        return metrics;
    }

    /** How many requests of a kind ({@code "GET pods/attach"}) this process has sent. */
    long requests(String what) {
        return metrics.counts().getOrDefault(what, 0L);
    }

    /** Every job state this process's sources published. */
    RecordingPublisher publisher() {
        return publisher;
    }

    /** The job's latest published status, null before the first. */
    JobStatus status(String id) {
        return publisher.status(id);
    }

    /** A source to start on this process: the settings every test shares, changed where a test says so. */
    SourceBuilder newSource() {
        return new SourceBuilder();
    }

    /** The source started last. */
    KubernetesJobSource source() {
        if (sources.isEmpty()) {
            throw new IllegalStateException("no source started yet: newSource()...start()");
        }
        return sources.get(sources.size() - 1);
    }

    /** The job's whole output as its latest source streams it (mixed), once the stream has ended. */
    String output(String id) throws InterruptedException {
        RecordingOutput output = new RecordingOutput();
        KubernetesJobSource source = source();
        source.streamOutput(RequestUser.of(RequestUser.ALL_USERS), source.job(id).orElseThrow(), OutputType.MIXED, output);
        if (!output.ended.await(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the output stream of " + id + " did not end within 20 s; so far: " + output.text);
        }
        return output.text.toString();
    }

    /** Shuts down every source, lets the work under way finish, then closes the client. Idempotent. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        sources.forEach(KubernetesJobSource::shutdown);
        scheduler.shutdown();
        if (!scheduler.awaitTermination(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the plugin's scheduled work did not finish within 20 s of its shutdown");
        }
        client.close();
    }

    final class SourceBuilder {
        private long fetchLimit = 500;
        private int watchTimeoutSeconds = 5;
        private Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(11));
        private boolean shareProcessNamespace = true;
        private Duration jobExpiry = Duration.ofHours(24);
        private Duration launchGrace = Duration.ofSeconds(30);
        private Duration stopGrace = Duration.ofSeconds(10);
        private Duration resourceInterval = Duration.ofMillis(500);
        private boolean stdinAnnotation = true;
        private Optional<Path> templates = Optional.empty();
        private PodMetricsReader podMetrics;
        private Duration firstScrapeGrace;
        private Clock clock = Clock.systemUTC();

        private SourceBuilder() {
        }

        /** fetch-limit */
        SourceBuilder fetchLimit(long fetchLimit) {
            this.fetchLimit = fetchLimit;
            return this;
        }

        /** watch-timeout-seconds */
        SourceBuilder watchTimeoutSeconds(int seconds) {
            this.watchTimeoutSeconds = seconds;
            return this;
        }

        /** How the cache waits before listing or watching again after a failure. */
        SourceBuilder backoff(Duration first, Duration max) {
            this.backoff = new Backoff(first, max, new Random(11));
            return this;
        }

        /** shared-process-namespace */
        SourceBuilder shareProcessNamespace(boolean share) {
            this.shareProcessNamespace = share;
            return this;
        }

        /** job-expiry-hours */
        SourceBuilder jobExpiry(Duration expiry) {
            this.jobExpiry = expiry;
            return this;
        }

        /** launch-failure-grace-seconds */
        SourceBuilder launchGrace(Duration grace) {
            this.launchGrace = grace;
            return this;
        }

        /** stop-grace-period-seconds */
        SourceBuilder stopGrace(Duration grace) {
            this.stopGrace = grace;
            return this;
        }

        /** How often a resource stream samples the metrics API. */
        SourceBuilder resourceInterval(Duration interval) {
            this.resourceInterval = interval;
            return this;
        }

        /** stdin-annotation: with false, stdin waits in a Secret and bootstrap checks the secrets permissions. */
        SourceBuilder stdinAnnotation(boolean annotation) {
            this.stdinAnnotation = annotation;
            return this;
        }

        /**
         * use-templating=1 with the templates in {@code scratch}: those a test put there (a vendor's,
         * {@link FixtureTemplates}), our defaults for any that is missing.
         */
        SourceBuilder templates(Path scratch) {
            this.templates = Optional.of(scratch);
            return this;
        }

        /** The metrics API as the resource streams see it, and how long a pod may have no figures yet. */
        SourceBuilder podMetrics(PodMetricsReader reader, Duration firstScrapeGrace) {
            this.podMetrics = reader;
            this.firstScrapeGrace = firstScrapeGrace;
            return this;
        }

        /** The source's clock: submission times, expiry, grace periods. */
        SourceBuilder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Creates the source and bootstraps it; it is shut down with this process, also when its
         * bootstrap fails.
         */
        KubernetesJobSource start() {
            String namespace = cluster.namespace();
            ClusterCache cache = new ClusterCache(client, new CacheSettings(namespace, fetchLimit, watchTimeoutSeconds, Duration.ofSeconds(20)),
                    scheduler, backoff);
            JsonMapper mapper = JsonMapper.builder().build();
            SourceSettings settings = new SourceSettings(namespace, "Kubernetes", shareProcessNamespace, jobExpiry, launchGrace, stopGrace,
                    resourceInterval, stdinAnnotation);
            KubernetesJobSource.AccessCheck accessCheck = new PermissionCheck(client, namespace, !stdinAnnotation)::verify;
            SpecRenderer renderer = renderer(mapper);
            KubernetesJobSource source = podMetrics == null
                    ? new KubernetesJobSource(client, cache, new PassThroughPolicy(), renderer, settings, clock, scheduler, mapper, accessCheck,
                            metrics::takeLatencySample)
                    : new KubernetesJobSource(client, cache, new PassThroughPolicy(), renderer, settings, clock, scheduler, mapper, accessCheck,
                            metrics::takeLatencySample, podMetrics, firstScrapeGrace);
            sources.add(source);
            source.bootstrap(new BootstrapContext(new Version(3, 7, 0), publisher));
            return source;
        }

        private SpecRenderer renderer(JsonMapper mapper) {
            if (templates.isEmpty()) {
                return new BuiltinRenderer(mapper);
            }
            TemplateDirectory directory = new TemplateDirectory(templates.get(), TemplateFunctions.launcher());
            try {
                directory.writeDefaultsIfMissing();
                return new TemplateRenderer(directory, mapper, new KubernetesSerialization());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (TemplateLoadException e) {
                throw new AssertionError("the templates in " + templates.get() + " do not load", e);
            }
        }
    }
}
