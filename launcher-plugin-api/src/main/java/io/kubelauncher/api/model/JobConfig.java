package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A custom per-job setting (spec 7.4.8): declared in Cluster Info (usually without a value),
 * chosen in a job. {@code valueType} is one of {@code string}, {@code int}, {@code float},
 * {@code enum}; other strings are carried through unchanged because the Go SDK does not check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobConfig(String name, String valueType, String value) {
    public JobConfig {
        Objects.requireNonNull(name, "job config: name is required");
    }
}
