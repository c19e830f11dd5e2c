package io.kubelauncher.testkit.demo;

import java.util.Objects;

/**
 * One thing the demo showed and verified: a short name for the summary table, whether it held, and
 * what was actually observed (so a failure says what came back instead).
 */
public record Check(String name, boolean passed, String observed) {

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(observed, "observed");
    }
}
