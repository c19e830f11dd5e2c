package io.kubelauncher.kubernetes.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateDirectoryTest {

    @Test
    void defaultsAreWrittenOnceAndNeverOverwritten(@TempDir Path dir) throws Exception {
        TemplateDirectory templates = new TemplateDirectory(dir, TemplateFunctions.launcher());
        assertThat(templates.writeDefaultsIfMissing()).containsExactlyInAnyOrder(dir.resolve("job.tpl"), dir.resolve("service.tpl"));
        Files.writeString(dir.resolve("job.tpl"), Files.readString(dir.resolve("job.tpl")) + "\n# edited by the admin\n");

        assertThat(templates.writeDefaultsIfMissing()).isEmpty();
        assertThat(Files.readString(dir.resolve("job.tpl"))).endsWith("# edited by the admin\n");
        assertThat(templates.load().templateNames()).contains("job.tpl", "service.tpl");
    }

    @Test
    void everyTplIsLoadedForInclude(@TempDir Path dir) throws Exception {
        TemplateDirectory templates = new TemplateDirectory(dir, TemplateFunctions.launcher());
        templates.writeDefaultsIfMissing();
        Files.writeString(dir.resolve("extra.tpl"), "{{- define \"team\" -}}analytics{{- end -}}");
        assertThat(templates.load().render("extra.tpl", null)).isEmpty();
        assertThat(templates.load().templateNames()).contains("team");
    }

    @Test
    void anotherMajorVersionIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
        TemplateDirectory templates = new TemplateDirectory(dir, TemplateFunctions.launcher());
        templates.writeDefaultsIfMissing();
        Files.writeString(dir.resolve("service.tpl"), Files.readString(dir.resolve("service.tpl")).replace("# Version: 2.5.0", "# Version: 3.0.0"));
        assertThatThrownBy(templates::load).isInstanceOf(TemplateLoadException.class)
                .hasMessageContaining(dir.resolve("service.tpl") + ":1:").hasMessageContaining("3.0.0").hasMessageContaining("2.x");
    }

    @Test
    void olderMinorVersionsOfTheSameMajorAreAccepted(@TempDir Path dir) throws Exception {
        TemplateDirectory templates = new TemplateDirectory(dir, TemplateFunctions.launcher());
        templates.writeDefaultsIfMissing();
        Files.writeString(dir.resolve("job.tpl"), Files.readString(dir.resolve("job.tpl")).replace("# Version: 2.5.0", "# Version: 2"));
        assertThat(templates.load().templateNames()).contains("job.tpl");
    }

    @Test
    void aMissingVersionCommentOrBadSyntaxIsNamed(@TempDir Path dir) throws Exception {
        TemplateDirectory templates = new TemplateDirectory(dir, TemplateFunctions.launcher());
        templates.writeDefaultsIfMissing();
        Files.writeString(dir.resolve("job.tpl"), "apiVersion: batch/v1\n");
        assertThatThrownBy(templates::load).hasMessageContaining(dir.resolve("job.tpl") + ":1: the template must start with a '# Version:");

        Files.writeString(dir.resolve("job.tpl"), "# Version: 2.5.0\nkind: {{ .Job.name \n");
        assertThatThrownBy(templates::load).isInstanceOf(TemplateLoadException.class).hasMessageContaining("job.tpl:2");
    }
}
