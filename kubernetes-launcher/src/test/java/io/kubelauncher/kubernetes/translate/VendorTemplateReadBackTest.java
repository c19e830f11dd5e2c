package io.kubelauncher.kubernetes.translate;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import io.kubelauncher.api.model.JobStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs written by the vendor's own templates (as real Go renders them) read back as the launcher
 * job that was submitted: this is what lets us take over a cluster the vendor plugin was running.
 */
class VendorTemplateReadBackTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    static Stream<Path> renderedJobs() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.root().resolve("expected"))) {
            return files.filter(p -> p.getFileName().toString().equals("job.tpl.out")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderedJobs")
    void readsBackWhatTheVendorTemplateWrote(Path rendered) throws IOException {
        String caseName = rendered.getParent().getFileName().toString();
        JsonNode submitted = JSON.readTree(Fixtures.root().resolve("jobs").resolve(caseName + ".json").toFile()).get("Job");
        Job job;
        try {
            job = serialization.unmarshal(Files.readString(rendered), Job.class);
        } catch (RuntimeException e) {
            // The Fargate variants indent with a tab: the API server refuses such a Job, so none exists to read back.
            Assumptions.abort("not valid YAML, Kubernetes would have refused it: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        job.getMetadata().setName(submitted.get("id").asString());
        job.getMetadata().setCreationTimestamp("2026-11-27T18:00:00Z");
        Optional<Service> service = service(rendered.resolveSibling("service.tpl.out"));

        JobObjects objects = new JobObjects(job, List.of(), service, List.of());
        Observation observation = new StatusDeriver(Duration.ofMinutes(5)).derive(objects, Instant.parse("2026-11-27T18:00:01Z"));
        io.kubelauncher.api.model.Job read = new JobReader(JSON, "Kubernetes").read(objects, observation);
        JsonNode readJson = JSON.valueToTree(read);

        assertThat(read.id()).isEqualTo(submitted.get("id").asString());
        assertThat(read.user()).isEqualTo(submitted.get("user").asString());
        assertThat(read.name()).isEqualTo(submitted.get("name").asString());
        assertThat(read.stdin()).isEqualTo(submitted.get("stdin").asString());
        List<String> expectedTags = new ArrayList<>();
        submitted.get("tags").forEach(t -> expectedTags.add(t.asString()));
        assertThat(read.tags()).isEqualTo(expectedTags);
        String template = Files.readString(Fixtures.root().resolve("templates").resolve(rendered.getParent().getParent().getFileName()).resolve("job.tpl"));
        if (!submitted.get("metadata").isEmpty() && template.contains("user_metadata")) {
            assertThat(readJson.get("metadata")).isEqualTo(submitted.get("metadata"));
        }
        if (!submitted.get("instanceId").asString().isEmpty() && template.contains("launcher-instance-id")) {
            assertThat(read.instanceId()).isEqualTo(submitted.get("instanceId").asString());
        }
        assertThat(read.container().image()).isEqualTo(submitted.get("container").get("image").asString());
        assertThat(readJson.path("workingDirectory").asString("")).isEqualTo(submitted.get("workingDirectory").asString());
        assertThat(read.status()).isEqualTo(JobStatus.PENDING);
        assertThat(readJson.get("submissionTime").asString()).isEqualTo("2026-11-27T18:00:00Z");

        List<String> readPorts = new ArrayList<>();
        read.exposedPorts().forEach(p -> readPorts.add(p.protocol() + "/" + p.targetPort() + (p.publishedPort() != null ? "->" + p.publishedPort() : "")));
        List<String> expectedPorts = new ArrayList<>();
        submitted.get("exposedPorts").forEach(p -> expectedPorts.add(p.get("protocol").asString() + "/" + p.get("targetPort").asInt()
                + (p.has("publishedPort") ? "->" + p.get("publishedPort").asInt()
                : service.isPresent() ? "->" + (30000 + p.get("targetPort").asInt() % 1000) : "")));
        assertThat(readPorts).isEqualTo(expectedPorts);

        // chart variants append their own environment after the user's
        List<String> env = read.environment().stream().map(e -> e.name() + "=" + e.value()).toList();
        List<String> expectedEnv = new ArrayList<>();
        submitted.get("environment").forEach(e -> expectedEnv.add(e.get("name").asString() + "=" + e.get("value").asString()));
        assertThat(env.subList(0, Math.min(env.size(), expectedEnv.size()))).isEqualTo(expectedEnv);
        assertThat(read.config()).hasSize(submitted.get("config").size());

        if (!submitted.get("command").asString().isEmpty()) {
            assertThat(read.command()).startsWith(submitted.get("command").asString());
        } else {
            assertThat(read.exe()).isEqualTo(submitted.get("exe").asString());
            assertThat(readJson.path("args")).isEqualTo(submitted.get("args").isEmpty() ? JSON.missingNode() : submitted.get("args"));
        }
        List<String> mounts = read.mounts().stream().map(m -> m.mountPath() + "<-" + m.source().toMap()).toList();
        List<String> expectedMounts = new ArrayList<>();
        submitted.get("mounts").forEach(m -> expectedMounts.add(m.get("mountPath").asString() + "<-" + JSON.convertValue(m.get("mountSource").get("source"), java.util.Map.class)));
        assertThat(mounts).isEqualTo(expectedMounts);
    }

    /** The rendered Service as Kubernetes returns it: with a NodePort allocated per port. */
    private Optional<Service> service(Path rendered) throws IOException {
        if (!Files.exists(rendered)) {
            return Optional.empty();
        }
        Service service = serialization.unmarshal(Files.readString(rendered), Service.class);
        if (service.getSpec().getPorts() == null || service.getSpec().getPorts().isEmpty()) {
            return Optional.empty();
        }
        for (ServicePort p : service.getSpec().getPorts()) {
            p.setNodePort(30000 + p.getPort() % 1000);
        }
        return Optional.of(service);
    }
}
