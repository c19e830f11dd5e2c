package io.kubelauncher.testkit.client.bench;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ObjectNode;

/**
 * End-to-end harness: Get Job round trips on one job through a real plugin process (the in-memory
 * test plugin), driven by {@link LauncherClient} with a window of requests in flight as a busy
 * Launcher would have. Prints throughput and p50/p99/p99.9 latency; asserts nothing.
 *
 * <pre>
 * mvn -q -o -pl launcher-plugin-api,launcher-testkit test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "launcher-testkit/target/test-classes:launcher-testkit/target/classes:launcher-plugin-api/target/classes:$(cat /tmp/cp.txt)" \
 *     io.kubelauncher.testkit.client.bench.GetJobRoundTrips [window] [seconds]
 * </pre>
 */
public final class GetJobRoundTrips {

    private GetJobRoundTrips() {
    }

    public static void main(String[] args) throws Exception {
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> command = LauncherClient.javaCommand("io.kubelauncher.testkit.client.TestPluginMain",
                List.of("-Xms256m", "-Xmx256m"), List.of("--heartbeat-interval-seconds=5", "--thread-pool-size=4"));
        try (LauncherClient client = LauncherClient.start(new ProcessBuilder(command))) {
            client.recordMessages(false);
            client.bootstrap();
            ObjectNode job = client.objectNode().put("name", "bench").put("command", "sleep");
            String id = client.submitJob("bench", job).get("jobs").get(0).get("id").asString();

            run(client, id, window, Duration.ofSeconds(Math.max(3, seconds / 2)), null);
            long[] latencies = new long[4_000_000];
            Result result = run(client, id, window, Duration.ofSeconds(seconds), latencies);
            long[] sorted = Arrays.copyOf(latencies, (int) Math.min(result.count, latencies.length));
            Arrays.sort(sorted);
            System.out.printf("Get Job round trips: window %d, %d s, %d requests, %d errors%n", window, seconds,
                    result.count, result.errors);
            System.out.printf("throughput: %.0f round trips/s%n", result.count / (result.nanos / 1e9));
            System.out.printf("latency: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n",
                    pct(sorted, 0.50) / 1e3, pct(sorted, 0.99) / 1e3, pct(sorted, 0.999) / 1e3,
                    sorted[sorted.length - 1] / 1e3);
            if (!client.protocolViolations().isEmpty()) {
                System.out.println("protocol violations: " + client.protocolViolations());
            }
        }
    }

    private record Result(long count, long errors, long nanos) {
    }

    private static Result run(LauncherClient client, String jobId, int window, Duration duration, long[] latencies)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(window);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger slot = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long sent = System.nanoTime();
            client.callAsync(client.jobRequest(LauncherClient.GET_JOB, "bench", jobId)).thenAccept((Message m) -> {
                long took = System.nanoTime() - sent;
                if (m.messageType() != 2) {
                    errors.incrementAndGet();
                }
                if (latencies != null) {
                    int i = slot.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = took;
                    }
                }
                done.incrementAndGet();
                inFlight.release();
            });
        }
        inFlight.acquire(window);
        return new Result(done.get(), errors.get(), System.nanoTime() - start);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
