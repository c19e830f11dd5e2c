package io.kubelauncher.kubernetes.render;

import io.kubelauncher.api.plugin.PluginException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonOverridesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ObjectNode job() {
        return (ObjectNode) JSON.readTree("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"a\"}]}}}}");
    }

    private static JsonOverride override(String pointer, String json) {
        return new JsonOverride(pointer, JSON.readTree(json), "/etc/rstudio/value.json");
    }

    @Test
    void addsAMemberThatDoesNotExistCreatingItsParents() {
        ObjectNode job = job();
        JsonOverrides.apply(job, List.of(override("/spec/template/spec/hostAliases", "[{\"ip\":\"10.2.141.12\",\"hostnames\":[\"db01\"]}]"),
                override("/metadata/annotations/team", "\"analytics\"")));
        assertThat(job.at("/spec/template/spec/hostAliases/0/ip").asString()).isEqualTo("10.2.141.12");
        assertThat(job.at("/metadata/annotations/team").asString()).isEqualTo("analytics");
    }

    @Test
    void replacesExistingMembersAndArrayElementsInOrder() {
        ObjectNode job = job();
        JsonOverrides.apply(job, List.of(override("/spec/template/spec/containers/0/image", "\"b\""),
                override("/spec/template/spec/containers/0/image", "\"c\""),
                override("/spec/template/spec/containers/-", "{\"name\":\"sidecar\"}")));
        assertThat(job.at("/spec/template/spec/containers/0/image").asString()).isEqualTo("c");
        assertThat(job.at("/spec/template/spec/containers/1/name").asString()).isEqualTo("sidecar");
    }

    @Test
    void aPointerThroughAScalarIsNamed() {
        assertThatThrownBy(() -> JsonOverrides.apply(job(), List.of(override("/spec/template/spec/containers/0/image/x", "1"))))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("\"/spec/template/spec/containers/0/image/x\"").hasMessageContaining("/etc/rstudio/value.json");
        assertThatThrownBy(() -> JsonOverrides.apply(job(), List.of(override("spec", "1"))))
                .hasMessageContaining("JSON Pointer");
    }
}
