package io.kubelauncher.benchmarks.micro;

import io.kubelauncher.api.frame.FrameDecoder;
import io.kubelauncher.api.frame.FrameEncoder;
import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Env;
import io.kubelauncher.api.model.ExposedPort;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.api.protocol.Request;
import io.kubelauncher.api.protocol.RequestDecoder;
import io.kubelauncher.api.protocol.RequestException;
import io.kubelauncher.api.protocol.Response;
import io.kubelauncher.api.protocol.ResponseSerializer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codec's hot paths: decoding requests from frame payloads, splitting a byte stream into
 * frames, and encoding responses into frames. Run by {@code bin/bench} (suite {@code codec}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    private RequestDecoder decoder;
    private ResponseSerializer serializer;
    private byte[] getJob;
    private byte[] submitJob;
    private byte[] hundredFrames;
    private Response jobState;
    private FrameEncoder frame;

    @Setup
    public void setUp() {
        JsonMapper mapper = WireJson.newMapper();
        decoder = new RequestDecoder(mapper);
        serializer = new ResponseSerializer(mapper);
        getJob = ("{\"messageType\":3,\"requestId\":1234,\"username\":\"alice\",\"requestUsername\":\"alice\","
                + "\"jobId\":\"rstudio-launcher-abc123\",\"encodedJobId\":\"\"}").getBytes(StandardCharsets.UTF_8);
        submitJob = ("{\"messageType\":2,\"requestId\":99,\"username\":\"alice\",\"requestUsername\":\"alice\","
                + "\"job\":{\"name\":\"RStudio Session\",\"cluster\":\"Kubernetes\",\"exe\":\"/usr/lib/rstudio-server/bin/rsession\","
                + "\"args\":[\"--session-use-secure-cookies\",\"0\",\"--www-port\",\"8787\"],"
                + "\"environment\":[{\"name\":\"USER\",\"value\":\"alice\"},{\"name\":\"HOME\",\"value\":\"/home/alice\"}],"
                + "\"container\":{\"image\":\"rstudio/r-session-complete:jammy-2024.12.0\",\"runAsUserId\":1000,"
                + "\"runAsGroupId\":1000},\"exposedPorts\":[{\"targetPort\":8787,\"protocol\":\"TCP\"}],"
                + "\"mounts\":[{\"mountPath\":\"/home/alice\",\"readOnly\":false,\"mountSource\":{\"type\":\"nfs\","
                + "\"source\":{\"host\":\"nfs.example.com\",\"path\":\"/export/home/alice\"}}}],"
                + "\"resourceLimits\":[{\"type\":\"cpuCount\",\"value\":\"2\"},{\"type\":\"memory\",\"value\":\"4096\"}],"
                + "\"tags\":[\"rstudio-r-session\",\"rstudio-r-session-id:abc\"],\"instanceId\":\"i-1\"}}")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            stream.writeBytes(FrameEncoder.frame(getJob));
        }
        hundredFrames = stream.toByteArray();
        Job job = Job.builder().id("rstudio-launcher-abc123").name("RStudio Session").user("alice")
                .cluster("Kubernetes").exe("/usr/lib/rstudio-server/bin/rsession").args(List.of("--www-port", "8787"))
                .environment(List.of(new Env("USER", "alice"))).container(new Container("rstudio/r-session", 1000, 1000, List.of()))
                .exposedPorts(List.of(ExposedPort.tcp(8787)))
                .resourceLimits(List.of(ResourceLimit.requested("cpuCount", "2"), ResourceLimit.requested("memory", "4096")))
                .tags(List.of("rstudio-r-session")).host("node-7").status(JobStatus.RUNNING)
                .submissionTime(Instant.parse("2026-11-27T10:00:00.123456Z"))
                .lastUpdateTime(Instant.parse("2026-11-27T10:00:05Z")).build();
        jobState = new Response.JobState(1234, List.of(job), Optional.empty());
        frame = new FrameEncoder(4096);
    }

    @Benchmark
    public Request decodeGetJob() throws RequestException {
        return decoder.decode(getJob);
    }

    @Benchmark
    public Request decodeSubmitJob() throws RequestException {
        return decoder.decode(submitJob);
    }

    @Benchmark
    public int encodeJobState() {
        frame.reset();
        serializer.write(jobState, 42, frame);
        return frame.payloadLength();
    }

    /** Splits 100 Get Job frames; divide the score by 100 for frames per second. */
    @Benchmark
    public void splitHundredFrames(Blackhole hole) {
        FrameDecoder frames = new FrameDecoder(5 * 1024 * 1024, new FrameDecoder.Listener() {
            @Override
            public void onFrame(byte[] payload) {
                hole.consume(payload);
            }

            @Override
            public void onOversizedFrame(long length, byte[] prefix) {
                hole.consume(prefix);
            }
        });
        frames.feed(hundredFrames, 0, hundredFrames.length);
    }
}
