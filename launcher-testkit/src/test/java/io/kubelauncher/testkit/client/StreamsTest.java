package io.kubelauncher.testkit.client;

import static io.kubelauncher.testkit.client.PluginProcess.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Status and resource streams: multiplexing, sequence numbers, cancel, concurrency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private LauncherClient client;

    @BeforeAll
    void start() {
        client = PluginProcess.start("--heartbeat-interval-seconds=0");
        assertThat(client.bootstrap().messageType()).isEqualTo(1);
    }

    @AfterAll
    void stop() {
        client.close();
        assertThat(client.protocolViolations()).isEmpty();
        assertResponseIdsIncrease(client.messages());
    }

    private String submit(String user, String command) {
        return client.submitJob(user, job("j", command)).get("jobs").get(0).get("id").asString();
    }

    private String statusOf(String user, String id) {
        return client.getJob(user, id).get("jobs").get(0).get("status").asString();
    }

    @Test
    void starStatusStreamSendsCurrentStatesThenChangesOfVisibleJobsOnly() {
        String pending = submit("sam", "pending");
        submit("tess", "pending");
        ClientStream all = client.statusStream("sam", "*");
        Message first = all.expectNext(WAIT);
        assertThat(first.messageType()).isEqualTo(3);
        assertThat(first.requestId()).isZero();
        assertThat(first.seqIdFor(all.requestId())).hasValue(1);
        assertThat(first.get("id").asString()).isEqualTo(pending);
        assertThat(first.get("status").asString()).isEqualTo("Pending");
        assertThat(first.get("name").asString()).isEqualTo("j");

        String sleeper = submit("sam", "sleep");
        List<String> seen = new ArrayList<>();
        long expectedSeq = 2;
        while (!seen.contains(sleeper + ":Running")) {
            Message m = all.expectNext(WAIT);
            assertThat(m.seqIdFor(all.requestId())).hasValue(expectedSeq++);
            seen.add(m.get("id").asString() + ":" + m.get("status").asString());
        }
        // the source may move on before anyone sees Pending; it must never go back to it
        assertThat(all.next(Duration.ofMillis(200)).map(m -> m.get("status").asString())).isEmpty();
        assertThat(seen).allMatch(s -> s.startsWith(pending) || s.startsWith(sleeper));

        all.cancel();
        client.controlJob("sam", sleeper, 3);
        assertThat(all.next(Duration.ofMillis(500))).isEmpty();
    }

    @Test
    void oneMessageServesEverySubscriberOfAJob() {
        String id = submit("uma", "pending");
        ClientStream one = client.statusStream("uma", id);
        ClientStream star = client.statusStream("uma", "*");
        ClientStream admin = client.statusStream("*", id);
        ClientStream stranger = client.statusStream("vic", id);
        assertThat(one.expectNext(WAIT).seqIdFor(one.requestId())).hasValue(1);
        assertThat(star.expectNext(WAIT).get("id").asString()).isEqualTo(id);
        assertThat(admin.expectNext(WAIT).get("status").asString()).isEqualTo("Pending");
        assertThat(stranger.expectNext(WAIT).errorCode()).isEqualTo(3);

        client.controlJob("uma", id, 4);
        Message change = one.expectNext(WAIT);
        assertThat(change.get("status").asString()).isEqualTo("Canceled");
        assertThat(change.seqIdFor(one.requestId())).hasValue(2);
        assertThat(change.seqIdFor(star.requestId())).hasValue(2);
        assertThat(change.seqIdFor(admin.requestId())).hasValue(2);
        assertThat(star.expectNext(WAIT)).isSameAs(change);
        assertThat(admin.expectNext(WAIT)).isSameAs(change);
        one.cancel();
        star.cancel();
        admin.cancel();
        one.cancel(); // twice: still no answer
    }

    @Test
    void resourceStreamIsSharedAndCompletesWhenTheJobStops() {
        String id = submit("walt", "sleep");
        await().atMost(WAIT).until(() -> statusOf("walt", id).equals("Running"));
        ClientStream a = client.resourceStream("walt", id);
        Message sample = a.expectNext(WAIT);
        assertThat(sample.messageType()).isEqualTo(6);
        assertThat(sample.requestId()).isZero();
        assertThat(sample.get("cpuPercent").asDouble()).isEqualTo(12.5);
        assertThat(sample.get("complete").asBoolean()).isFalse();
        ClientStream b = client.resourceStream("walt", id);
        Message shared = b.expectNext(WAIT);
        assertThat(shared.seqIdFor(b.requestId())).hasValue(1);
        assertThat(shared.seqIdFor(a.requestId())).isPresent();

        client.controlJob("walt", id, 3);
        List<Message> restA = a.readToEnd(WAIT);
        List<Message> restB = b.readToEnd(WAIT);
        Message last = restA.get(restA.size() - 1);
        assertThat(last.get("complete").asBoolean()).isTrue();
        assertThat(last.has("cpuPercent")).isFalse();
        assertThat(restB.get(restB.size() - 1)).isSameAs(last);
        assertConsecutive(a.requestId(), concat(List.of(sample), restA));
        assertThat(a.next(Duration.ofMillis(300))).isEmpty();

        String pending = submit("walt", "pending");
        assertThat(client.resourceStream("walt", pending).expectNext(WAIT).errorCode()).isEqualTo(6);
    }

    @Test
    void cancellingOneResourceRequestLeavesTheOthers() {
        String id = submit("xena", "sleep");
        await().atMost(WAIT).until(() -> statusOf("xena", id).equals("Running"));
        ClientStream a = client.resourceStream("xena", id);
        ClientStream b = client.resourceStream("xena", id);
        a.expectNext(WAIT);
        b.expectNext(WAIT);
        a.cancel();
        a.drain();
        // at most one message already in flight when the cancel arrived
        assertThat(a.next(Duration.ofMillis(300)).stream().count() + a.drain().size()).isLessThanOrEqualTo(1);
        for (int i = 0; i < 3; i++) {
            Message m = b.expectNext(WAIT);
            assertThat(m.seqIdFor(a.requestId())).isEmpty();
        }
        b.cancel();
        client.controlJob("xena", id, 3);
    }

    @Test
    void manyConcurrentStreamsEachGetTheirOwnCompleteOutput() {
        String id = submit("yuri", "lines 50");
        await().atMost(WAIT).until(() -> statusOf("yuri", id).equals("Finished"));
        List<ClientStream> streams = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            streams.add(client.outputStream("yuri", id, 0));
        }
        List<CompletableFuture<String>> texts = new ArrayList<>();
        for (ClientStream s : streams) {
            texts.add(CompletableFuture.supplyAsync(() -> {
                StringBuilder text = new StringBuilder();
                List<Message> messages = s.readToEnd(WAIT);
                assertConsecutive(s.requestId(), messages);
                messages.forEach(m -> text.append(m.json().path("output").asString("")));
                return text.toString();
            }));
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            expected.append("line ").append(i).append('\n');
        }
        for (CompletableFuture<String> text : texts) {
            assertThat(text.join()).isEqualTo(expected.toString());
        }
    }

    @Test
    void cancellingAStreamThatWasNeverOpenedIsSilent() {
        ClientStream ghost = new ClientStream(client, 6, 999_999, "zoe", "nope", new java.util.concurrent.LinkedBlockingQueue<>());
        ghost.cancel();
        client.sendCancel(4, 999_998, "zoe", "*");
        client.sendCancel(7, 999_997, "zoe", "x");
        assertThat(client.getJob("zoe", "unknown").errorCode()).isEqualTo(3);
        assertThat(client.poll(999_999, Duration.ofMillis(200))).isEmpty();
        assertThat(client.poll(999_998, Duration.ZERO)).isEmpty();
        assertThat(client.poll(999_997, Duration.ZERO)).isEmpty();
    }

    private static void assertConsecutive(long requestId, List<Message> messages) {
        long expected = 1;
        for (Message m : messages) {
            assertThat(m.seqIdFor(requestId)).hasValue(expected++);
        }
    }

    private static void assertResponseIdsIncrease(List<Message> messages) {
        long last = -1;
        Map<Long, Integer> seen = new HashMap<>();
        for (Message m : messages) {
            if (m.isError() || m.isHeartbeat() || m.messageType() == 203) {
                assertThat(m.responseId()).isZero();
                continue;
            }
            assertThat(m.responseId()).as("response ids in wire order").isGreaterThan(last);
            last = m.responseId();
            seen.merge(m.responseId() == 0 ? 0L : 1L, 1, Integer::sum);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
