package io.kubelauncher.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.RequestUser;
import io.kubelauncher.api.plugin.ResourceSink;
import io.kubelauncher.api.plugin.StreamHandle;
import io.kubelauncher.api.protocol.Response;
import io.kubelauncher.api.protocol.StreamSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The stream hubs' rules, with the outbox captured instead of written. */
class HubsTest {

    private final List<Response> sent = new ArrayList<>();
    private final Outbox outbox = sent::add;

    private static Job job(String id, String user, JobStatus status, String message, Instant updated) {
        return Job.builder().id(id).name("n-" + id).user(user).status(status).statusMessage(message)
                .lastUpdateTime(updated).build();
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void statusHubSendsOnlyRealChangesAndNeverGoesBack() {
        StatusHub hub = new StatusHub(outbox);
        hub.register(5, RequestUser.of("alice"), "*");
        hub.activate(5, List.of());
        hub.jobChanged(job("a", "alice", JobStatus.PENDING, null, T0));
        hub.jobChanged(job("a", "alice", JobStatus.PENDING, "", T0.plusSeconds(1)));      // same state
        hub.jobChanged(job("a", "alice", JobStatus.RUNNING, null, T0.plusSeconds(2)));
        hub.jobChanged(job("a", "alice", JobStatus.PENDING, null, T0.plusSeconds(1)));    // older
        hub.jobChanged(job("a", "alice", JobStatus.FINISHED, "Exit code 0", T0.plusSeconds(3)));
        hub.jobChanged(job("a", "alice", JobStatus.RUNNING, null, T0.plusSeconds(4)));    // terminal is final
        hub.jobChanged(job("b", "bob", JobStatus.RUNNING, null, T0));                     // not alice's
        assertThat(sent).extracting(r -> ((Response.JobStatusUpdate) r).status())
                .containsExactly(JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FINISHED);
        assertThat(sent).extracting(r -> ((Response.JobStatusUpdate) r).sequences())
                .containsExactly(List.of(new StreamSequence(5, 1)), List.of(new StreamSequence(5, 2)),
                        List.of(new StreamSequence(5, 3)));
    }

    @Test
    void statusHubOpensWithTheFreshestStateAndHonoursCancelDuringOpening() {
        StatusHub hub = new StatusHub(outbox);
        hub.jobChanged(job("a", "alice", JobStatus.RUNNING, null, T0.plusSeconds(5)));
        hub.register(7, RequestUser.of("*"), "a");
        hub.activate(7, List.of(job("a", "alice", JobStatus.PENDING, null, T0)));       // stale snapshot
        assertThat(sent).hasSize(1);
        assertThat(((Response.JobStatusUpdate) sent.get(0)).status()).isEqualTo(JobStatus.RUNNING);

        hub.register(8, RequestUser.of("alice"), "a");
        hub.cancel(8);
        hub.activate(8, List.of(job("a", "alice", JobStatus.RUNNING, null, T0.plusSeconds(5))));
        hub.fail(8, ErrorCode.JOB_NOT_FOUND, "gone");
        assertThat(sent).hasSize(1);
        assertThat(hub.register(7, RequestUser.of("*"), "a")).as("an open request id is not opened twice").isFalse();
    }

    @Test
    void outputStreamEndsExactlyOnceAndKeepsTextWellFormed() {
        OutputHub hub = new OutputHub(outbox, 256 + 6 * 4);
        assertThat(hub.register(3)).isTrue();
        assertThat(hub.register(3)).isFalse();
        OutputHub.Stream stream = hub.stream(3);
        stream.output("abcdefghij", OutputType.STDOUT);
        stream.output("x\uD800y", OutputType.STDERR);
        stream.complete();
        stream.complete();
        stream.fail(ErrorCode.JOB_OUTPUT_NOT_FOUND, "late");
        stream.output("late", OutputType.STDOUT);
        assertThat(sent).extracting(r -> r instanceof Response.JobOutput o ? o.seqId() + ":" + o.output() + ":" + o.complete() : "?")
                .containsExactly("1:abcd:false", "2:efgh:false", "3:ij:false", "4:x\uFFFDy:false", "5:null:true");
        assertThat(hub.stream(3)).isNull();
    }

    @Test
    void cancellingAnOutputStreamStopsTheSourceEvenIfItAttachesLate() {
        OutputHub hub = new OutputHub(outbox, 1024);
        hub.register(4);
        OutputHub.Stream stream = hub.stream(4);
        hub.cancel(4);
        hub.cancel(4);
        AtomicInteger cancels = new AtomicInteger();
        stream.attach(cancels::incrementAndGet);
        stream.output("after cancel", OutputType.STDOUT);
        stream.complete();
        assertThat(cancels).hasValue(1);
        assertThat(sent).isEmpty();
        assertThat(stream.isClosed()).isTrue();
    }

    @Test
    void resourceHubSharesOneSourceStreamAndStopsItWithTheLastRequest() {
        ResourceHub hub = new ResourceHub(outbox);
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger cancels = new AtomicInteger();
        AtomicReference<ResourceSink> sink = new AtomicReference<>();
        StubSource source = new StubSource((job, s) -> {
            starts.incrementAndGet();
            sink.set(s);
            return (StreamHandle) cancels::incrementAndGet;
        });
        Job running = job("r", "alice", JobStatus.RUNNING, null, T0);
        hub.register(10);
        hub.join(10, running, source);
        hub.register(11);
        hub.join(11, running, source);
        sink.get().utilisation(new ResourceUtilisation(1.0, null, null, null));
        hub.cancel(10);
        sink.get().utilisation(new ResourceUtilisation(2.0, null, null, null));
        assertThat(cancels).hasValue(0);
        hub.cancel(11);
        assertThat(cancels).hasValue(1);
        sink.get().utilisation(new ResourceUtilisation(3.0, null, null, null));
        assertThat(starts).hasValue(1);
        assertThat(sent).extracting(r -> ((Response.ResourceUtil) r).sequences()).containsExactly(
                List.of(new StreamSequence(10, 1), new StreamSequence(11, 1)), List.of(new StreamSequence(11, 2)));
    }

    @Test
    void resourceHubCompletesEveryRequestOnce() {
        ResourceHub hub = new ResourceHub(outbox);
        AtomicReference<ResourceSink> sink = new AtomicReference<>();
        StubSource source = new StubSource((job, s) -> {
            sink.set(s);
            return StreamHandle.NONE;
        });
        Job running = job("r", "alice", JobStatus.RUNNING, null, T0);
        hub.register(20);
        hub.join(20, running, source);
        hub.register(21);
        hub.join(21, running, source);
        sink.get().complete();
        sink.get().complete();
        sink.get().utilisation(new ResourceUtilisation(1.0, null, null, null));
        assertThat(sent).hasSize(1);
        Response.ResourceUtil last = (Response.ResourceUtil) sent.get(0);
        assertThat(last.complete()).isTrue();
        assertThat(last.sequences()).containsExactly(new StreamSequence(20, 1), new StreamSequence(21, 1));
        assertThat(hub.register(20)).as("a finished request id may be reused").isTrue();
    }
}
