package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelauncher.kubernetes.admin.RenderedObjectChecker.Kind;
import io.kubelauncher.kubernetes.admin.TemplateProblem.Check;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RenderedObjectCheckerTest {

    private static final String DEFAULT = "posit-default-2.4.0";
    private final RenderedObjectChecker checker = new RenderedObjectChecker();

    static Stream<Arguments> vendorRenderings() {
        List<String> folders = List.of("posit-default-2.4.0", "posit-helm-2.4.0-v1", "posit-helm-2.4.0-v2",
                "posit-workbench-chart", "posit-connect-chart");
        List<String> jobs = List.of("minimal", "typical-session", "batch-command", "exe-args", "metadata-rich",
                "weird-strings");
        return folders.stream().flatMap(f -> jobs.stream().flatMap(j -> Stream.of(
                Arguments.of(f, j, "job.tpl"), Arguments.of(f, j, "service.tpl"))));
    }

    /** What the vendor and the Helm charts ship, rendered by real Go, passes every check. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("vendorRenderings")
    void vendorTemplatesPass(String folder, String job, String file) {
        List<TemplateProblem> problems = check(folder, job, file, s -> s, s -> s);
        assertThat(problems).isEmpty();
    }

    @Test
    void changedRestartPolicyIsReportedOnItsTemplateLine() {
        List<TemplateProblem> problems = check(DEFAULT, "typical-session", "job.tpl",
                t -> t.replace("restartPolicy: Never", "restartPolicy: Always"),
                r -> r.replace("restartPolicy: Never", "restartPolicy: Always"));
        assertThat(problems).containsExactly(new TemplateProblem("job.tpl", 60, Check.HARD_CODED,
                "spec.template.spec.restartPolicy must be Never, found 'Always'"));
    }

    @Test
    void changedBackoffLimitIsReported() {
        List<TemplateProblem> problems = check(DEFAULT, "minimal", "job.tpl",
                t -> t.replace("backoffLimit: 0", "backoffLimit: 3"),
                r -> r.replace("backoffLimit: 0", "backoffLimit: 3"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(23);
            assertThat(p.check()).isEqualTo(Check.HARD_CODED);
            assertThat(p.message()).startsWith("spec.backoffLimit must be 0, found the integer '3'");
        });
    }

    @Test
    void removedUserAnnotationIsReportedAtItsParent() {
        List<TemplateProblem> problems = check(DEFAULT, "typical-session", "job.tpl",
                t -> t.replace("        user: {{ toYaml .Job.user }}\n", ""),
                r -> r.replace("        user: alice\n", ""));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.toString()).isEqualTo("job.tpl:26: [required piece] spec.template.metadata.annotations.user"
                    + " is missing; the plugin reads the job's owner from it");
        });
    }

    @Test
    void unquotedAnnotationValueIsAWrongType() {
        List<TemplateProblem> problems = check(DEFAULT, "typical-session", "job.tpl",
                t -> t.replace("        name: {{ toYaml .Job.name }}\n", "        name: {{ toYaml .Job.name }}\n        cost: 42\n"),
                r -> r.replace("        name: RStudio Session (alice)\n", "        name: RStudio Session (alice)\n        cost: 42\n"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(37);
            assertThat(p.check()).isEqualTo(Check.REQUIRED);
            assertThat(p.message()).contains("spec.template.metadata.annotations.cost must be a string",
                    "the integer '42'");
        });
    }

    @Test
    void invalidYamlIsReportedWithTheTemplateLine() {
        // A stray colon, as a hand edit of the template would produce.
        List<TemplateProblem> problems = check(DEFAULT, "typical-session", "job.tpl",
                t -> t.replace("      restartPolicy: Never", "      restartPolicy: Never: always"),
                r -> r.replace("      restartPolicy: Never", "      restartPolicy: Never: always"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo(Check.YAML);
            assertThat(p.line()).isEqualTo(60);
            assertThat(p.message()).startsWith("the rendered output is not valid YAML");
        });
    }

    @Test
    void whitespaceAroundTheObjectIsReported() {
        List<TemplateProblem> problems = check(DEFAULT, "minimal", "service.tpl",
                t -> "\n" + t + "\n\n", r -> "\n" + r + "\n\n");
        assertThat(problems).extracting(TemplateProblem::check).containsExactly(Check.WHITESPACE, Check.WHITESPACE);
        assertThat(problems.get(0).message()).contains("starts with white space");
        assertThat(problems.get(1).message()).contains("ends with extra white space");
    }

    @Test
    void serviceSelectorMustNameTheJob() {
        List<TemplateProblem> problems = check(DEFAULT, "typical-session", "service.tpl",
                t -> t.replace("    job-name: {{toYaml .Job.id }}", "    app: {{toYaml .Job.id }}"),
                r -> r.replace("  selector:\n    job-name:", "  selector:\n    app:"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(35);
            assertThat(p.message()).isEqualTo("spec.selector.job-name is missing; it routes the Service to the job's pod");
        });
    }

    @Test
    void missingManagedByLabelAndRenamedContainerAreReported() {
        List<TemplateProblem> problems = check(DEFAULT, "typical-session", "job.tpl",
                t -> t.replace("    app.kubernetes.io/managed-by: \"launcher\"\n", "")
                        .replace("- name: rs-launcher-container", "- name: main"),
                r -> r.replace("    app.kubernetes.io/managed-by: \"launcher\"\n", "")
                        .replace("- name: rs-launcher-container", "- name: main"));
        assertThat(problems).extracting(TemplateProblem::toString).containsExactly(
                "job.tpl:11: [hard-coded value] metadata.labels[\"app.kubernetes.io/managed-by\"] is missing;"
                        + " it must be launcher",
                "job.tpl:102: [required piece] no container named rs-launcher-container in"
                        + " spec.template.spec.containers; the plugin reports the job's state and output from it");
    }

    @Test
    void twoDocumentsAreRejected() {
        List<TemplateProblem> problems = check(DEFAULT, "minimal", "service.tpl",
                t -> t + "---\nkind: Other\n", r -> r + "---\nkind: Other\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.check()).isEqualTo(Check.YAML);
            assertThat(p.message()).contains("2 YAML documents");
        });
    }

    private List<TemplateProblem> check(String folder, String job, String file,
            java.util.function.UnaryOperator<String> editTemplate, java.util.function.UnaryOperator<String> editRendered) {
        String template = editTemplate.apply(Fixtures.template(folder, file));
        String rendered = Fixtures.rendered(folder, job, file);
        String edited = editRendered.apply(rendered);
        if (!editTemplate.apply("x").equals("x") || !template.equals(Fixtures.template(folder, file))) {
            assertThat(edited).as("the test's edit must change the rendering").isNotEqualTo(rendered);
        }
        Kind kind = file.startsWith("job") ? Kind.JOB : Kind.SERVICE;
        return checker.check(file, kind, template, edited, ExpectedJob.fromContext(Fixtures.jobContext(job)));
    }
}
