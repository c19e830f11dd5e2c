package io.kubelauncher.kubernetes.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders with real Go text/template + Sprig (the differential-test oracle binary), so the
 * validator's tests exercise real parse and execution errors independently of the Java engine.
 */
final class GoOracleRenderer implements TemplateRenderer {

    private final Path oracle;
    private final JsonMapper json = JsonMapper.builder().build();

    GoOracleRenderer(Path oracle) {
        this.oracle = oracle;
    }

    static Path oracleBinary() {
        String path = System.getProperty("gotemplate.oracle");
        return path == null ? null : Path.of(path);
    }

    @Override
    public String render(Path folder, String templateName, Map<String, Object> job) throws TemplateRenderingException {
        try {
            Path data = Files.createTempFile("validation-job", ".json");
            try {
                Files.writeString(data, json.writeValueAsString(Map.of("Job", job)));
                Process process = new ProcessBuilder(oracle.toString(), folder.toString(), templateName, data.toString())
                        .start();
                process.getOutputStream().close();
                byte[] stdout = process.getInputStream().readAllBytes();
                String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (process.waitFor() != 0) {
                    throw TemplateRenderingException.fromGoMessage(templateName, stderr, null);
                }
                return new String(stdout, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
