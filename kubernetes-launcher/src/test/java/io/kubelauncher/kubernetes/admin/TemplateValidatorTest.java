package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.gotemplate.RenderOptions;
import io.kubelauncher.kubernetes.render.TemplateFunctions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator end to end: the default templates in a scratch folder, edited as an administrator would. */
class TemplateValidatorTest {

    @TempDir
    Path scratch;

    private TemplateValidator validator;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The plugin's own engine and functions; {@link TemplateValidatorOracleTest} runs the same with real Go. */
    TemplateRenderer renderer() {
        return new GoTemplateRenderer(TemplateFunctions.launcher(), RenderOptions.DEFAULT);
    }

    @BeforeEach
    void setUp() throws IOException {
        validator = new TemplateValidator(renderer());
        for (var template : DefaultTemplates.texts().entrySet()) {
            Files.writeString(scratch.resolve(template.getKey()), template.getValue());
        }
    }

    @Test
    void defaultTemplatesAreValid() {
        assertThat(run(false)).isZero();
        assertThat(out()).contains("job.tpl: OK", "service.tpl: OK", "All templates are valid.");
        assertThat(err()).isEmpty();
    }

    @Test
    void verbosePrintsTheRenderedYaml() {
        assertThat(run(true)).isZero();
        assertThat(out()).contains("--- job.tpl rendered for the test job:", "user: validation-user",
                "USER_TAG_1: validation-tag-1", "kind: Service", "job-name: launcher-validation-job-x1y2z");
    }

    @Test
    void syntaxErrorIsReportedWithItsLine() throws IOException {
        edit("job.tpl", t -> t.replace("{{ toYaml .Job.user }}", "{{ toYml .Job.user }}"));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).containsOnlyOnce("job.tpl:39: [functions and syntax] template: job.tpl:39: function \"toYml\""
                + " not defined");
        assertThat(out()).contains("service.tpl: not rendered: the error above stops every template");
        assertThat(err()).contains("1 problem found");
    }

    @Test
    void unclosedActionIsASyntaxError() throws IOException {
        edit("service.tpl", t -> t.replace("{{ .Job.serviceName }}", "{{ .Job.serviceName ) }}"));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).contains("service.tpl:7: [functions and syntax]");
    }

    @Test
    void badYamlIsReported() throws IOException {
        edit("job.tpl", t -> t.replace("  backoffLimit: 0\n", "  backoffLimit: 0\n  - stray\n"));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).contains("job.tpl:26: [valid YAML] the rendered output is not valid YAML");
    }

    @Test
    void removedRequiredAnnotationIsReported() throws IOException {
        edit("job.tpl", t -> t.replace("        service_ports: {{ toYaml .Job.servicePortsJson }}\n", ""));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).contains("job.tpl:28: [required piece] spec.template.metadata.annotations.service_ports"
                + " is missing; the plugin recreates the job's Service from it after a restart");
    }

    @Test
    void changedRestartPolicyIsReported() throws IOException {
        edit("job.tpl", t -> t.replace("restartPolicy: Never", "restartPolicy: OnFailure"));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).contains("job.tpl:64: [hard-coded value] spec.template.spec.restartPolicy must be Never,"
                + " found 'OnFailure'");
    }

    @Test
    void oldTemplateVersionIsReported() throws IOException {
        edit("service.tpl", t -> t.replace("# Version: 2.5.0", "# Version: 1.0.0"));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).contains("service.tpl:1: [template version] template version 1.0.0 is not compatible with"
                + " this plugin, which needs 2.x");
    }

    @Test
    void missingTemplateIsReported() throws IOException {
        Files.delete(scratch.resolve("service.tpl"));
        assertThat(run(false)).isEqualTo(1);
        assertThat(out()).contains("service.tpl: [required piece]", "does not exist; run --generate-templates");
    }

    private void edit(String name, UnaryOperator<String> change) throws IOException {
        Path file = scratch.resolve(name);
        String before = Files.readString(file);
        String after = change.apply(before);
        assertThat(after).as("the edit must change " + name).isNotEqualTo(before);
        Files.writeString(file, after);
    }

    private int run(boolean verbose) {
        return validator.run(scratch, verbose, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
