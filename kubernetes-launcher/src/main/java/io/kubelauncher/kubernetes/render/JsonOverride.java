package io.kubelauncher.kubernetes.render;

import tools.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One {@code job-json-overrides} entry as rendering applies it.
 *
 * @param pointer RFC 6901 JSON Pointer into the generated Job
 * @param value the JSON value to put there
 * @param origin where the entry was configured, for messages (e.g. the value file's path)
 */
public record JsonOverride(String pointer, JsonNode value, String origin) {

    public JsonOverride {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
