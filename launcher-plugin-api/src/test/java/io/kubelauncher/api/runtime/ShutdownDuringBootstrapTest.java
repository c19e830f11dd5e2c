package io.kubelauncher.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.frame.FrameEncoder;
import io.kubelauncher.api.model.WireJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Launcher may go away (stdin ends) while a Bootstrap is still loading. The Bootstrap then
 * still gets its one answer, and nothing else: what follows a first bootstrap (the metrics timer)
 * must not fail on the stopped scheduler and answer the same request a second time with an Error.
 */
class ShutdownDuringBootstrapTest {

    private static final JsonMapper MAPPER = WireJson.newMapper();

    @Test
    void aBootstrapFinishingAfterStdinEndsIsAnsweredOnce() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        byte[] bootstrap = FrameEncoder.frame("{\"messageType\":1,\"requestId\":0,\"version\":{\"major\":3,\"minor\":7,\"patch\":0}}"
                .getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PluginRuntime runtime = PluginRuntime.builder(new EmptyJobSource(() -> awaitTermination(scheduler)))
                .options(new RuntimeOptions(0, 2, 1 << 20, 1))
                .scheduler(scheduler)
                .input(new ByteArrayInputStream(bootstrap)).output(stdout).build();

        assertThat(runtime.run()).isZero();

        assertThat(frames(stdout.toByteArray())).singleElement().satisfies(frame -> {
            assertThat(frame.path("requestId").asLong()).isZero();
            assertThat(frame.path("messageType").asInt()).as("the Bootstrap answer, not an Error: %s", frame).isEqualTo(1);
        });
    }

    /** Holds the bootstrap until stdin's end has stopped the runtime's scheduler. */
    private static void awaitTermination(ScheduledExecutorService scheduler) {
        try {
            assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).as("the runtime stopped its scheduler").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> frames(byte[] written) {
        ByteBuffer out = ByteBuffer.wrap(written);
        List<JsonNode> frames = new ArrayList<>();
        while (out.hasRemaining()) {
            byte[] payload = new byte[out.getInt()];
            out.get(payload);
            frames.add(MAPPER.readTree(payload));
        }
        return frames;
    }
}
