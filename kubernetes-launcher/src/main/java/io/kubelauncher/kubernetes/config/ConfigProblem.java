package io.kubelauncher.kubernetes.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration input, and where it is.
 *
 * @param origin {@code FILE:LINE}, {@code command line --NAME}, or a file name when no line applies
 * @param message what is wrong, naming the setting and the offending value
 */
public record ConfigProblem(String origin, String message) {

    public ConfigProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
