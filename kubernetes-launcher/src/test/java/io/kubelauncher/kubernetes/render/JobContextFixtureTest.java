package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.model.Job;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code .Job} context we build from a launcher job equals the fixtures' contexts (what the
 * vendor plugin hands its templates), field by field.
 */
class JobContextFixtureTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Fields we add (newer API) that the fixtures predate. */
    /** Fields of ours the vendor's context lacks: initContainers, and the two our 2.5.0 job.tpl needs for stdin-annotation. */
    private static final List<String> DERIVED = List.of("initContainers", "stdinAnnotation", "hasStdin");

    static Stream<Path> fixtures() throws IOException {
        Path dir = Path.of(System.getProperty("kubelauncher.testdata"), "fixtures", "jobs");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void ourContextEqualsTheFixture(Path fixture) throws IOException {
        ObjectNode expected = (ObjectNode) JSON.readTree(fixture.toFile()).get("Job");
        Job job = JSON.treeToValue(expected, Job.class);
        Admission admission = new Admission(job, new BigDecimal(expected.get("cpuRequestRatio").asString()),
                new BigDecimal(expected.get("memoryRequestRatio").asString()), List.of());
        JobContext context = new JobContext(job, expected.get("cluster").asString(), JobNames.generateName(job.name()),
                Volumes.of(job.mounts()), expected.get("shareProcessNamespace").asBoolean(),
                admission.cpuRequestRatio(), admission.memoryRequestRatio(), expected.get("serviceAccountName").asString(), List.of(), true);

        ObjectNode actual = JSON.valueToTree(context.toTemplateValue(Optional.of(expected.get("id").asString())));
        DERIVED.forEach(actual::remove);
        // The fixtures' generateNames are made up ("jupyter-dave-"); ours derive from the job name alone.
        assertThat(actual.get("generateName").asString()).matches("[a-z][a-z0-9-]*-");
        actual.set("generateName", expected.get("generateName"));
        for (var field : expected.properties()) {
            JsonNode ours = actual.get(field.getKey());
            assertThat(ours).as("%s: .Job.%s", fixture.getFileName(), field.getKey()).isNotNull();
            if (field.getValue().isNumber()) {
                assertThat(ours.decimalValue()).as(".Job." + field.getKey()).isEqualByComparingTo(field.getValue().decimalValue());
            } else {
                assertThat(ours).as("%s: .Job.%s", fixture.getFileName(), field.getKey()).isEqualTo(field.getValue());
            }
        }
        assertThat(actual.propertyNames()).containsExactlyInAnyOrderElementsOf(expected.propertyNames());
    }
}
