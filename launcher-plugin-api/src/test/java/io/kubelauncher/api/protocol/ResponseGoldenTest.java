package io.kubelauncher.api.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.api.model.ClusterInfo;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.api.model.JobConfig;
import io.kubelauncher.api.model.JobNetwork;
import io.kubelauncher.api.model.JobStatus;
import io.kubelauncher.api.model.LatencySample;
import io.kubelauncher.api.model.OutputType;
import io.kubelauncher.api.model.PlacementConstraint;
import io.kubelauncher.api.model.ResourceLimit;
import io.kubelauncher.api.model.ResourceProfile;
import io.kubelauncher.api.model.ResourceUtilisation;
import io.kubelauncher.api.model.Version;
import io.kubelauncher.api.model.WireJson;
import io.kubelauncher.api.plugin.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JSON of every response type, byte for byte, with the spec's field names (spec 5, 6). */
class ResponseGoldenTest {

    private final ResponseSerializer serializer = new ResponseSerializer(WireJson.newMapper());

    private String json(Response response, long responseId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.write(response, responseId, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void heartbeatIsAllZeros() {
        assertThat(json(new Response.Heartbeat(), 9)).isEqualTo("{\"messageType\":0,\"requestId\":0,\"responseId\":0}");
    }

    @Test
    void errorCarriesTheRequestIdAndResponseIdZero() {
        assertThat(json(new Response.Error(12, ErrorCode.JOB_NOT_FOUND, "Job x not found"), 5)).isEqualTo(
                "{\"messageType\":-1,\"requestId\":12,\"responseId\":0,\"errorCode\":3,\"errorMessage\":\"Job x not found\"}");
    }

    @Test
    void bootstrap() {
        assertThat(json(new Response.Bootstrap(0, new Version(3, 7, 0)), 0)).isEqualTo(
                "{\"messageType\":1,\"requestId\":0,\"responseId\":0,\"version\":{\"major\":3,\"minor\":7,\"patch\":0}}");
    }

    @Test
    void jobStateWholeAndByFields() {
        Job job = Job.builder().id("j1").name("Report").user("alice").status(JobStatus.FINISHED).exitCode(0)
                .tags(List.of("t")).submissionTime(Instant.parse("2019-03-08T01:29:19Z")).build();
        assertThat(json(new Response.JobState(4, List.of(job), Optional.empty()), 7)).isEqualTo(
                "{\"messageType\":2,\"requestId\":4,\"responseId\":7,\"jobs\":[{\"id\":\"j1\",\"name\":\"Report\","
                        + "\"user\":\"alice\",\"tags\":[\"t\"],\"status\":\"Finished\",\"exitCode\":0,"
                        + "\"submissionTime\":\"2019-03-08T01:29:19Z\"}]}");
        assertThat(json(new Response.JobState(4, List.of(job), Optional.of(List.of("status", "bogus"))), 7))
                .isEqualTo("{\"messageType\":2,\"requestId\":4,\"responseId\":7,\"jobs\":[{\"id\":\"j1\",\"status\":\"Finished\"}]}");
        assertThat(json(new Response.JobState(4, List.of(), Optional.empty()), 7))
                .isEqualTo("{\"messageType\":2,\"requestId\":4,\"responseId\":7,\"jobs\":[]}");
    }

    @Test
    void jobStatusIsMultiplexed() {
        Response status = new Response.JobStatusUpdate(List.of(new StreamSequence(12, 2), new StreamSequence(15, 4)),
                "job-a", "Report", JobStatus.FINISHED, "Exit code 0", null);
        assertThat(json(status, 9)).isEqualTo("{\"messageType\":3,\"requestId\":0,\"responseId\":9,"
                + "\"sequences\":[{\"requestId\":12,\"seqId\":2},{\"requestId\":15,\"seqId\":4}],"
                + "\"id\":\"job-a\",\"name\":\"Report\",\"status\":\"Finished\",\"statusMessage\":\"Exit code 0\"}");
        Response withCode = new Response.JobStatusUpdate(List.of(new StreamSequence(1, 1)), "b", "n",
                JobStatus.PENDING, "", "ImagePullBackOff");
        assertThat(json(withCode, 1)).endsWith("\"status\":\"Pending\",\"statusCode\":\"ImagePullBackOff\"}");
    }

    @Test
    void controlJob() {
        assertThat(json(new Response.ControlJob(8, "", true), 3)).isEqualTo(
                "{\"messageType\":4,\"requestId\":8,\"responseId\":3,\"statusMessage\":\"\",\"operationComplete\":true}");
    }

    @Test
    void jobOutputChunksAndTheLastMessage() {
        assertThat(json(new Response.JobOutput(20, 1, "1...\n2...\n", OutputType.MIXED, false), 10)).isEqualTo(
                "{\"messageType\":5,\"requestId\":20,\"responseId\":10,\"seqId\":1,\"output\":\"1...\\n2...\\n\","
                        + "\"outputType\":\"mixed\",\"complete\":false}");
        assertThat(json(Response.JobOutput.last(20, 2), 11)).isEqualTo(
                "{\"messageType\":5,\"requestId\":20,\"responseId\":11,\"seqId\":2,\"complete\":true}");
    }

    @Test
    void resourceUtilisationOmitsUnknownFigures() {
        Response sample = new Response.ResourceUtil(List.of(new StreamSequence(21, 3)),
                new ResourceUtilisation(12.5, 3.0, 210.4, 48.0), false);
        assertThat(json(sample, 12)).isEqualTo("{\"messageType\":6,\"requestId\":0,\"responseId\":12,"
                + "\"sequences\":[{\"requestId\":21,\"seqId\":3}],\"cpuPercent\":12.5,\"cpuTime\":3.0,"
                + "\"virtualMemory\":210.4,\"residentMemory\":48.0,\"complete\":false}");
        Response partial = new Response.ResourceUtil(List.of(new StreamSequence(21, 4)),
                new ResourceUtilisation(null, 4.0, null, null), false);
        assertThat(json(partial, 13)).contains("\"cpuTime\":4.0,\"complete\":false}").doesNotContain("cpuPercent");
        assertThat(json(new Response.ResourceUtil(List.of(new StreamSequence(21, 5)), null, true), 14)).isEqualTo(
                "{\"messageType\":6,\"requestId\":0,\"responseId\":14,\"sequences\":[{\"requestId\":21,\"seqId\":5}],"
                        + "\"complete\":true}");
    }

    @Test
    void jobNetwork() {
        assertThat(json(new Response.Network(30, new JobNetwork("node-1", List.of("10.0.0.7"))), 2)).isEqualTo(
                "{\"messageType\":7,\"requestId\":30,\"responseId\":2,\"host\":\"node-1\",\"ipAddresses\":[\"10.0.0.7\"]}");
        assertThat(json(new Response.Network(30, new JobNetwork("h", List.of(), List.of("e:1"))), 2))
                .endsWith("\"host\":\"h\",\"ipAddresses\":[],\"endpoints\":[\"e:1\"]}");
    }

    @Test
    void clusterInfo() {
        ClusterInfo info = new ClusterInfo(true, List.of("r:4"), "r:4", true, List.of(), null,
                List.of(new JobConfig("prio", "enum", null)),
                List.of(new PlacementConstraint("region", "eu"), PlacementConstraint.freeForm("node")),
                List.of(ResourceLimit.offered("cpuCount", "1", "4")),
                List.of(new ResourceProfile("small", "Small", List.of(ResourceLimit.requested("memory", "512")),
                        null, List.of())),
                false, false);
        assertThat(json(new Response.Cluster(31, info), 3)).isEqualTo("{\"messageType\":8,\"requestId\":31,"
                + "\"responseId\":3,\"supportsContainers\":true,\"images\":[\"r:4\"],\"defaultImage\":\"r:4\","
                + "\"allowUnknownImages\":true,\"config\":[{\"name\":\"prio\",\"valueType\":\"enum\"}],"
                + "\"placementConstraints\":[{\"name\":\"region\",\"value\":\"eu\"},{\"name\":\"node\"}],"
                + "\"resourceLimits\":[{\"type\":\"cpuCount\",\"defaultValue\":\"1\",\"maxValue\":\"4\"}],"
                + "\"resourceProfiles\":[{\"name\":\"small\",\"displayName\":\"Small\","
                + "\"limits\":[{\"type\":\"memory\",\"value\":\"512\"}]}],"
                + "\"supportsInitContainers\":false,\"containersUseHostNetwork\":false}");
        assertThat(json(new Response.Cluster(1, ClusterInfo.minimal()), 1)).isEqualTo("{\"messageType\":8,"
                + "\"requestId\":1,\"responseId\":1,\"supportsContainers\":false,\"allowUnknownImages\":false,"
                + "\"config\":[],\"placementConstraints\":[],\"resourceLimits\":[],\"resourceProfiles\":[],"
                + "\"supportsInitContainers\":false,\"containersUseHostNetwork\":false}");
    }

    @Test
    void loadBalancerNodesConfigReloadAndMetrics() {
        assertThat(json(new Response.SetLoadBalancerNodes(40), 4))
                .isEqualTo("{\"messageType\":201,\"requestId\":40,\"responseId\":4}");
        assertThat(json(new Response.ConfigReload(41, 2, "bad profile"), 5)).isEqualTo(
                "{\"messageType\":202,\"requestId\":41,\"responseId\":5,\"errorType\":2,\"errorMessage\":\"bad profile\"}");
        LatencySample sample = new LatencySample(List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0), 41.5);
        assertThat(json(new Response.Metrics(60, 1024, Optional.of(sample)), 6)).isEqualTo(
                "{\"messageType\":203,\"requestId\":0,\"responseId\":0,\"uptimeSeconds\":60,\"memoryUsageBytes\":1024,"
                        + "\"clusterInteractionLatencySample\":{\"buckets\":[1.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,2.0],"
                        + "\"sum\":41.5}}");
        assertThat(json(new Response.Metrics(1, 2, Optional.empty()), 6)).isEqualTo(
                "{\"messageType\":203,\"requestId\":0,\"responseId\":0,\"uptimeSeconds\":1,\"memoryUsageBytes\":2}");
    }
}
