package io.kubelauncher.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JobJsonTest {

    private final JsonMapper mapper = WireJson.newMapper();

    @Test
    void writesEveryFieldUnderItsWireName() {
        Job job = Job.builder()
                .id("j1").name("Report").user("alice").group("staff").cluster("k8s")
                .command("echo hi").args(List.of("a", "b")).environment(List.of(new Env("A", "1")))
                .stdin("in").stdoutFile("/o").stderrFile("/e").workingDirectory("/w")
                .container(new Container("r:4", 1000, 1000, List.of(10, 11)))
                .initContainers(List.of(new InitContainer("init", "busybox", "true", null, List.of(), List.of(),
                        List.of())))
                .exposedPorts(List.of(new ExposedPort(8787, 80, "TCP")))
                .mounts(List.of(new Mount("/data", true, new MountSource.Nfs("nfs1", "/export"))))
                .placementConstraints(List.of(new PlacementConstraint("region", "eu")))
                .queues(List.of("q1")).resourceLimits(List.of(ResourceLimit.requested("memory", "512")))
                .resourceProfile("custom").config(List.of(new JobConfig("k", "string", "v")))
                .tags(List.of("t1")).metadata(Map.of("m", 1)).instanceId("inst").host("node1")
                .status(JobStatus.RUNNING).statusMessage("ok").statusCode("Running").pid(7).exitCode(0)
                .submissionTime(Instant.parse("2019-02-15T11:23:44.039876Z"))
                .lastUpdateTime(Instant.parse("2019-03-08T01:29:19Z"))
                .build();

        JsonNode json = mapper.valueToTree(job);

        assertThat(json.propertyNames()).containsExactly("id", "name", "user", "group", "cluster", "command",
                "args", "environment", "stdin", "stdoutFile", "stderrFile",
                "workingDirectory", "container", "initContainers", "exposedPorts", "mounts",
                "placementConstraints", "queues", "resourceLimits", "resourceProfile", "config", "tags",
                "metadata", "instanceId", "host", "status", "statusMessage", "statusCode", "pid", "exitCode",
                "submissionTime", "lastUpdateTime");
        assertThat(json.get("status").asString()).isEqualTo("Running");
        assertThat(json.get("submissionTime").asString()).isEqualTo("2019-02-15T11:23:44.039876Z");
        assertThat(json.get("lastUpdateTime").asString()).isEqualTo("2019-03-08T01:29:19Z");
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("container").toString())
                .isEqualTo("{\"image\":\"r:4\",\"runAsUserId\":1000,\"runAsGroupId\":1000,"
                        + "\"supplementalGroupIds\":[10,11]}");
        assertThat(json.get("exposedPorts").get(0).toString())
                .isEqualTo("{\"targetPort\":8787,\"publishedPort\":80,\"protocol\":\"TCP\"}");
        assertThat(json.get("mounts").get(0).toString()).isEqualTo(
                "{\"mountPath\":\"/data\",\"readOnly\":true,\"mountSource\":{\"type\":\"nfs\","
                        + "\"source\":{\"host\":\"nfs1\",\"path\":\"/export\"}}}");
        assertThat(json.get("resourceLimits").get(0).toString()).isEqualTo("{\"type\":\"memory\",\"value\":\"512\"}");

        assertThat(mapper.treeToValue(json, Job.class)).isEqualTo(job);
    }

    @Test
    void omitsAbsentFieldsButAlwaysWritesId() {
        assertThat(mapper.writeValueAsString(Job.builder().id("j").build())).isEqualTo("{\"id\":\"j\"}");
        assertThat(mapper.writeValueAsString(Job.builder().build())).isEqualTo("{\"id\":null}");
    }

    @Test
    void readsBothMountShapesAndEchoesEachAsItCame() {
        String flat = "{\"mountPath\":\"/h\",\"readOnly\":false,\"type\":\"host\",\"source\":{\"path\":\"/srv\"}}";
        String nested = "{\"mountPath\":\"/c\",\"name\":\"v\",\"mountSource\":{\"type\":\"cephFs\","
                + "\"source\":{\"monitors\":[\"1.2.3.4:6789\"],\"path\":\"/p\"}}}";
        Job job = mapper.readValue("{\"name\":\"n\",\"mounts\":[" + flat + "," + nested + "]}", Job.class);

        assertThat(job.mounts().get(0).source()).isEqualTo(new MountSource.Host("/srv"));
        assertThat(job.mounts().get(0).shape()).isEqualTo(Mount.Shape.FLAT);
        assertThat(job.mounts().get(1).source())
                .isEqualTo(new MountSource.CephFs(List.of("1.2.3.4:6789"), "/p", null, null, null));
        assertThat(job.mounts().get(1).readOnly()).isFalse();
        JsonNode out = mapper.valueToTree(job).get("mounts");
        assertThat(out.get(0).toString()).isEqualTo(flat);
        assertThat(out.get(1).toString()).isEqualTo("{\"mountPath\":\"/c\",\"name\":\"v\",\"readOnly\":false,"
                + "\"mountSource\":{\"type\":\"cephFs\",\"source\":{\"monitors\":[\"1.2.3.4:6789\"],\"path\":\"/p\"}}}");
    }

    @Test
    void keepsUnknownMountTypesAsTheyCame() {
        Job job = mapper.readValue("{\"mounts\":[{\"mountPath\":\"/x\",\"type\":\"passthrough\","
                + "\"source\":{\"any\":{\"deep\":[1,2]}}}]}", Job.class);
        assertThat(job.mounts().get(0).source()).isInstanceOf(MountSource.Other.class);
        assertThat(mapper.valueToTree(job).get("mounts").get(0).get("source").toString())
                .isEqualTo("{\"any\":{\"deep\":[1,2]}}");
    }

    @Test
    void rejectsMountsMissingRequiredMembers() {
        assertThatThrownBy(() -> mapper.readValue("{\"mounts\":[{\"mountPath\":\"/x\",\"type\":\"nfs\","
                + "\"source\":{\"host\":\"h\"}}]}", Job.class))
                .hasMessageContaining("nfs mount: source.path is required");
        assertThatThrownBy(() -> mapper.readValue("{\"mounts\":[{\"readOnly\":true}]}", Job.class))
                .hasMessageContaining("mountPath is required");
    }

    @Test
    void readsZonelessAndOffsetTimes() {
        Job job = mapper.readValue("{\"submissionTime\":\"2020-01-02T03:04:05\","
                + "\"lastUpdateTime\":\"2020-01-02T05:04:05.5+2:00\"}", Job.class);
        assertThat(job.submissionTime()).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
        assertThat(job.lastUpdateTime()).isEqualTo(Instant.parse("2020-01-02T03:04:05.5Z"));
    }

    @Test
    void rejectsUnknownStatusButReadsEmptyAsAbsent() {
        assertThat(mapper.readValue("{\"status\":\"\"}", Job.class).status()).isNull();
        assertThatThrownBy(() -> mapper.readValue("{\"status\":\"Sleeping\"}", Job.class))
                .hasMessageContaining("unknown job status \"Sleeping\"");
    }
}
