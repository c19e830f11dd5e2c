package io.kubelauncher.gotemplate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.encoding.GoJson;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The oracle's 08-toyaml example: {{ toYaml . }} of its data.json, as Go printed it. */
class HelmYamlExampleTest {

    private static Path example() {
        return Path.of(System.getProperty("kubelauncher.testdata"), "gotemplate-oracle", "examples", "08-toyaml");
    }

    @Test
    void rendersTheWholeExampleDocumentLikeGo() throws Exception {
        Object data = GoJson.unmarshal(Files.readString(example().resolve("data.json")));
        String expected = Files.readString(example().resolve("expected_main.txt"));
        String firstDocument = expected.substring(0, expected.indexOf("\n---\n"));
        assertThat(HelmYaml.toYaml(data)).isEqualTo(firstDocument);
    }
}
