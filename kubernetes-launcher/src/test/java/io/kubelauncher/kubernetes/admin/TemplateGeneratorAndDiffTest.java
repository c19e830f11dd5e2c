package io.kubelauncher.kubernetes.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateGeneratorAndDiffTest {

    @TempDir
    Path tmp;

    private final Map<String, String> defaults = DefaultTemplates.texts();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void generateCreatesTheScratchPathAndWritesBothTemplates() throws IOException {
        Path scratch = tmp.resolve("var/lib/rstudio-launcher/Kubernetes");
        int status = new TemplateGenerator().run(scratch, outStream, errStream);
        assertThat(status).isZero();
        assertThat(Files.readString(scratch.resolve("job.tpl"))).startsWith("# Version: 2.5.0\n")
                .isEqualTo(defaults.get("job.tpl"));
        assertThat(Files.readString(scratch.resolve("service.tpl"))).isEqualTo(defaults.get("service.tpl"));
        assertThat(out()).contains("Wrote " + scratch.resolve("job.tpl"), "Wrote " + scratch.resolve("service.tpl"));
    }

    @Test
    void generateNeverOverwrites() throws IOException {
        Files.writeString(tmp.resolve("job.tpl"), "# Version: 2.5.0\nmine\n");
        int status = new TemplateGenerator().run(tmp, outStream, errStream);
        assertThat(status).isZero();
        assertThat(Files.readString(tmp.resolve("job.tpl"))).isEqualTo("# Version: 2.5.0\nmine\n");
        assertThat(Files.readString(tmp.resolve("service.tpl"))).isEqualTo(defaults.get("service.tpl"));
        assertThat(out()).contains(tmp.resolve("job.tpl") + " already exists; left unchanged");
    }

    @Test
    void diffOfUntouchedTemplatesIsEmpty() {
        new TemplateGenerator().run(tmp, outStream, errStream);
        out.reset();
        int status = new TemplateDiff(defaults, System.getenv("PATH")).run(tmp, outStream, errStream);
        assertThat(status).isZero();
        assertThat(out()).isEqualTo("job.tpl: no changes\nservice.tpl: no changes\n");
    }

    @Test
    void diffShowsTheAdministratorsChanges() throws IOException {
        new TemplateGenerator().run(tmp, outStream, errStream);
        out.reset();
        Path job = tmp.resolve("job.tpl");
        Files.writeString(job, Files.readString(job).replace("    spec:\n", "    spec:\n      imagePullSecrets:\n"
                + "        - name: mysecret\n"));
        int status = new TemplateDiff(defaults, System.getenv("PATH")).run(tmp, outStream, errStream);
        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("--- job.tpl (as --generate-templates writes it)", "+++ " + job,
                "+      imagePullSecrets:\n+        - name: mysecret\n", "service.tpl: no changes");
    }

    @Test
    void diffMissingFromThePathGivesAClearMessage() throws IOException {
        new TemplateGenerator().run(tmp, outStream, errStream);
        Path emptyBin = Files.createDirectory(tmp.resolve("bin"));
        int status = new TemplateDiff(defaults, emptyBin.toString()).run(tmp, outStream, errStream);
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("--diff-templates needs the diff command, and there is none on the PATH ("
                + emptyBin + ")");
    }

    @Test
    void diffOfAMissingTemplateSaysHowToCreateIt() {
        int status = new TemplateDiff(defaults, System.getenv("PATH")).run(tmp, outStream, errStream);
        assertThat(status).isEqualTo(2);
        assertThat(err()).contains(tmp.resolve("job.tpl") + " does not exist; run --generate-templates");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
