package io.kubelauncher.testkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every bad frame gets an answer, the process survives, and stdout carries frames only (checked by
 * the client on every frame: see {@link LauncherClient#protocolViolations()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final int MAX = 4096;
    private LauncherClient client;

    @BeforeAll
    void start() {
        client = PluginProcess.start("--heartbeat-interval-seconds=0", "--max-message-size=" + MAX);
        assertThat(client.bootstrap().messageType()).isEqualTo(1);
    }

    @AfterAll
    void stop() {
        assertThat(client.getJob("u", "*").messageType()).as("still serving").isEqualTo(2);
        client.close();
        assertThat(client.protocolViolations()).isEmpty();
        assertThat(client.waitForExit(Duration.ofSeconds(5))).contains(0);
    }

    private Message answerTo(String json, long requestId) {
        client.sendFrame(json.getBytes(StandardCharsets.UTF_8));
        return client.await(requestId);
    }

    private static void assertError(Message m, long requestId, int code, String text) {
        assertThat(m.isError()).as(m.toString()).isTrue();
        assertThat(m.requestId()).isEqualTo(requestId);
        assertThat(m.responseId()).isZero();
        assertThat(m.errorCode()).isEqualTo(code);
        assertThat(m.errorMessage()).contains(text);
    }

    @Test
    void framesWithoutARequestIdAreAnsweredWithRequestIdZero() {
        client.sendFrame(new byte[0]);
        assertError(client.await(0), 0, 2, "empty frame");
        assertError(answerTo("[1,2]", 0), 0, 2, "must be a JSON object, got an array");
        assertError(answerTo("\"text\"", 0), 0, 2, "must be a JSON object, got a string");
        assertError(answerTo("null", 0), 0, 2, "must be a JSON object");
        assertError(answerTo("{\"messageType\":3}", 0), 0, 2, "requestId is missing");
        assertError(answerTo("{\"messageType\":3,\"requestId\":\"7\"}", 0), 0, 2, "requestId must be an unsigned integer");
        assertError(answerTo("{\"messageType\":3,\"requestId\":-5}", 0), 0, 2, "requestId must be an unsigned integer");
        assertError(answerTo("not json at all", 0), 0, 2, "not valid UTF-8 JSON");
    }

    @Test
    void brokenJsonIsAnsweredWithTheRequestIdWhenItCanBeRead() {
        assertError(answerTo("{\"messageType\":3,\"requestId\":41,", 41), 41, 2, "not valid UTF-8 JSON");
        assertError(answerTo("{\"requestId\":40,,\"messageType\":3}", 40), 40, 2, "not valid UTF-8 JSON");
        assertError(answerTo("{\"messageType\":3,\"requestId\":39} trailing", 39), 39, 2, "not valid UTF-8 JSON");
        byte[] badUtf8 = "{\"messageType\":3,\"requestId\":42,\"username\":\"\u00ff\u00fe\",\"jobId\":\"*\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        client.sendFrame(badUtf8);
        assertError(client.await(42), 42, 2, "UTF-8");
    }

    @Test
    void envelopeAndFieldProblemsAreNamed() {
        assertError(answerTo("{\"requestId\":43}", 43), 43, 2, "messageType is missing");
        assertError(answerTo("{\"requestId\":47,\"messageType\":\"3\"}", 47), 47, 2, "messageType must be an integer");
        assertError(answerTo("{\"messageType\":17,\"requestId\":44}", 44), 44, 1, "message type 17 is not supported");
        assertError(answerTo("{\"messageType\":3,\"requestId\":45,\"username\":\"u\",\"jobId\":5}", 45), 45, 2,
                "Get Job: jobId must be a string, got a number (5)");
        assertError(answerTo("{\"messageType\":3,\"requestId\":48,\"jobId\":\"*\"}", 48), 48, 2,
                "Get Job: username is missing");
        assertError(answerTo("{\"messageType\":3,\"requestId\":49,\"username\":\"u\",\"jobId\":\"*\",\"tags\":\"a\"}",
                49), 49, 2, "tags must be an array of strings");
        assertError(answerTo("{\"messageType\":2,\"requestId\":50,\"username\":\"u\",\"job\":\"x\"}", 50), 50, 2,
                "Submit Job: job must be an object");
        assertError(answerTo("{\"messageType\":2,\"requestId\":51,\"username\":\"u\",\"job\":{\"name\":\"n\","
                + "\"command\":\"c\",\"exposedPorts\":[{\"protocol\":\"TCP\"}]}}", 51), 51, 2,
                "at job.exposedPorts[0]: exposed port: targetPort is required");
        assertError(answerTo("{\"messageType\":1,\"requestId\":52,\"version\":{\"major\":3}}", 52), 52, 2,
                "version.minor must be a non-negative integer");
        assertError(answerTo("{\"messageType\":4,\"requestId\":53,\"username\":\"u\",\"jobId\":\"*\",\"cancel\":\"no\"}",
                53), 53, 2, "cancel must be a boolean");
    }

    @Test
    void anOversizedFrameIsDiscardedAndAnsweredAndFramingKept() {
        byte[] payload = new byte[MAX + 1000];
        Arrays.fill(payload, (byte) ' ');
        byte[] head = "{\"messageType\":3,\"requestId\":46,\"username\":\"u\",\"jobId\":\"*\",\"pad\":\""
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, payload, 0, head.length);
        payload[payload.length - 2] = '"';
        payload[payload.length - 1] = '}';
        ByteBuffer frame = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload);
        byte[] bytes = frame.array();
        client.sendRaw(Arrays.copyOfRange(bytes, 0, 2));
        client.sendRaw(Arrays.copyOfRange(bytes, 2, 1000));
        client.sendRaw(Arrays.copyOfRange(bytes, 1000, bytes.length));
        assertError(client.await(46), 46, 2, "frame of " + payload.length + " bytes exceeds max-message-size (4096");
        assertThat(client.getJob("u", "*").messageType()).isEqualTo(2);
    }

    @Test
    void framesSplitByteByByteOrCoalescedAreAllRead() {
        ByteArrayOutputStream coalesced = new ByteArrayOutputStream();
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = client.nextRequestId();
            byte[] payload = ("{\"messageType\":9,\"requestId\":" + ids[i] + ",\"username\":\"u\"}")
                    .getBytes(StandardCharsets.UTF_8);
            coalesced.writeBytes(ByteBuffer.allocate(4).putInt(payload.length).array());
            coalesced.writeBytes(payload);
        }
        byte[] all = coalesced.toByteArray();
        client.sendRaw(all);
        for (long id : ids) {
            assertThat(client.await(id).messageType()).isEqualTo(8);
        }
        long id = client.nextRequestId();
        byte[] payload = ("{\"messageType\":9,\"requestId\":" + id + ",\"username\":\"u\"}").getBytes(StandardCharsets.UTF_8);
        byte[] frame = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
        for (byte b : frame) {
            client.sendRaw(new byte[] {b});
        }
        assertThat(client.await(id).messageType()).isEqualTo(8);
    }

    @Test
    void aFrameCutShortByTheEndOfStdinIsAnsweredBeforeExit() {
        LauncherClient other = PluginProcess.start("--heartbeat-interval-seconds=0");
        other.bootstrap();
        byte[] payload = "{\"messageType\":3,\"requestId\":77,\"username\":\"u\",\"jobId\":\"*\"}"
                .getBytes(StandardCharsets.UTF_8);
        other.sendRaw(ByteBuffer.allocate(4 + 40).putInt(payload.length).put(payload, 0, 40).array());
        other.closeStdin();
        assertError(other.await(77), 77, 2, "stdin ended inside a frame: " + payload.length + " bytes announced, 40 received");
        assertThat(other.waitForExit(Duration.ofSeconds(10))).contains(0);
        assertThat(other.protocolViolations()).isEmpty();
    }
}
