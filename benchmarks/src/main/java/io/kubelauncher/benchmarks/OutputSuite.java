package io.kubelauncher.benchmarks;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Output stream throughput: a job prints 10 MiB ({@code seq} lines of ten bytes, so that order can be
 * checked), runs to the end, and its output is streamed through the plugin (pod log from the API
 * server, Job Output frames on stdout) to the client, from the request to {@code complete: true}.
 * Every byte is checked, in order.
 */
final class OutputSuite implements Suite {

    private static final String WHAT = "Output stream through the plugin to the Launcher, a job printing 10 MiB";
    private static final int LINES = 1_048_576;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Override
    public String name() {
        return "output";
    }

    @Override
    public List<Figure> unmeasured(String reason) {
        return List.of(Figure.failed(WHAT, "", reason));
    }

    @Override
    public List<Figure> run(BenchEnvironment env) throws Exception {
        int rounds = env.size(5, 2);
        String expected = expectedDigest();
        try (SimulatedCluster cluster = Clusters.start();
             PluginProcess plugin = PluginProcess.start(env, cluster, env.newDirectory("output"), List.of())) {
            plugin.bootstrap();
            LauncherClient client = plugin.client();
            StatusWatcher statuses = plugin.watchStatuses("bench");
            String id = plugin.submit("bench", client.objectNode().put("name", "ten megabytes").put("command", "seq -f %09.0f 1 " + LINES));
            statuses.await(id, "Finished", WAIT);
            List<Double> rates = new ArrayList<>();
            List<String> perRound = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                ClientStream output = client.outputStream("bench", id, 2);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream(LINES * 10 + 4096);
                long bytes = 0;
                int frames = 0;
                while (true) {
                    Message message = output.expectNext(WAIT);
                    if (message.isError()) {
                        throw new IllegalStateException("output stream failed: " + message);
                    }
                    frames++;
                    byte[] chunk = message.json().path("output").asString("").getBytes(StandardCharsets.UTF_8);
                    digest.update(chunk);
                    received.writeBytes(chunk);
                    bytes += chunk.length;
                    if (message.json().path("complete").asBoolean(false)) {
                        break;
                    }
                }
                long nanos = System.nanoTime() - start;
                String got = HexFormat.of().formatHex(digest.digest());
                if (bytes != 10L * LINES || !got.equals(expected)) {
                    java.nio.file.Path saved = env.newDirectory("output-mismatch").resolve("received.txt");
                    java.nio.file.Files.write(saved, received.toByteArray());
                    throw new IllegalStateException("round " + round + ": received " + bytes + " bytes (digest " + got
                            + "), expected " + 10L * LINES + " bytes of seq output (digest " + expected + "); " + firstDifference(received.toByteArray())
                            + "; what arrived is in " + saved);
                }
                double rate = bytes / 1e6 / (nanos / 1e9);
                rates.add(rate);
                perRound.add(String.format(Locale.ROOT, "%.0f ms/%d frames", nanos / 1e6, frames));
                env.log("output round %d: %d bytes in %d frames, %.0f ms, %.1f MB/s", round, bytes, frames, nanos / 1e6, rate);
            }
            // the cluster alone: the same log straight from the API server, so that the plugin's share is visible
            String podName = cluster.client().pods().withLabel("job-name", id).list().getItems().get(0).getMetadata().getName();
            long direct = System.nanoTime();
            int logLength = cluster.client().pods().withName(podName).usingTimestamps().getLog().length();
            long directNanos = System.nanoTime() - direct;
            String baseline = String.format(Locale.ROOT, "; the SimulatedCluster alone serves the log (timestamps=true, %,d chars,"
                    + " one GET from this JVM) in %.0f ms = %.1f MB/s", logLength, directNanos / 1e6, logLength / 1e6 / (directNanos / 1e9));
            env.log("output baseline%s", baseline);
            List<Double> sorted = new ArrayList<>(rates);
            sorted.sort(null);
            double median = sorted.get(sorted.size() / 2);
            String raw = String.format(Locale.ROOT, "%d rounds of 10,485,760 bytes, all bytes in order: %s; MB/s %s", rounds,
                    String.join(", ", perRound), rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList()) + baseline;
            return List.of(Figure.informative(WHAT, String.format(Locale.ROOT, "%.1f MB/s (median), best %.1f MB/s", median,
                    sorted.get(sorted.size() - 1)), raw));
        }
    }

    /** Where the received bytes first differ from {@code seq -f %09.0f 1 LINES}, and what is there. */
    private static String firstDifference(byte[] received) {
        for (int n = 1; n <= LINES; n++) {
            int at = (n - 1) * 10;
            String want = String.format(Locale.ROOT, "%09d\n", n);
            String got = at + 10 <= received.length ? new String(received, at, 10, StandardCharsets.UTF_8) : "(end of output)";
            if (!want.equals(got)) {
                int from = Math.max(0, at - 30);
                int to = Math.min(received.length, at + 60);
                return "line " + n + " (byte " + at + ") differs: expected " + want.strip() + ", around it: "
                        + new String(received, from, to - from, StandardCharsets.UTF_8).replace("\n", "⏎");
            }
        }
        return "the first " + LINES + " lines are right, then " + (received.length - 10L * LINES) + " more bytes";
    }

    /** The SHA-256 of {@code seq -f %09.0f 1 LINES}: each number, zero-padded to nine digits, and a newline. */
    private static String expectedDigest() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] line = new byte[10];
        line[9] = '\n';
        for (int n = 1; n <= LINES; n++) {
            int value = n;
            for (int i = 8; i >= 0; i--) {
                line[i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            digest.update(line);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
