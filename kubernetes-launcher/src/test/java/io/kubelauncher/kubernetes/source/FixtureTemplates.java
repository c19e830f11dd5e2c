package io.kubelauncher.kubernetes.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real-world template sets in the shared test data ({@code fixtures/templates}), copied where a
 * renderer reads them, so that a test may change or reload them without touching the originals.
 */
final class FixtureTemplates {

    private FixtureTemplates() {
    }

    /** Copies every file of {@code fixtures/templates/<folder>} into {@code target}; returns {@code target}. */
    static Path copy(String folder, Path target) throws IOException {
        Path source = Path.of(System.getProperty("kubelauncher.testdata"), "fixtures", "templates", folder);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
