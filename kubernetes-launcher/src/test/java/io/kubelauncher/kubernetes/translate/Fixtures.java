package io.kubelauncher.kubernetes.translate;

import java.nio.file.Path;

/** Locates the shared test data (set by the parent POM's surefire configuration). */
final class Fixtures {

    private Fixtures() {
    }

    static Path root() {
        String dir = System.getProperty("kubelauncher.testdata");
        if (dir == null) {
            throw new IllegalStateException("system property kubelauncher.testdata is not set (run the tests through Maven)");
        }
        return Path.of(dir, "fixtures");
    }
}
