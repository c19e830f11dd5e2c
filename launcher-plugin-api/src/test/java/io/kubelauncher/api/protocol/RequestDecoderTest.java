package io.kubelauncher.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.api.model.JobOperation;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.MountSource;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.api.plugin.ErrorCode;
import io.kubelauncher.api.plugin.RequestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Requests as the Launcher (and both SDKs' clients) write them, field names from the spec. */
class RequestDecoderTest {

    private final RequestDecoder decoder = new RequestDecoder(WireJson.newMapper());

    private Request decode(String json) throws RequestException {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private RequestException failure(String json) {
        try {
            decode(json);
        } catch (RequestException e) {
            return e;
        }
        throw new AssertionError("decoded without error: " + json);
    }

    @Test
    void heartbeatAndBootstrap() throws RequestException {
        assertThat(decode("{\"messageType\":0,\"requestId\":0}")).isEqualTo(new Request.Heartbeat(0));
        assertThat(decode("{\"messageType\":1,\"requestId\":0,\"version\":{\"major\":3,\"minor\":0,\"patch\":0,"
                + "\"build\":7,\"revision\":\"abc\"}}"))
                .isEqualTo(new Request.Bootstrap(0, new Version(3, 0, 0, 7, "abc")));
    }

    @Test
    void submitJobWithEitherMountShapeAndUnknownFieldsIgnored() throws RequestException {
        Request.SubmitJob submit = (Request.SubmitJob) decode("{\"messageType\":2,\"requestId\":7,"
                + "\"username\":\" alice \",\"requestUsername\":\"alice\",\"newerField\":{\"x\":1},\"job\":{"
                + "\"name\":\"Quick Job 1\",\"exe\":\"/bin/sh\",\"stdin\":\"#!/bin/sh\\necho $ENV_VAR\","
                + "\"environment\":[{\"name\":\"ENV_VAR\",\"value\":\"v\"}],\"tags\":[\"filter job\"],"
                + "\"mounts\":[{\"mountPath\":\"/a\",\"readOnly\":true,\"type\":\"host\",\"source\":{\"path\":\"/h\"}},"
                + "{\"mountPath\":\"/b\",\"mountSource\":{\"type\":\"azureFile\",\"source\":{\"secretName\":\"s\","
                + "\"shareName\":\"sh\"}}}],\"instanceId\":\"i-1\",\"metadata\":{\"k\":[1,\"two\"]}}}");
        assertThat(submit.requestId()).isEqualTo(7);
        assertThat(submit.user()).isEqualTo(new RequestUser("alice", "alice"));
        assertThat(submit.job().name()).isEqualTo("Quick Job 1");
        assertThat(submit.job().environment().get(0).value()).isEqualTo("v");
        assertThat(submit.job().mounts().get(0).source()).isEqualTo(new MountSource.Host("/h"));
        assertThat(submit.job().mounts().get(1).source()).isEqualTo(new MountSource.AzureFile("s", "sh"));
        assertThat(submit.job().metadata()).containsKey("k");
        assertThat(submit.job().instanceId()).isEqualTo("i-1");
    }

    @Test
    void getJobWithEveryFilter() throws RequestException {
        Request.GetJob get = (Request.GetJob) decode("{\"messageType\":3,\"requestId\":3,\"username\":\"u\","
                + "\"requestUsername\":\"u\",\"jobId\":\"*\",\"encodedJobId\":\"\",\"tags\":[\"a\",\"b\"],"
                + "\"statuses\":[\" running \",\"Finished\"],\"startTime\":\"2020-01-01T00:00:00\","
                + "\"endTime\":\"2020-01-02T00:00:00.5+01:00\",\"fields\":[\"id\",\"status\"]}");
        assertThat(get.tags()).containsExactly("a", "b");
        assertThat(get.statuses()).containsExactly(JobStatus.RUNNING, JobStatus.FINISHED);
        assertThat(get.startTime()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(get.endTime()).isEqualTo(Instant.parse("2020-01-01T23:00:00.5Z"));
        assertThat(get.fields()).contains(List.of("id", "status"));
        Request.GetJob plain = (Request.GetJob) decode(
                "{\"messageType\":3,\"requestId\":4,\"username\":\"u\",\"jobId\":\"j\"}");
        assertThat(plain.fields()).isEqualTo(Optional.empty());
        assertThat(plain.tags()).isEqualTo(Set.of());
    }

    @Test
    void streamsAcceptBothOutputTypeFormsAndLenientCancels() throws RequestException {
        String open = "{\"messageType\":6,\"requestId\":20,\"username\":\"alice\",\"jobId\":\"job-a\","
                + "\"encodedJobId\":\"\",\"outputType\":%s,\"cancel\":false}";
        assertThat(((Request.JobOutputStream) decode(open.formatted("0"))).outputType()).isEqualTo(OutputType.STDOUT);
        assertThat(((Request.JobOutputStream) decode(open.formatted("1"))).outputType()).isEqualTo(OutputType.STDERR);
        assertThat(((Request.JobOutputStream) decode(open.formatted("2"))).outputType()).isEqualTo(OutputType.MIXED);
        assertThat(((Request.JobOutputStream) decode(open.formatted("\"stderr\""))).outputType()).isEqualTo(OutputType.STDERR);
        assertThat(((Request.JobOutputStream) decode(open.formatted("\"mixed\""))).outputType()).isEqualTo(OutputType.MIXED);
        assertThat(((Request.JobOutputStream) decode(open.formatted("null"))).outputType()).isEqualTo(OutputType.MIXED);
        assertThat(failure(open.formatted("3")).getMessage()).isEqualTo(
                "Get Job Output: outputType must be 0 (stdout), 1 (stderr) or 2 (both), got 3");
        assertThat(decode("{\"messageType\":6,\"requestId\":20,\"cancel\":true}"))
                .isEqualTo(new Request.JobOutputStream(20, new RequestUser("", ""), "", null, true));
        assertThat(decode("{\"messageType\":4,\"requestId\":12,\"username\":\"alice\",\"jobId\":\"*\",\"cancel\":false}"))
                .isEqualTo(new Request.JobStatusStream(12, new RequestUser("alice", ""), "*", false));
        assertThat(failure("{\"messageType\":7,\"requestId\":21,\"username\":\"a\",\"jobId\":\"*\"}").getMessage())
                .contains("\"*\" is not allowed here");
    }

    @Test
    void anEmptyUserOrJobIdIsAnInvalidRequest() throws RequestException {
        RequestException noUser = failure("{\"messageType\":3,\"requestId\":3,\"username\":\" \",\"jobId\":\"*\"}");
        assertThat(noUser.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(noUser.getMessage()).endsWith("username must not be empty");
        RequestException noJob = failure("{\"messageType\":8,\"requestId\":4,\"username\":\"u\",\"jobId\":\"\"}");
        assertThat(noJob.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(noJob.getMessage()).endsWith("jobId must not be empty");
        assertThat(failure("{\"messageType\":5,\"requestId\":5,\"username\":\"u\",\"jobId\":\"\",\"operation\":3}")
                .getMessage()).endsWith("jobId must not be empty");
        // the Launcher's own requests carry no user that matters
        assertThat(decode("{\"messageType\":202,\"requestId\":6,\"username\":\"\"}"))
                .isEqualTo(new Request.ConfigReload(6, new RequestUser("", "")));
    }

    @Test
    void controlJobChecksOperationAndStar() throws RequestException {
        assertThat(((Request.ControlJob) decode("{\"messageType\":5,\"requestId\":9,\"username\":\"u\","
                + "\"jobId\":\"j\",\"operation\":3}")).operation()).isEqualTo(JobOperation.KILL);
        RequestException star = failure("{\"messageType\":5,\"requestId\":9,\"username\":\"u\",\"jobId\":\"*\",\"operation\":3}");
        assertThat(star.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(star.getMessage()).isEqualTo("Control Job: cannot control all jobs at once: jobId must name one job");
        assertThat(failure("{\"messageType\":5,\"requestId\":9,\"username\":\"u\",\"jobId\":\"j\",\"operation\":5}")
                .getMessage()).isEqualTo("Control Job: unknown control job operation 5 (0 suspend, 1 resume, 2 stop, 3 kill, 4 cancel)");
    }

    @Test
    void otherRequestTypes() throws RequestException {
        assertThat(decode("{\"messageType\":8,\"requestId\":1,\"username\":\"u\",\"jobId\":\"j\"}"))
                .isEqualTo(new Request.JobNetwork(1, new RequestUser("u", ""), "j"));
        assertThat(decode("{\"messageType\":9,\"requestId\":2,\"username\":\"u\",\"requestUsername\":\"v\"}"))
                .isEqualTo(new Request.ClusterInfo(2, new RequestUser("u", "v")));
        Request.SetLoadBalancerNodes lb = (Request.SetLoadBalancerNodes) decode("{\"messageType\":201,\"requestId\":3,"
                + "\"username\":\"*\",\"nodes\":[{\"host\":\"h\",\"ipv4\":\"10.0.0.1\",\"port\":\"5559\","
                + "\"lastSeen\":\"2026-01-01T00:00:00.123456789Z\",\"status\":\"Online\"}]}");
        assertThat(lb.nodes().get(0).online()).isTrue();
        assertThat(lb.nodes().get(0).lastSeen()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456789Z"));
        assertThat(decode("{\"messageType\":202,\"requestId\":4,\"username\":\"*\"}"))
                .isEqualTo(new Request.ConfigReload(4, new RequestUser("*", "")));
    }

    @Test
    void envelopeErrorsUseTheRightCodeAndRequestId() {
        assertThat(failure("{\"messageType\":99,\"requestId\":5}").code()).isEqualTo(ErrorCode.REQUEST_NOT_SUPPORTED);
        assertThat(failure("{\"messageType\":99,\"requestId\":5}").requestId()).isEqualTo(5);
        assertThat(failure("{\"messageType\":3,\"requestId\":18446744073709551615}").getMessage())
                .startsWith("requestId must be an unsigned integer");
        assertThat(failure("{\"messageType\":3.5,\"requestId\":6}").getMessage())
                .isEqualTo("messageType must be an integer, got a number (3.5)");
        assertThat(failure("{\"messageType\":3,\"requestId\":6,\"username\":\"u\",\"jobId\":\"j\",\"fields\":[1]}")
                .getMessage()).isEqualTo("Get Job: fields[0] must be a string, got a number (1)");
        assertThat(failure("{\"messageType\":2,\"requestId\":6,\"username\":\"u\",\"job\":{\"container\":{}}}")
                .getMessage()).isEqualTo("Submit Job: invalid job: at job.container: container: image is required");
        assertThat(failure("{\"messageType\":2,\"requestId\":6,\"username\":\"u\",\"job\":{\"status\":\"Zombie\"}}")
                .getMessage()).contains("at job.status").contains("unknown job status \"Zombie\"");
    }
}
