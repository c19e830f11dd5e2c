package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * A namespace with 10,000 existing jobs, most of them finished (issue 7): 9,900 finished over the
 * last 20 hours (the most recent 1,000 still with their Events, as a real cluster keeps Events for
 * an hour or so) and 100 pending, owned by 200 users. Measures the plugin's bootstrap (process
 * start to Bootstrap answer, its cache filled), its live heap after bootstrap, and Get Job {@code *}
 * with filters as the Launcher and users send it.
 */
final class ManyJobsSuite implements Suite {

    private static final int JOBS = 10_000;
    private static final int PENDING = 100;
    private static final int WITH_EVENTS = 1_000;
    private static final int USERS = 200;
    private static final Duration SPREAD = Duration.ofHours(20);
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private static final String BOOT = "10,000 jobs: plugin bootstrap (process start to Bootstrap answer)";
    private static final String HEAP = "10,000 jobs: live heap after bootstrap (after a full GC)";
    private static final String GET = "10,000 jobs: filtered Get Job * ";

    @Override
    public String name() {
        return "manyjobs";
    }

    @Override
    public List<Figure> unmeasured(String reason) {
        return List.of(Figure.failed(BOOT, "< 3 s", reason), Figure.failed(HEAP, "< 256 MB", reason),
                Figure.failed(GET + "p99", "< 50 ms", reason));
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        int requests = env.size(200, 60);
        List<Figure> figures = new ArrayList<>();
        // measured first without a class-data archive; the one an earlier run left is not this run's
        Path archive = env.pluginJar().resolveSibling(io.kubelauncher.kubernetes.admin.ClassDataArchive.FILE_NAME);
        Files.deleteIfExists(archive);
        try (SimulatedCluster cluster = Clusters.start()) {
            Specimen specimen = Specimen.capture(env, cluster, List.of());
            // the same plugin on the same cluster before it holds any history: the fixed cost of a start
            String empty = "with 1 job instead, " + bootstrapOnce(env, cluster, "manyjobs-empty");
            env.log("manyjobs: %s", empty);
            JobHistory history = new JobHistory(cluster, specimen);
            long seeding = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                String user = String.format(Locale.ROOT, "user-%03d", i % USERS);
                // job 0 is the oldest, job 9,999 the newest; the last PENDING are still waiting for a node
                Duration age = SPREAD.multipliedBy(JOBS - i).dividedBy(JOBS);
                boolean pending = i >= JOBS - PENDING;
                history.seed(i, user, pending ? JobHistory.Shape.HELD : JobHistory.Shape.FINISHED, age,
                        i >= JOBS - PENDING - WITH_EVENTS);
            }
            env.log("manyjobs: seeded %,d jobs in %.1f s", JOBS, (System.nanoTime() - seeding) / 1e9);
            String listing = listAlone(cluster);
            env.log("manyjobs: %s", listing);

            String withoutArchive = bootstrapOnce(env, cluster, "manyjobs-without-archive");
            env.log("manyjobs: without a class-data archive, %s", withoutArchive);
            String archiving = createArchive(env, cluster, archive);
            env.log("manyjobs: %s", archiving);

            Path dir = env.newDirectory("manyjobs");
            long clusterCpuBefore = clusterCpuNanos();
            try (PluginProcess plugin = PluginProcess.start(env, cluster, dir, List.of())) {
                plugin.bootstrap();
                long booted = System.nanoTime() - plugin.startedNanos();
                Duration bootCpu = plugin.cpuTime();
                String bootCpuByKind = ThreadCpu.describe(ThreadCpu.byKind(plugin.pid()));
                double clusterCpu = (clusterCpuNanos() - clusterCpuBefore) / 1e9;
                LauncherClient client = plugin.client();
                client.recordMessages(false);
                Message all = client.getJobs("*", null, null, null, null, List.of("id", "status"));
                int total = all.get("jobs").size();
                if (total < JOBS) {
                    throw new IllegalStateException("the plugin sees " + total + " jobs after bootstrap, expected " + (JOBS + 1));
                }
                double seconds = booted / 1e9;
                figures.add(Figure.atMost(BOOT, "< 3 s", seconds, 3, String.format(Locale.ROOT, "%.2f s", seconds),
                        String.format(Locale.ROOT, "%.0f ms from process start to the Bootstrap answer, with the class-data archive of"
                                + " --create-cds-archive (%s; without it: %s), of which the plugin process"
                                + " used %.1f s of CPU (JVM start included; by thread: %s) and the SimulatedCluster, serving its lists in the benchmark's"
                                + " JVM on the same %d cores, %.1f s; the plugin then lists %,d jobs; %s; %s", booted / 1e6, archiving, withoutArchive,
                                bootCpu.toMillis() / 1e3, bootCpuByKind, Runtime.getRuntime().availableProcessors(), clusterCpu, total, listing, empty)));
                figures.add(heap(env, plugin));
                figures.addAll(filteredGets(env, plugin, requests));
            }
        }
        return figures;
    }

    /** One more start of the plugin, to Bootstrap: how long it took and the CPU it used, by kind of thread. */
    private static String bootstrapOnce(BenchEnvironment env, SimulatedCluster cluster, String name) {
        try (PluginProcess plugin = PluginProcess.start(env, cluster, env.newDirectory(name), List.of())) {
            plugin.bootstrap();
            long booted = System.nanoTime() - plugin.startedNanos();
            return String.format(Locale.ROOT, "the plugin answers Bootstrap %.0f ms after its start, using %.1f s of CPU (%s)",
                    booted / 1e6, plugin.cpuTime().toMillis() / 1e3, ThreadCpu.describe(ThreadCpu.byKind(plugin.pid())));
        }
    }

    /** The administrator's install step: {@code rstudio-kubernetes-launcher --create-cds-archive} against this cluster. */
    private static String createArchive(BenchEnvironment env, SimulatedCluster cluster, Path archive) throws IOException, InterruptedException {
        Path dir = env.newDirectory("manyjobs-cds");
        Path conf = PluginProcess.writeConfiguration(cluster, dir, List.of());
        long start = System.nanoTime();
        Process process = PluginProcess.script(env, List.of(env.pluginScript().toString(), "--create-cds-archive", "--config-file=" + conf), dir)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("--create-cds-archive failed: " + output);
        }
        return String.format(Locale.ROOT, "made in %.1f s, %.0f MB", (System.nanoTime() - start) / 1e9, Files.size(archive) / 1e6);
    }

    /** CPU used so far by this JVM, where the SimulatedCluster runs (the benchmark's own threads are idle meanwhile). */
    private static long clusterCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The cluster alone: the paged lists the plugin's cache makes at start-up (Jobs, pods, Services,
     * Events; 500 per page, the default {@code fetch-limit}) made from this JVM, to tell the
     * SimulatedCluster's share of the bootstrap from the plugin's.
     */
    private static String listAlone(SimulatedCluster cluster) {
        var client = cluster.client();
        long start = System.nanoTime();
        int[] pages = {0};
        int jobs = pagedCount(pages, token -> client.batch().v1().jobs().withLabel("app.kubernetes.io/managed-by", "launcher")
                .list(page(token)));
        int pods = pagedCount(pages, token -> client.pods().withLabel("job-name").list(page(token)));
        int events = pagedCount(pages, token -> client.v1().events().list(page(token)));
        return String.format(Locale.ROOT, "the same paged lists made from the benchmark's JVM (Fabric8, 500 per page) take %.1f s"
                + " for %,d Jobs, %,d pods and %,d Events in %d pages", (System.nanoTime() - start) / 1e9, jobs, pods, events, pages[0]);
    }

    private static io.fabric8.kubernetes.api.model.ListOptions page(String continueToken) {
        return new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(500L).withContinue(continueToken).build();
    }

    private static int pagedCount(int[] pages, java.util.function.Function<String, io.fabric8.kubernetes.api.model.KubernetesResourceList<?>> page) {
        int count = 0;
        String token = null;
        do {
            var list = page.apply(token);
            pages[0]++;
            count += list.getItems().size();
            token = list.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return count;
    }

    private static Figure heap(BenchEnvironment env, PluginProcess plugin) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String pid = Long.toString(plugin.pid());
        run(jcmd.toString(), pid, "GC.run");
        String info = run(jcmd.toString(), pid, "GC.heap_info");
        Matcher used = HEAP_USED.matcher(info);
        String heapLine = info.lines().filter(l -> l.contains("used")).findFirst().orElse("").trim();
        if (!used.find()) {
            return Figure.failed(HEAP, "< 256 MB", "jcmd GC.heap_info printed no 'used': " + info);
        }
        double megabytes = Long.parseLong(used.group(1)) / 1024.0;
        String rss = Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: unknown").replaceAll("\\s+", " ");
        String metaspace = info.lines().map(String::trim).filter(l -> l.startsWith("Metaspace")).findFirst().orElse("Metaspace: unknown")
                .replaceAll("\\s+", " ");
        String options = plugin.jvmOptions().isEmpty() ? "those of bin/rstudio-kubernetes-launcher"
                : "those of bin/rstudio-kubernetes-launcher, then " + plugin.jvmOptions();
        String raw = String.format(Locale.ROOT, "heap used %.1f MB after jcmd GC.run (%s); %s; process %s; JVM options %s",
                megabytes, heapLine, metaspace, rss, options);
        env.log("manyjobs heap: %s", raw);
        return Figure.atMost(HEAP, "< 256 MB", megabytes, 256, String.format(Locale.ROOT, "%.0f MB", megabytes), raw);
    }

    private static List<Figure> filteredGets(BenchEnvironment env, PluginProcess plugin, int requests) {
        LauncherClient client = plugin.client();
        String hourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        record Query(String what, String user, List<String> tags, List<String> statuses, String startTime, List<String> fields,
                     boolean hasGoal) {
        }
        List<Query> queries = List.of(
                new Query("user *, statuses Pending+Running (100 match)", "*", null, List.of("Pending", "Running"), null, null, true),
                new Query("one user's jobs (about 50)", "user-017", null, null, null, null, true),
                new Query("user *, tag + startTime last hour, fields id/status/name (about 500)", "*", List.of("benchmark"), null,
                        hourAgo, List.of("id", "status", "name"), true),
                new Query("user *, every job, fields id/status (10,001)", "*", null, null, null, List.of("id", "status"), false));
        List<Figure> figures = new ArrayList<>();
        for (Query query : queries) {
            int warmup = Math.max(20, requests / 5);
            long[] nanos = new long[requests];
            int matched = 0;
            Duration cpuBefore = Duration.ZERO;
            for (int i = 0; i < warmup + requests; i++) {
                if (i == warmup) {
                    cpuBefore = plugin.cpuTime();
                }
                long start = System.nanoTime();
                Message answer = client.getJobs(query.user(), query.tags(), query.statuses(), query.startTime(), null, query.fields());
                long took = System.nanoTime() - start;
                if (answer.isError()) {
                    throw new IllegalStateException("Get Job " + query.what() + " failed: " + answer);
                }
                matched = answer.get("jobs").size();
                if (i >= warmup) {
                    nanos[i - warmup] = took;
                }
            }
            double cpuPerRequest = plugin.cpuTime().minus(cpuBefore).toNanos() / 1e6 / requests;
            Latencies measured = Latencies.of(nanos, requests);
            String raw = String.format(Locale.ROOT, "%d jobs per answer; %s; plugin CPU %.1f ms per request", matched,
                    measured.summaryMillis(), cpuPerRequest);
            env.log("manyjobs Get Job %s: %s", query.what(), raw);
            String headline = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", measured.p50Millis(), measured.p99Millis());
            figures.add(query.hasGoal()
                    ? Figure.atMost(GET + query.what() + ", p99", "< 50 ms", measured.p99Millis(), 50, headline, raw)
                    : Figure.informative(GET + query.what(), headline, raw));
        }
        return figures;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
