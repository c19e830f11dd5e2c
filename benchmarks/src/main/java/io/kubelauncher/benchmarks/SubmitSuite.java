package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * Submit Job through the packaged plugin, one at a time as a Launcher forwards a user's click:
 * the latency from the request written to the Job State answer read, with templating on and off;
 * then, once every job has finished, the API requests the plugin sent, per job (issue 6 goal: one
 * create per job, plus one for the Service of a job that exposes ports; nothing for status).
 */
final class SubmitSuite implements Suite {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Every fifth job exposes a port, so that it also needs a Service. */
    private static final int EXPOSE_EVERY = 5;

    @Override
    public String name() {
        return "submit";
    }

    @Override
    public List<Figure> unmeasured(String reason) {
        return List.of(
                Figure.failed("Submit-to-response latency, use-templating=0", "", reason),
                Figure.failed("Submit-to-response latency, use-templating=1", "", reason),
                Figure.failed("API requests per job lifecycle", "1 create (+1 Service)", reason));
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        List<Figure> figures = new ArrayList<>();
        Figure requests = null;
        for (int templating = 0; templating <= 1; templating++) {
            Run run = measure(env, templating == 1);
            String what = "Submit-to-response latency, use-templating=" + templating;
            figures.add(Figure.informative(what, String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms",
                    run.latencies.p50Millis(), run.latencies.p99Millis()), run.latencies.summaryMillis()
                    + String.format(Locale.ROOT, "; first submit after bootstrap %.1f ms", Latencies.millis(run.firstNanos))));
            if (templating == 1) {
                requests = requestsPerJob(run);
            }
        }
        figures.add(requests);
        return figures;
    }

    private record Run(Latencies latencies, long firstNanos, int jobs, int withPorts, Map<String, Long> counts) {
    }

    private Run measure(BenchEnvironment env, boolean templating) throws Exception {
        int jobs = env.size(100, 20);
        try (SimulatedCluster cluster = Clusters.start()) {
            PluginProcess plugin = PluginProcess.start(env, cluster, env.newDirectory("submit"),
                    List.of("use-templating=" + (templating ? 1 : 0)));
            try {
                plugin.bootstrap();
                LauncherClient client = plugin.client();
                StatusWatcher statuses = plugin.watchStatuses("bench");
                List<String> ids = new ArrayList<>();
                List<Long> latencies = new ArrayList<>();
                long first = 0;
                int withPorts = 0;
                int warmup = 5;
                for (int i = 0; i < warmup + jobs; i++) {
                    ObjectNode job = client.objectNode().put("name", "submit " + i).put("command", "true");
                    if (i % EXPOSE_EVERY == 0) {
                        job.putArray("exposedPorts").addObject().put("targetPort", 8787).put("protocol", "TCP");
                        withPorts++;
                    }
                    ObjectNode request = client.userRequest(LauncherClient.SUBMIT_JOB, "bench");
                    request.set("job", job);
                    long sent = System.nanoTime();
                    CompletableFuture<Long> answered = new CompletableFuture<>();
                    Message answer = client.callAsync(request).whenComplete((m, e) -> answered.complete(System.nanoTime()))
                            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    long took = answered.get() - sent;
                    if (answer.isError()) {
                        throw new IllegalStateException("submit " + i + " refused: " + answer + "\n" + plugin.stderr());
                    }
                    ids.add(answer.get("jobs").get(0).get("id").asString());
                    if (i == 0) {
                        first = took;
                    } else if (i >= warmup) {
                        latencies.add(took);
                    }
                }
                for (String id : ids) {
                    statuses.await(id, "Finished", WAIT);
                }
                Map<String, Long> counts = plugin.stopAndCountRequests();
                Latencies measured = Latencies.of(latencies);
                env.log("submit (use-templating=%d): %s; API requests %s", templating ? 1 : 0, measured.summaryMillis(), counts);
                return new Run(measured, first, ids.size(), withPorts, counts);
            } finally {
                plugin.close();
            }
        }
    }

    /** The counts of one run, per job: creates and everything else but the cache's lists, watches and start-up checks. */
    private static Figure requestsPerJob(Run run) {
        long jobCreates = run.counts.getOrDefault("POST jobs", 0L);
        long serviceCreates = run.counts.getOrDefault("POST services", 0L);
        long other = 0;
        for (Map.Entry<String, Long> count : run.counts.entrySet()) {
            String key = count.getKey();
            boolean startUp = key.startsWith("LIST ") || key.startsWith("WATCH ") || key.contains("selfsubjectaccessreviews")
                    || key.equals("GET version");
            if (!startUp && !key.equals("POST jobs") && !key.equals("POST services")) {
                other += count.getValue();
            }
        }
        String measured = String.format(Locale.ROOT, "%.2f job creates per job, %.2f Service creates per job with ports, %.2f other per job",
                (double) jobCreates / run.jobs, (double) serviceCreates / run.withPorts, (double) other / run.jobs);
        boolean met = jobCreates == run.jobs && serviceCreates == run.withPorts && other == 0;
        String raw = run.jobs + " jobs (" + run.withPorts + " with an exposed port) submitted, run to Finished, plugin stopped;"
                + " all requests the plugin sent: " + run.counts;
        return new Figure("API requests per job lifecycle (submit to Finished)", "1 create (+1 Service)", measured,
                met ? Figure.Verdict.MET : Figure.Verdict.MISSED, raw);
    }
}
