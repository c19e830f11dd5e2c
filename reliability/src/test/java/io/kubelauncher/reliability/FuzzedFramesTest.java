package io.kubelauncher.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubelauncher.testkit.cluster.SimulatedCluster;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzed frames against the plugin process (kubernetes-launcher's Main, the real
 * KubernetesJobSource, the SimulatedCluster over HTTPS): the process never dies, stdout carries
 * only well-formed frames, and every payload gets exactly the answer the {@link AnswerLedger} says
 * it is owed. Seeded: {@code -Dreliability.seed=N} repeats a run.
 */
class FuzzedFramesTest {

    private static final int MAX_MESSAGE_SIZE = 64 * 1024;
    private static final String USER = "fuzzer";
    /** Kept after the run (target/), for a look at what the plugin logged. */
    private static final Path STDERR = Path.of("target", "fuzzed-frames-plugin-stderr.log");

    private static final java.io.PrintStream DEBUG = debugLog();

    private static java.io.PrintStream debugLog() {
        try {
            return Boolean.getBoolean("reliability.debug") ? new java.io.PrintStream(Files.newOutputStream(Path.of("target", "fuzz-debug.log")), true, StandardCharsets.UTF_8) : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TempDir
    Path dir;
    private SimulatedCluster cluster;
    private PluginPipe plugin;
    private final AnswerLedger ledger = new AnswerLedger();
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> errorCodes = new ConcurrentHashMap<>();
    private final Map<Integer, String> errorSamples = new ConcurrentHashMap<>();
    private final List<String> internalErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        cluster = SimulatedCluster.builder().namespace("rstudio").nodes(2).start();
        PluginSetup setup = new PluginSetup(cluster, dir.resolve("plugin")).arg("--max-message-size=" + MAX_MESSAGE_SIZE);
        plugin = new PluginPipe(setup.command(), STDERR, MAX_MESSAGE_SIZE, this::received);
    }

    @AfterEach
    void stop() throws InterruptedException {
        plugin.close();
        cluster.close();
    }

    private void received(JsonNode message) {
        CompletableFuture<JsonNode> waiter = waiting.remove(message.path("requestId").asLong());
        if (waiter != null) {
            waiter.complete(message);
            return;
        }
        if (message.path("messageType").asInt() == -1) {
            int code = message.path("errorCode").asInt();
            errorCodes.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
            errorSamples.putIfAbsent(code, message.path("errorMessage").asString(""));
            if (message.path("errorMessage").asString("").startsWith("internal error")) {
                internalErrors.add(message.toString());
            }
        }
        ledger.received(message);
        if (DEBUG != null) {
            synchronized (DEBUG) {
                DEBUG.println("RECV " + message);
            }
        }
    }

    private JsonNode call(long requestId, String json) throws Exception {
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(requestId, answer);
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        plugin.write(ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array());
        plugin.flush();
        return answer.get(60, TimeUnit.SECONDS);
    }

    @Test
    void everyFuzzedFrameIsAnsweredAsOwedAndThePluginSurvives() throws Exception {
        Scale scale = Scale.current();
        long seed = Scale.seed(20261127L);
        System.err.println("fuzzed frames: scale " + scale.name() + ", seed " + seed + " (repeat with -Dreliability.seed=" + seed + ")");

        JsonNode bootstrap = call(0, "{\"messageType\":1,\"requestId\":0,\"version\":{\"major\":3,\"minor\":7,\"patch\":0}}");
        assertThat(bootstrap.path("messageType").asInt()).as("bootstrap: %s\n%s", bootstrap, stderr()).isEqualTo(1);
        List<String> ownJobs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            JsonNode submitted = call(i, "{\"messageType\":2,\"requestId\":" + i + ",\"username\":\"" + USER
                    + "\",\"job\":{\"name\":\"fuzz target " + i + "\",\"command\":\"echo\",\"args\":[\"out " + i + "\"]}}");
            assertThat(submitted.path("messageType").asInt()).as("%s", submitted).isEqualTo(2);
            ownJobs.add(submitted.path("jobs").get(0).path("id").asString());
        }
        AtomicLong probe = new AtomicLong(100);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            long id = probe.getAndIncrement();
            JsonNode jobs = call(id, "{\"messageType\":3,\"requestId\":" + id + ",\"username\":\"" + USER
                    + "\",\"jobId\":\"*\",\"statuses\":[\"Finished\"]}").path("jobs");
            return jobs.size() == ownJobs.size();
        });

        FrameGenerator generator = new FrameGenerator(seed, USER, "intruder", ownJobs, MAX_MESSAGE_SIZE, 1_000);
        Map<FrameGenerator.Kind, Long> kinds = new EnumMap<>(FrameGenerator.Kind.class);
        long bytes = 0;
        long started = System.nanoTime();
        for (int i = 0; i < scale.fuzzedFrames(); i++) {
            FrameGenerator.Frame frame = generator.next();
            kinds.merge(frame.kind(), 1L, Long::sum);
            ledger.sent(frame.payload());
            if (DEBUG != null) {
                DEBUG.println("SENT " + frame.kind() + " " + ledger.classify(frame.payload()) + " "
                        + java.util.Base64.getEncoder().encodeToString(frame.payload()));
            }
            plugin.write(frame.wire());
            bytes += frame.wire().length;
            if (i % 512 == 0) {
                plugin.flush();
            }
        }
        plugin.flush();
        try {
            await().atMost(Duration.ofSeconds(30 + scale.fuzzedFrames() / 1000))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !plugin.alive() || !plugin.violations().isEmpty()
                            || ledger.answersReceived() >= ledger.answersOwed() && ledger.heartbeatsReceived() >= ledger.heartbeatsOwed());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the books below say what is missing
            System.err.println("fuzzed frames: answers still missing after the wait; plugin stderr tail:\n" + stderrTail());
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // late or duplicate answers would show up now
        AtomicLong seen = new AtomicLong(ledger.messages());
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> seen.getAndSet(ledger.messages()) == ledger.messages());

        System.err.println("fuzzed frames: " + scale.fuzzedFrames() + " frames (" + bytes / 1024 + " KiB) in " + elapsedMs
                + " ms, " + (scale.fuzzedFrames() * 1000L / Math.max(1, elapsedMs)) + " frames/s; by kind " + kinds);
        System.err.println("fuzzed frames: owed " + ledger.owed() + "; " + ledger.messages() + " messages received; "
                + ledger.cancelledBeforeAnswered() + " streams cancelled before their first answer; errors by code "
                + new TreeMap<>(errorCodes));
        errorSamples.forEach((code, text) -> System.err.println("  e.g. Error " + code + ": " + text));
        System.err.println("fuzzed frames: " + ledger.balance());

        assertThat(plugin.alive()).as("plugin process alive after the fuzzing; stderr:\n%s", stderrTail()).isTrue();
        assertThat(plugin.violations()).as("stdout protocol violations").isEmpty();
        assertThat(internalErrors).as("requests that hit an unexpected exception in the plugin").isEmpty();
        assertThat(ledger.discrepancies()).as("answers that differ from what each payload is owed").isEmpty();

        // the end of a session: a frame cut short by the end of stdin, answered before a clean exit
        long last = generator.nextRequestId();
        CompletableFuture<JsonNode> cutShort = new CompletableFuture<>();
        waiting.put(last, cutShort);
        plugin.write(generator.cutShortFrame(last));
        plugin.closeStdin();
        JsonNode error = cutShort.get(30, TimeUnit.SECONDS);
        assertThat(error.path("errorCode").asInt()).as("%s", error).isEqualTo(2);
        assertThat(error.path("errorMessage").asString()).contains("stdin ended inside a frame");
        assertThat(plugin.waitForExit(Duration.ofSeconds(30))).as("exit code; stderr:\n%s", stderrTail()).contains(0);
        assertThat(plugin.violations()).isEmpty();
    }

    private String stderr() throws java.io.IOException {
        return Files.readString(STDERR);
    }

    private String stderrTail() {
        try {
            String text = stderr();
            return text.length() <= 8000 ? text : text.substring(text.length() - 8000);
        } catch (java.io.IOException e) {
            return "(cannot read stderr: " + e + ")";
        }
    }
}
