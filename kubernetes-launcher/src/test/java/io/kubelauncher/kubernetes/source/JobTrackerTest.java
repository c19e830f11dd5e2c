package io.kubelauncher.kubernetes.source;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.plugin.JobQuery;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.kubernetes.cache.CachedJobs;
import io.kubelauncher.kubernetes.cluster.ClusterConnection;
import io.kubelauncher.kubernetes.cluster.KubernetesClients;
import io.kubelauncher.kubernetes.cluster.RequestMetrics;
import io.kubelauncher.kubernetes.translate.JobObjects;
import io.kubelauncher.kubernetes.translate.JobReader;
import io.kubelauncher.kubernetes.translate.StatusDeriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link JobTracker} on a hand-fed cache: what it publishes when changes arrive on several threads. */
class JobTrackerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String JOB = "sleeper-abcde";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final KubernetesClient unusedClient = KubernetesClients.create(new ClusterConnection(URI.create("https://127.0.0.1:1"),
            () -> "token", Optional.empty(), true), "rstudio", new RequestMetrics(Clock.systemUTC()));

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        unusedClient.close();
    }

    /** A cache whose content the test sets, as the reflectors would. */
    private static final class FedCache implements CachedJobs {
        final Map<String, JobObjects> objects = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public List<String> jobNames() {
            return List.copyOf(objects.keySet());
        }

        @Override
        public Optional<JobObjects> objects(String jobName) {
            reads.incrementAndGet();
            return Optional.ofNullable(objects.get(jobName));
        }
    }

    private static Job job() {
        return new JobBuilder().withNewMetadata().withName(JOB).withCreationTimestamp(NOW.toString()).endMetadata()
                .withNewSpec().withBackoffLimit(0).withNewTemplate().withNewSpec()
                .addNewContainer().withName(JobObjects.MAIN_CONTAINER).withImage("r-session").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    /** A Job of {@code user}, submitted at NOW, with its launcher name in the pod template as our templates write it. */
    private static Job job(String name, String user, String launcherName) {
        return new JobBuilder(job()).editMetadata().withName(name).endMetadata()
                .editSpec().editTemplate().withNewMetadata().addToAnnotations("user", user).addToAnnotations("name", launcherName)
                .endMetadata().endTemplate().endSpec().build();
    }

    /** A pod of {@code jobName} whose image pull has been failing since NOW plus one second. */
    private static Pod pullFailing(String jobName) {
        return new PodBuilder(pod(false)).editMetadata().withName(jobName + "-xyz12").endMetadata()
                .editStatus().withContainerStatuses(new ContainerStatusBuilder().withName(JobObjects.MAIN_CONTAINER)
                        .withNewState().withNewWaiting().withReason("ErrImagePull").withMessage("pull access denied").endWaiting().endState()
                        .build()).endStatus().build();
    }

    private JobTracker tracker(CachedJobs cache, Clock clock, ScheduledExecutorService recheckScheduler) {
        Expiry expiry = new Expiry(unusedClient, cache, "rstudio", Duration.ofHours(24), clock, scheduler);
        return new JobTracker(cache, new StatusDeriver(Duration.ofMinutes(5)),
                new JobReader(JsonMapper.builder().build(), "Kubernetes"), clock, recheckScheduler, expiry);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void readsAnswerFromTheJobDerivedAtTheLastChangeWithoutReadingTheCache() {
        FedCache cache = new FedCache();
        JobTracker tracker = tracker(cache, Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC), scheduler);
        cache.objects.put(JOB, new JobObjects(job(), List.of(pod(false)), Optional.empty(), List.of()));
        tracker.jobChanged(JOB, false);
        int readsAfterChange = cache.reads.get();

        assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::status).contains(JobStatus.PENDING);
        assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("*")))).extracting(io.kubelauncher.api.model.Job::id).containsExactly(JOB);
        assertThat(cache.reads.get()).isEqualTo(readsAfterChange);

        cache.objects.put(JOB, new JobObjects(job(), List.of(pod(true)), Optional.empty(), List.of()));
        assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::status).as("not told yet").contains(JobStatus.PENDING);
        tracker.jobChanged(JOB, false);
        assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::status).contains(JobStatus.RUNNING);
        assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::host).contains("node-1");

        cache.objects.remove(JOB);
        tracker.jobChanged(JOB, true);
        assertThat(tracker.job(JOB)).isEmpty();
        assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("*")))).isEmpty();
    }

    @Test
    void aChangedJobObjectIsDescribedAgainAndMovesToItsNewUser() {
        FedCache cache = new FedCache();
        JobTracker tracker = tracker(cache, Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC), scheduler);
        cache.objects.put(JOB, new JobObjects(job(JOB, "alice", "first"), List.of(pod(false)), Optional.empty(), List.of()));
        tracker.jobChanged(JOB, false);
        assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::name).contains("first");

        cache.objects.put(JOB, new JobObjects(job(JOB, "bob", "second"), List.of(pod(false)), Optional.empty(), List.of()));
        tracker.jobChanged(JOB, false);

        assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::name).contains("second");
        assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("alice")))).isEmpty();
        assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("bob")))).extracting(io.kubelauncher.api.model.Job::user).containsExactly("bob");
    }

    @Test
    void aQueryForOneUserReturnsOnlyThatUsersJobsWithoutTranslatingAny() {
        FedCache cache = new FedCache();
        JobTracker tracker = tracker(cache, Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC), scheduler);
        for (int i = 0; i < 30; i++) {
            String name = "job-" + i;
            cache.objects.put(name, new JobObjects(job(name, "user" + (i % 3), "j" + i), List.of(), Optional.empty(), List.of()));
            tracker.jobChanged(name, false);
        }
        int readsAfterChanges = cache.reads.get();

        List<io.kubelauncher.api.model.Job> mine = tracker.jobs(JobQuery.visibleTo(RequestUser.of("user1")));

        assertThat(mine).hasSize(10).allSatisfy(j -> assertThat(j.user()).isEqualTo("user1"));
        assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("nobody")))).isEmpty();
        assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("*")))).hasSize(30);
        assertThat(tracker.jobs(new JobQuery(RequestUser.of("*"), java.util.Set.of(), java.util.Set.of(JobStatus.RUNNING), null, null)))
                .as("no job has a pod yet").isEmpty();
        assertThat(cache.reads.get()).as("cache reads (translations) while answering").isEqualTo(readsAfterChanges);
    }

    @Test
    void aLaunchErrorOutlivingItsGracePeriodIsFailedEvenBeforeTheRecheckRuns() {
        FedCache cache = new FedCache();
        MovableClock clock = new MovableClock(NOW.plusSeconds(3));
        // the recheck lands on this scheduler five minutes away: it will not have run when the clock passes it
        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
        try {
            JobTracker tracker = tracker(cache, clock, idle);
            RecordingPublisher recorded = new RecordingPublisher();
            tracker.publishTo(recorded);
            cache.objects.put(JOB, new JobObjects(job(), List.of(pullFailing(JOB)), Optional.empty(), List.of()));
            tracker.jobChanged(JOB, false);
            assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::status).contains(JobStatus.PENDING);

            clock.now = NOW.plus(Duration.ofMinutes(6));

            assertThat(tracker.job(JOB)).map(io.kubelauncher.api.model.Job::status).contains(JobStatus.FAILED);
            assertThat(tracker.jobs(JobQuery.visibleTo(RequestUser.of("*")))).extracting(io.kubelauncher.api.model.Job::status)
                    .containsExactly(JobStatus.FAILED);
            tracker.jobChanged(JOB, false); // what the recheck does when it runs
            assertThat(recorded.latest(JOB)).map(io.kubelauncher.api.model.Job::status).contains(JobStatus.FAILED);
        } finally {
            idle.shutdownNow();
        }
    }

    private static Pod pod(boolean running) {
        ContainerStatusBuilder status = new ContainerStatusBuilder().withName(JobObjects.MAIN_CONTAINER);
        status = running ? status.withNewState().withNewRunning().withStartedAt(NOW.plusSeconds(2).toString()).endRunning().endState()
                : status.withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState();
        return new PodBuilder().withNewMetadata().withName(JOB + "-xyz12").withCreationTimestamp(NOW.plusSeconds(1).toString()).endMetadata()
                .withSpec(job().getSpec().getTemplate().getSpec()).editSpec().withNodeName("node-1").endSpec()
                .withNewStatus().withPhase(running ? "Running" : "Pending").addToContainerStatuses(status.build()).endStatus().build();
    }

    @Test
    void aStaleReadOnOneThreadIsNeverPublishedAfterAFresherOne() throws Exception {
        FedCache cache = new FedCache();
        Clock clock = Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC);
        Expiry expiry = new Expiry(unusedClient, cache, "rstudio", Duration.ofHours(24), clock, scheduler);
        JobTracker tracker = new JobTracker(cache, new StatusDeriver(Duration.ofMinutes(5)),
                new JobReader(JsonMapper.builder().build(), "Kubernetes"), clock, scheduler, expiry);
        RecordingPublisher recorded = new RecordingPublisher();
        CountDownLatch pendingBeingPublished = new CountDownLatch(1);
        CountDownLatch releasePending = new CountDownLatch(1);
        tracker.publishTo(new io.kubelauncher.api.plugin.JobStatusPublisher() {
            @Override
            public void jobChanged(io.kubelauncher.api.model.Job job) {
                if (job.status() == JobStatus.PENDING) {
                    // the Event thread read the cache before the pod turned Running, and is slow to publish
                    pendingBeingPublished.countDown();
                    awaitRelease(releasePending);
                }
                recorded.jobChanged(job);
            }

            @Override
            public void jobRemoved(String jobId) {
                recorded.jobRemoved(jobId);
            }
        });
        cache.objects.put(JOB, new JobObjects(job(), List.of(pod(false)), Optional.empty(), List.of()));

        Thread eventThread = new Thread(() -> tracker.jobChanged(JOB, false), "event-watch");
        eventThread.start();
        assertThat(pendingBeingPublished.await(10, TimeUnit.SECONDS)).isTrue();

        cache.objects.put(JOB, new JobObjects(job(), List.of(pod(true)), Optional.empty(), List.of()));
        Thread podThread = new Thread(() -> tracker.jobChanged(JOB, false), "pod-watch");
        podThread.start();
        // either the pod thread published at once (the race this test is about) or it waits for the job's lock
        await().atMost(Duration.ofSeconds(10)).until(() -> !recorded.published.isEmpty()
                || podThread.getState() == Thread.State.BLOCKED || podThread.getState() == Thread.State.WAITING);
        releasePending.countDown();
        eventThread.join(10_000);
        podThread.join(10_000);

        assertThat(recorded.published).extracting(io.kubelauncher.api.model.Job::status)
                .containsExactly(JobStatus.PENDING, JobStatus.RUNNING);
        assertThat(recorded.latest(JOB)).map(io.kubelauncher.api.model.Job::status).contains(JobStatus.RUNNING);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
