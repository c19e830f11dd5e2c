package io.kubelauncher.kubernetes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kubelauncher.api.model.Container;
import io.kubelauncher.api.model.Job;
import io.kubelauncher.kubernetes.source.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin guide's template functions beyond Sprig, in the plugin's own function map and through
 * its own renderer: the guide's examples for {@code exec} and {@code groups}, run for real.
 */
class TemplateFunctionsTest {

    @TempDir
    Path scratch;

    @Test
    void theLauncherMapHasTheAdminGuidesFunctions() {
        assertThat(TemplateFunctions.launcher()).containsKeys("include", "toYaml", "exec", "groups",
                "has", "quote", "trim", "default");
    }

    /** The guide's "Custom annotation with dynamic execution" example, with sh standing in for get-user-details. */
    @Test
    void execRunsAProgramWithoutAShellAndExposesItsResult() throws Exception {
        Map<String, String> annotations = annotationsWith("""
                        my.org/direct: {{ exec "echo" "-n" "Hello, world" }}
                        {{- $res := exec "sh" "-c" "echo cc-$0" .Job.user }}
                        {{- if eq $res.ExitCode 0 }}
                        my.org/costCenter: {{ $res.Stdout | trim | quote }}
                        {{- end }}
                        {{- $fail := exec "sh" "-c" "echo oops >&2; exit 3" }}
                        my.org/failed: {{ printf "%d %s" $fail.ExitCode ($fail.Stderr | trim) | quote }}
                        {{- $missing := exec "/no/such/program" }}
                        my.org/missing: {{ $missing.ExitCode | quote }}
                        my.org/literal: {{ (exec "echo" "$HOME;" "`id`").Stdout | trim | quote }}
                """);

        assertThat(annotations).containsEntry("my.org/direct", "Hello, world")
                .containsEntry("my.org/costCenter", "cc-alice")
                .containsEntry("my.org/failed", "3 oops")
                .containsEntry("my.org/missing", "-1")
                .containsEntry("my.org/literal", "$HOME; `id`");
    }

    /** The guide's "Add annotation for group members" example, against this machine's group database. */
    @Test
    void groupsListsTheUsersGroups() throws Exception {
        String user = System.getProperty("user.name");
        List<String> expected = Arrays.asList(run("id", "-Gn", user).strip().split("\\s+"));
        Map<String, String> annotations = annotationsWith("""
                        {{- $grp := groups "%s" }}
                        {{- if has "%s" $grp }}
                        my.org/member: "true"
                        {{- end }}
                        my.org/groups: {{ join "," $grp | quote }}
                """.formatted(user, expected.get(0)));

        assertThat(annotations).containsEntry("my.org/member", "true");
        assertThat(List.of(annotations.get("my.org/groups").split(","))).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Renders the default job.tpl with {@code extra} added to the pod template's annotations. */
    private Map<String, String> annotationsWith(String extra) throws Exception {
        TemplateDirectory directory = new TemplateDirectory(scratch, TemplateFunctions.launcher());
        directory.writeDefaultsIfMissing();
        Path jobTpl = scratch.resolve(TemplateDirectory.JOB);
        String userLine = "        user: {{ toYaml .Job.user }}\n";
        String text = Files.readString(jobTpl);
        assertThat(text).contains(userLine);
        Files.writeString(jobTpl, text.replace(userLine, userLine + extra.stripTrailing() + "\n"));

        TemplateRenderer renderer = new TemplateRenderer(directory, JsonMapper.builder().build(), new KubernetesSerialization());
        Job job = Job.builder().name("Session").user("alice").exe("/bin/true").container(Container.of("busybox")).build();
        return renderer.job(JobContext.of(Admission.unchanged(job), "Kubernetes", true))
                .getSpec().getTemplate().getMetadata().getAnnotations();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", List.of(command), out).isZero();
        return out;
    }
}
