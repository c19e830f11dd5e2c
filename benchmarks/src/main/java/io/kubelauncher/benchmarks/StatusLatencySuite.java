package io.kubelauncher.benchmarks;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Status latency with many open status streams: 1,000 pending jobs (seeded, their pods held
 * unscheduled), a status stream open on each of 999 of them plus the Launcher's {@code *} stream
 * for user {@code *}; then, one job at a time, a pod change is written to the API server (Pending to
 * Running, then Running to Succeeded) and the time until the Job State frame announcing the new
 * status is read from the plugin's stdout is measured. The clock starts when the API server stores the
 * change ({@link SimulatedCluster#onStored}), the moment the pod changed: what follows is the watch
 * reaching the plugin and the plugin's own work. The time from the PATCH sent, which adds the
 * benchmark's own API request, is reported alongside. Goal (issue 7): p99 < 20 ms.
 */
final class StatusLatencySuite implements Suite {

    private static final String WHAT = "Status latency, pod change to Job Status frame on stdout, 1,000 open status streams";
    private static final String GOAL = "p99 < 20 ms";
    private static final int JOBS = 1_000;
    private static final int USERS = 50;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<Figure> unmeasured(String reason) {
        return List.of(Figure.failed(WHAT, GOAL, reason));
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        int samples = env.size(200, 40);
        try (SimulatedCluster cluster = Clusters.start()) {
            Specimen specimen = Specimen.capture(env, cluster, List.of());
            String container = specimen.pod().path("spec").path("containers").get(0).path("name").asString();
            JobHistory history = new JobHistory(cluster, specimen);
            List<JobHistory.SeededJob> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(history.seed(i, String.format(Locale.ROOT, "user-%03d", i % USERS), JobHistory.Shape.HELD, Duration.ofMinutes(i % 60), false));
            }
            try (PluginProcess plugin = PluginProcess.start(env, cluster, env.newDirectory("status"), List.of())) {
                plugin.bootstrap();
                LauncherClient client = plugin.client();
                StatusWatcher statuses = plugin.watchStatuses("*");
                for (JobHistory.SeededJob job : jobs.subList(0, JOBS - 1)) {
                    client.statusStream(job.user(), job.id());
                }
                for (JobHistory.SeededJob job : jobs) {
                    statuses.await(job.id(), "Pending", WAIT);
                }
                env.log("status: %d streams open on %d pending jobs; measuring %d jobs x 2 changes", JOBS, JOBS, samples);
                KubernetesClient api = cluster.client();
                // the moment each pod change is stored in the API server, before any watch hears of it
                Map<Long, Long> storedAt = new ConcurrentHashMap<>();
                List<Long> latencies = new ArrayList<>();
                List<Long> fromPatch = new ArrayList<>();
                List<Long> patches = new ArrayList<>();
                int step = Math.max(1, (JOBS - 1) / samples);
                try (AutoCloseable observing = cluster.onStored(change -> {
                    if (change.kind().equals("Pod")) {
                        storedAt.put(change.resourceVersion(), System.nanoTime());
                    }
                })) {
                    for (int i = 0; i < samples; i++) {
                        JobHistory.SeededJob job = jobs.get(i * step);
                        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                        String running = "{\"status\":{\"phase\":\"Running\",\"startTime\":\"" + now + "\","
                                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"lastTransitionTime\":\"" + now + "\"}],"
                                + "\"containerStatuses\":[{\"name\":\"" + container + "\",\"ready\":true,\"started\":true,\"restartCount\":0,"
                                + "\"image\":\"ubuntu:24.04\",\"imageID\":\"\",\"state\":{\"running\":{\"startedAt\":\"" + now + "\"}}}]}}";
                        String succeeded = "{\"status\":{\"phase\":\"Succeeded\","
                                + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"PodCompleted\",\"lastTransitionTime\":\"" + now + "\"}],"
                                + "\"containerStatuses\":[{\"name\":\"" + container + "\",\"ready\":false,\"started\":false,\"restartCount\":0,"
                                + "\"image\":\"ubuntu:24.04\",\"imageID\":\"\",\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\","
                                + "\"startedAt\":\"" + now + "\",\"finishedAt\":\"" + now + "\"}}}]}}";
                        for (String[] change : List.of(new String[] {running, "Running"}, new String[] {succeeded, "Finished"})) {
                            long start = System.nanoTime();
                            Pod patched = api.pods().withName(job.podName()).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), change[0]);
                            long answered = System.nanoTime();
                            long arrived = statuses.await(job.id(), change[1], WAIT);
                            long stored = storedAt.get(Long.parseLong(patched.getMetadata().getResourceVersion()));
                            latencies.add(arrived - stored);
                            fromPatch.add(arrived - start);
                            patches.add(answered - start);
                        }
                    }
                }
                Latencies measured = Latencies.of(latencies);
                Latencies patchTimes = Latencies.of(patches);
                Latencies sinceSent = Latencies.of(fromPatch);
                String raw = String.format(Locale.ROOT, "%d changes on %d jobs (Pending→Running, Running→Finished), from the change"
                        + " stored in the API server to the frame read: %s; counting from the PATCH sent instead: %s; the PATCH round"
                        + " trip alone: %s", measured.count(), samples, measured.summaryMillis(), sinceSent.summaryMillis(),
                        patchTimes.summaryMillis());
                env.log("status latency: %s", raw);
                return List.of(Figure.atMost(WHAT, GOAL, measured.p99Millis(), 20,
                        String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", measured.p50Millis(), measured.p99Millis()), raw));
            }
        }
    }
}
