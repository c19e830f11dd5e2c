package io.kubelauncher.kubernetes.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** The shared test data: vendor templates, sample .Job contexts and what Go renders from them. */
final class Fixtures {

    private Fixtures() {
    }

    static Path root() {
        String dir = System.getProperty("kubelauncher.testdata");
        if (dir == null) {
            throw new IllegalStateException("system property kubelauncher.testdata is not set (run through Maven)");
        }
        return Path.of(dir, "fixtures");
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String template(String folder, String file) {
        return read(root().resolve("templates").resolve(folder).resolve(file));
    }

    static String rendered(String folder, String job, String file) {
        return read(root().resolve("expected").resolve(folder).resolve(job).resolve(file + ".out"));
    }

    /** The {@code .Job} map of a sample job (JSON is YAML, so SnakeYAML reads it). */
    static Map<?, ?> jobContext(String job) {
        Map<?, ?> document = new Yaml().load(read(root().resolve("jobs").resolve(job + ".json")));
        return (Map<?, ?>) document.get("Job");
    }
}
