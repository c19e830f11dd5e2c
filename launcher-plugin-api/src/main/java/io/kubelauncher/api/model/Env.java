package io.kubelauncher.api.model;

import java.util.Objects;

/** One environment variable of a job (spec 7.4.3); both members are required on the wire. */
public record Env(String name, String value) {
    public Env {
        Objects.requireNonNull(name, "environment entry: name is required");
        Objects.requireNonNull(value, "environment entry: value is required");
    }
}
