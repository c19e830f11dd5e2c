package io.kubelauncher.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.frame.FrameDecoder;
import io.kubelauncher.api.frame.FrameEncoder;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.api.protocol.Request;
import io.kubelauncher.api.protocol.RequestDecoder;
import io.kubelauncher.api.protocol.RequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever arrives on stdin, the runtime keeps going and answers every frame that is not a stream
 * request (those may legitimately stay silent, e.g. a cancel), and writes nothing but well-formed
 * response frames. Each try runs a whole runtime in process over an in-memory stdin.
 */
class RuntimeRobustnessTest {

    private static final int MAX = 2048;
    private static final JsonMapper MAPPER = WireJson.newMapper();
    private static final RequestDecoder DECODER = new RequestDecoder(MAPPER);
    private static final byte[] BOOTSTRAP = FrameEncoder.frame(
            "{\"messageType\":1,\"requestId\":0,\"version\":{\"major\":3,\"minor\":7,\"patch\":0}}"
                    .getBytes(StandardCharsets.UTF_8));

    private static final List<String> TEMPLATES = List.of(
            "{\"messageType\":3,\"requestId\":%d,\"username\":\"u\",\"jobId\":\"*\",\"tags\":[\"a\"]}",
            "{\"messageType\":3,\"requestId\":%d,\"username\":\"u\",\"jobId\":\"nope\"}",
            "{\"messageType\":2,\"requestId\":%d,\"username\":\"u\",\"job\":{\"name\":\"n\",\"command\":\"c\","
                    + "\"mounts\":[{\"mountPath\":\"/m\",\"type\":\"nfs\",\"source\":{\"host\":\"h\",\"path\":\"/p\"}}]}}",
            "{\"messageType\":5,\"requestId\":%d,\"username\":\"u\",\"jobId\":\"j1\",\"operation\":3}",
            "{\"messageType\":8,\"requestId\":%d,\"username\":\"u\",\"jobId\":\"j1\"}",
            "{\"messageType\":9,\"requestId\":%d,\"username\":\"u\",\"requestUsername\":\"u\"}",
            "{\"messageType\":201,\"requestId\":%d,\"username\":\"*\",\"nodes\":[]}",
            "{\"messageType\":202,\"requestId\":%d,\"username\":\"*\"}");

    /** One mutation of a payload: flip, insert or delete a byte, or cut it short. */
    record Mutation(int kind, int position, byte value) {
        byte[] apply(byte[] payload) {
            if (payload.length == 0) {
                return new byte[] {value};
            }
            int at = Math.floorMod(position, payload.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> {
                    byte[] copy = payload.clone();
                    copy[at] = value;
                    return copy;
                }
                case 1 -> {
                    out.write(payload, 0, at);
                    out.write(value);
                    out.write(payload, at, payload.length - at);
                }
                case 2 -> {
                    out.write(payload, 0, at);
                    out.write(payload, at + 1, payload.length - at - 1);
                }
                default -> out.write(payload, 0, at);
            }
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers(), Arbitraries.bytes())
                .as(Mutation::new).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<List<Mutation>>> mutatedFrames() {
        return mutations().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 150)
    void mutatedRequestsAreEachAnsweredAndTheRuntimeSurvives(@ForAll("mutatedFrames") List<List<Mutation>> frames) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(BOOTSTRAP);
        int expected = 1;
        for (int i = 0; i < frames.size(); i++) {
            byte[] payload = TEMPLATES.get(i % TEMPLATES.size()).formatted(i + 1).getBytes(StandardCharsets.UTF_8);
            for (Mutation m : frames.get(i)) {
                payload = m.apply(payload);
            }
            in.writeBytes(FrameEncoder.frame(payload));
            if (!isStreamRequest(payload)) {
                expected++;
            }
        }
        List<JsonNode> answers = run(in.toByteArray());
        assertThat(answers).hasSize(expected);
    }

    @Property(tries = 150)
    void randomBytesAfterBootstrapNeverStopTheRuntime(@ForAll @Size(max = 3000) byte[] noise) {
        byte[] input = ByteBuffer.allocate(BOOTSTRAP.length + noise.length).put(BOOTSTRAP).put(noise).array();
        int[] expected = {0};
        FrameDecoder frames = new FrameDecoder(MAX, new FrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] payload) {
                if (!isStreamRequest(payload)) {
                    expected[0]++;
                }
            }

            @Override
            public void onOversizedFrame(long length, byte[] prefix) {
                expected[0]++;
            }
        });
        frames.feed(input, 0, input.length);
        if (frames.finish().isPresent()) {
            expected[0]++;
        }
        assertThat(run(input)).hasSize(expected[0]);
    }

    /** Well-framed payloads of random bytes (some over the maximum): one answer each. */
    @Property(tries = 100)
    void framedGarbageIsAnsweredFrameByFrame(
            @ForAll @Size(max = 10) List<@Size(max = 2100) byte[]> payloads) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(BOOTSTRAP);
        int expected = 1;
        for (byte[] payload : payloads) {
            in.writeBytes(FrameEncoder.frame(payload));
            if (payload.length > MAX || !isStreamRequest(payload)) {
                expected++;
            }
        }
        assertThat(run(in.toByteArray())).hasSize(expected);
    }

    private static boolean isStreamRequest(byte[] payload) {
        try {
            return DECODER.decode(payload) instanceof Request.StreamRequest;
        } catch (RequestException e) {
            return false;
        }
    }

    /** Runs a runtime until stdin ends; returns the frames it wrote, each checked to be a response. */
    private static List<JsonNode> run(byte[] stdin) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PluginRuntime runtime = PluginRuntime.builder(new EmptyJobSource())
                .options(new RuntimeOptions(0, 2, MAX, 0))
                .input(new ByteArrayInputStream(stdin)).output(stdout).build();
        assertThat(runtime.run()).isZero();
        ByteBuffer out = ByteBuffer.wrap(stdout.toByteArray());
        List<JsonNode> frames = new ArrayList<>();
        while (out.hasRemaining()) {
            assertThat(out.remaining()).isGreaterThanOrEqualTo(4);
            int length = out.getInt();
            assertThat(length).isBetween(1, MAX);
            byte[] payload = new byte[length];
            out.get(payload);
            JsonNode json = MAPPER.readTree(payload);
            assertThat(json.isObject()).isTrue();
            assertThat(json.path("messageType").isIntegralNumber()).isTrue();
            assertThat(json.path("requestId").isIntegralNumber()).isTrue();
            assertThat(json.path("responseId").isIntegralNumber()).isTrue();
            frames.add(json);
        }
        return frames;
    }
}
