package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.gotemplate.TemplateSet;
import io.kubelauncher.gotemplate.function.TemplateFunction;
import io.kubelauncher.gotemplate.sprig.SprigLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter onto the project's own engine: data shape, include across files, error locations. */
class GoTemplateRendererTest {

    @TempDir
    Path scratch;

    private final TemplateRenderer renderer;

    GoTemplateRendererTest() {
        Map<String, TemplateFunction> functions = new HashMap<>(SprigLibrary.create().functions());
        functions.put("include", TemplateSet.INCLUDE);
        renderer = new GoTemplateRenderer(functions, RenderOptions.DEFAULT);
    }

    @Test
    void rendersWithJobAsDotAndIncludesOtherFiles() throws Exception {
        Files.writeString(scratch.resolve("job.tpl"), "user: {{ .Job.user | quote }}\n{{ include \"extra\" . }}\n");
        Files.writeString(scratch.resolve("extra.tpl"), "{{ define \"extra\" }}name: {{ .Job.name | upper }}{{ end }}");
        assertThat(renderer.render(scratch, "job.tpl", Map.of("user", "alice", "name", "x")))
                .isEqualTo("user: \"alice\"\nname: X\n");
    }

    @Test
    void parseErrorsCarryFileAndLine() throws IOException {
        Files.writeString(scratch.resolve("job.tpl"), "a: 1\nb: {{ nosuchfn .Job.user }}\n");
        assertThatThrownBy(() -> renderer.render(scratch, "job.tpl", Map.of()))
                .isInstanceOfSatisfying(TemplateRenderingException.class, e -> {
                    assertThat(e.file()).isEqualTo("job.tpl");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("template: job.tpl:2: function \"nosuchfn\" not defined");
                });
    }

    @Test
    void errorsInAnotherFileNameThatFile() throws IOException {
        Files.writeString(scratch.resolve("job.tpl"), "a: 1\n");
        Files.writeString(scratch.resolve("service.tpl"), "x\n\n{{ if }}\n");
        assertThatThrownBy(() -> renderer.render(scratch, "job.tpl", Map.of()))
                .isInstanceOfSatisfying(TemplateRenderingException.class, e -> {
                    assertThat(e.file()).isEqualTo("service.tpl");
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void executionErrorsCarryTheLine() throws IOException {
        Files.writeString(scratch.resolve("job.tpl"), "a: 1\nb: {{ index .Job.list 5 }}\n");
        assertThatThrownBy(() -> renderer.render(scratch, "job.tpl", Map.of("list", java.util.List.of("x"))))
                .isInstanceOfSatisfying(TemplateRenderingException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("template: job.tpl:2:");
                });
    }
}
